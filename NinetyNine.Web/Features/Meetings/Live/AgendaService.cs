using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>
/// The server side of the live agenda. Each command is applied to the <see cref="Meeting"/> aggregate and
/// saved together with its change record under the meeting's concurrency token; a concurrent save makes
/// it reload and apply again, so changes to one meeting are serialised by the database, not by memory.
/// </summary>
public sealed class AgendaService(IDbContextFactory<NinetyNineDb> dbFactory, NetworkDirectory networks, MeetingSeriesService series, TimeProvider time, ILogger<AgendaService> logger)
{
    public const int MaxPatchLength = 30_000;
    private readonly LiveLines<Meeting> _lines = new(dbFactory, (db, id, ct) => db.Meetings.SingleOrDefaultAsync(m => m.Id == new MeetingId(id), ct));
    public const int MaxCatchUpChanges = 500;
    private const int MaxAttempts = 8;

    public static bool CanEdit(ClaimsPrincipal user) => user.IsCoreGroup();

    /// <summary>Moving and cancelling a meeting is the coordinator's: they keep the series.</summary>
    public static bool CanSchedule(ClaimsPrincipal user) => user.IsCoordinator();

    public async Task<MeetingSnapshot?> SnapshotAsync(CurrentMember member, Guid meetingId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await FindAsync(db, member, meetingId, tracking: false, cancellationToken);
        return meeting is null ? null : Snapshot(meeting, member);
    }

    public async Task<AgendaCatchUp?> CatchUpAsync(CurrentMember member, Guid meetingId, long since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await FindAsync(db, member, meetingId, tracking: false, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var missing = meeting.Sequence - since;
        if (missing is > 0 and <= MaxCatchUpChanges)
        {
            var records = await db.MeetingChanges.AsNoTracking()
                .Where(c => c.MeetingId == meeting.Id && c.Sequence > since)
                .OrderBy(c => c.Sequence)
                .Select(c => c.Payload)
                .ToListAsync(cancellationToken);
            if (records.Count == missing)
            {
                return new AgendaCatchUp([.. records.Select(p => JsonSerializer.Deserialize<AgendaChange>(p, Json)!)], null);
            }
        }

        return new AgendaCatchUp([], missing == 0 ? null : Snapshot(meeting, member));
    }

    /// <summary>
    /// The edits of an item's notes after <paramref name="revision"/>, in order, for a client that missed some (after a
    /// reconnect, or a draft kept in the browser); null when the meeting or item is unknown or they are no longer all kept.
    /// </summary>
    public async Task<IReadOnlyList<NotesStepState>?> NotesSinceAsync(CurrentMember member, Guid meetingId, Guid itemId, long revision,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await FindAsync(db, member, meetingId, tracking: false, cancellationToken);
        var item = meeting?.Agenda.FirstOrDefault(i => i.Id == new AgendaItemId(itemId));
        return item?.NotesSince(revision) is { } steps ? [.. steps.Select(s => NotesStepState.Of(itemId, s))] : null;
    }

    /// <summary>
    /// Applies a command and saves it; <paramref name="publish"/> (the hub's broadcast) runs before the next change to
    /// the same meeting is applied, so every client receives the changes in sequence order.
    /// </summary>
    public async Task<(AgendaCommandResult Result, AgendaChange? Change)> ApplyAsync(CurrentMember member, AgendaCommand command,
        Func<AgendaChange, Task>? publish = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Kind is AgendaCommandKind.AddApplicationTopic or AgendaCommandKind.SetTopicReport)
        {
            logger.LogWarning("Refused the server-only agenda command {Kind} sent by a client", command.Kind);
            return (AgendaCommandResult.Refused(Text.Get("Agenda.UnknownCommand")), null);
        }

        return await ApplyCheckedAsync(member, command, publish, cancellationToken);
    }

    /// <summary>
    /// A new application goes under item 1 of a meeting as a live change, so everyone who has the meeting open sees it
    /// arrive. Returns false when it could not (the meeting closed or was cancelled meanwhile, or the agenda is full).
    /// </summary>
    public async Task<bool> PutOnAgendaAsync(NetworkId networkId, MeetingId meetingId, Application application, Func<AgendaChange, Task>? publish,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var system = System(networkId);
        var command = new AgendaCommand(meetingId.Value, Guid.NewGuid(), AgendaCommandKind.AddApplicationTopic, TargetId: application.Id.Value, Text: application.CompanyName);
        var (result, _) = await ApplyCheckedAsync(system, command, publish, cancellationToken);
        return result.Accepted;
    }

    /// <summary>
    /// A theme group's status report goes into its update slot under item 2 of a meeting as a live change, so everyone
    /// who has the meeting open sees it arrive. Returns false when it could not (the meeting closed or was cancelled).
    /// </summary>
    public async Task<bool> ReportOnAgendaAsync(NetworkId networkId, MeetingId meetingId, Guid themeGroupId, string groupName, string? leadName,
        string report, Func<AgendaChange, Task>? publish, CancellationToken cancellationToken = default)
    {
        var command = new AgendaCommand(meetingId.Value, Guid.NewGuid(), AgendaCommandKind.SetTopicReport, TargetId: themeGroupId, Text: groupName,
            Owner: leadName, Detail: report);
        var (result, _) = await ApplyCheckedAsync(System(networkId), command, publish, cancellationToken);
        return result.Accepted;
    }

    /// <summary>The server itself, acting in a network: for changes no person sends.</summary>
    private static CurrentMember System(NetworkId networkId) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, NetworkRole.Coordinator.ToString())], "system")), networkId, default);

    private async Task<(AgendaCommandResult Result, AgendaChange? Change)> ApplyCheckedAsync(CurrentMember member, AgendaCommand command,
        Func<AgendaChange, Task>? publish, CancellationToken cancellationToken)
    {
        if (!CanEdit(member.User))
        {
            logger.LogWarning("Refused agenda change {Kind} by a person without edit rights", command.Kind);
            return (AgendaCommandResult.Refused(Text.Get("Agenda.ReadOnly")), null);
        }

        if (command.Kind is AgendaCommandKind.Reschedule or AgendaCommandKind.Cancel && !CanSchedule(member.User))
        {
            logger.LogWarning("Refused {Kind} of a meeting by a person who is not the coordinator", command.Kind);
            return (AgendaCommandResult.Refused(Text.Get("Agenda.CoordinatorOnly")), null);
        }

        if (command.Kind == AgendaCommandKind.EditNotes && command.Text?.Length > MaxPatchLength)
        {
            return (AgendaCommandResult.Refused(Text.Get("Text.TooLong", Text.Get("Field.Notes"), MaxPatchLength)), null);
        }

        // One change at a time per meeting on this server: no save races (and retries) between editors here, and
        // changes are published in sequence order. Across servers the concurrency token still orders them.
        return await _lines.InTurnAsync(command.MeetingId, async line =>
        {
            var (result, change) = await ApplyInTurnAsync(line, member, command, cancellationToken);
            if (change is not null && publish is not null)
            {
                await publish(change);
            }

            return (result, change);
        }, cancellationToken);
    }

    private async Task<(AgendaCommandResult Result, AgendaChange? Change)> ApplyInTurnAsync(LiveLine<Meeting> line, CurrentMember member, AgendaCommand command,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (db, meeting) = await line.OpenAsync(time.GetUtcNow(), cancellationToken);
            if (meeting is null || meeting.NetworkId != member.NetworkId)
            {
                await line.ForgetAsync();
                return (AgendaCommandResult.Refused(Text.Get("Meeting.Unknown")), null);
            }

            // A resend of an operation already saved: answered with its sequence number. On a line that saved the
            // previous change itself, the unique (meeting, operation) index catches a resend at the save instead,
            // and the next round comes here with a fresh line.
            if (line.Fresh && await SequenceOfAsync(db, meeting.Id, command.OperationId, cancellationToken) is { } done)
            {
                return (new AgendaCommandResult(true, done, null, Duplicate: true), null);
            }

            AgendaChange change;
            MeetingChangeRecord record;
            try
            {
                var now = Network.LocalNow(time, await networks.TimeZoneAsync(meeting.NetworkId));
                change = Apply(meeting, command, now, member.User.FindFirstValue(ClaimTypes.GivenName));
                record = new MeetingChangeRecord(meeting.Id, change.Sequence, command.OperationId, JsonSerializer.Serialize(change, Json), time.GetUtcNow());
                db.MeetingChanges.Add(record);
                if (command.Kind is AgendaCommandKind.Close or AgendaCommandKind.Cancel)
                {
                    await series.CarryOverAsync(db, meeting, cancellationToken);
                }
            }
            catch (DomainException e)
            {
                // Nothing of a refused change may ride along with the next one: start from the database again.
                await line.ForgetAsync();
                return (AgendaCommandResult.Refused(e.Message), null);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(record).State = EntityState.Detached;
                line.Saved();
                if (command.Kind is AgendaCommandKind.Close or AgendaCommandKind.Cancel)
                {
                    await line.ForgetAsync(); // The next meeting was loaded and changed too; keep the line to this one.
                }

                return (new AgendaCommandResult(true, change.Sequence, null), change);
            }
            catch (Exception e) when (e is DbUpdateException or ConcurrencyConflictException && attempt < MaxAttempts)
            {
                // Someone else's change to this meeting landed first (another server), or this very operation was saved
                // by a resend: load the meeting again and apply ours on top (or find it done).
                await line.ForgetAsync();
            }
            catch (Exception e) when (e is DbUpdateException or ConcurrencyConflictException)
            {
                // Still losing after every attempt: say so, keep nothing half.
                await line.ForgetAsync();
                logger.LogWarning(e, "Agenda change {Kind} could not be saved after {Attempts} attempts", command.Kind, MaxAttempts);
                return (AgendaCommandResult.Refused(Text.Get("Agenda.Busy")), null);
            }
            catch
            {
                await line.ForgetAsync();
                throw;
            }
        }
    }

    /// <summary>Applies one command to the aggregate and describes the result for the clients.</summary>
    private static AgendaChange Apply(Meeting meeting, AgendaCommand c, DateTime now, string? by)
    {
        var itemId = c.ItemId is { } id ? new AgendaItemId(id) : (AgendaItemId?)null;
        AgendaItem Target() => meeting.Item(itemId ?? throw new DomainException("Meeting.UnknownItem"));
        var before = meeting.Agenda.Select(i => i.Id.Value).ToHashSet();
        AgendaItem? touched = null;
        NotesStepState? notes = null;

        switch (c.Kind)
        {
            case AgendaCommandKind.AddItem:
                touched = meeting.AddAgendaItem(c.Text ?? string.Empty);
                break;
            case AgendaCommandKind.RetitleItem:
                meeting.RetitleAgendaItem(Target().Id, c.Text ?? string.Empty);
                touched = Target();
                break;
            case AgendaCommandKind.RemoveItem:
                meeting.RemoveAgendaItem(Target().Id);
                break;
            case AgendaCommandKind.MoveItem:
                meeting.MoveAgendaItem(Target().Id, c.Number ?? -1);
                break;
            case AgendaCommandKind.SetPresenter:
                meeting.SetPresenter(Target().Id, c.Text);
                touched = Target();
                break;
            case AgendaCommandKind.SetTimebox:
                meeting.SetTimebox(Target().Id, c.Number);
                touched = Target();
                break;
            case AgendaCommandKind.EditNotes:
                // Transformed by the item against the edits applied since the sender's revision, then applied.
                notes = NotesStepState.Of(Target().Id.Value, meeting.EditNotes(Target().Id, c.BaseRevision ?? -1, c.OperationId, TextOperation.Parse(c.Text ?? string.Empty)));
                touched = Target();
                break;
            case AgendaCommandKind.RecordDecision:
                meeting.RecordDecision(Target().Id, c.Text ?? string.Empty, now);
                touched = Target();
                break;
            case AgendaCommandKind.RemoveDecision:
                meeting.RemoveDecision(Target().Id, c.TargetId ?? Guid.Empty);
                touched = Target();
                break;
            case AgendaCommandKind.AddAction:
                meeting.AddActionItem(Target().Id, c.Text ?? string.Empty, c.Owner, c.DueOn);
                touched = Target();
                break;
            case AgendaCommandKind.SetActionDone:
                meeting.SetActionDone(Target().Id, c.TargetId ?? Guid.Empty, c.Flag ?? true);
                touched = Target();
                break;
            case AgendaCommandKind.RemoveAction:
                meeting.RemoveActionItem(Target().Id, c.TargetId ?? Guid.Empty);
                touched = Target();
                break;
            case AgendaCommandKind.Start:
                meeting.Start(now);
                break;
            case AgendaCommandKind.MoveToItem:
                meeting.MoveToItem(Target().Id, now);
                break;
            case AgendaCommandKind.Close:
                meeting.Close(now);
                break;
            case AgendaCommandKind.RemoveTopic:
                meeting.RemoveTopic(Target().Id, c.TargetId ?? Guid.Empty);
                touched = Target();
                break;
            case AgendaCommandKind.Reschedule:
                meeting.Reschedule(c.At ?? meeting.StartsAt, c.Number ?? meeting.DurationMinutes, c.Mode ?? meeting.Mode, c.Text, now);
                break;
            case AgendaCommandKind.Cancel:
                meeting.Cancel();
                break;
            case AgendaCommandKind.AddApplicationTopic:
                meeting.AddTopic(StandingItem.Applications, AgendaTopicKind.Application, c.TargetId ?? Guid.Empty, c.Text ?? string.Empty, presenter: null);
                touched = meeting.Agenda.Single(i => i.HasTopic(AgendaTopicKind.Application, c.TargetId ?? Guid.Empty));
                break;
            case AgendaCommandKind.SetTopicReport:
                touched = meeting.ReportOnUpdateSlot(c.TargetId ?? Guid.Empty, c.Text ?? string.Empty, c.Owner, c.Detail ?? string.Empty);
                break;
            default:
                throw new DomainException("Agenda.UnknownCommand");
        }

        var after = meeting.Agenda;
        // Starting, moving on and closing change which items count as discussed: send those too.
        var upserts = c.Kind is AgendaCommandKind.Start or AgendaCommandKind.MoveToItem or AgendaCommandKind.Close
            ? after.ToList()
            : touched is null ? [] : [touched];
        return new AgendaChange(
            meeting.Id.Value,
            meeting.AdvanceSequence(),
            c.OperationId,
            c.Kind,
            by,
            AgendaStates.Of(meeting),
            [.. upserts.Select(AgendaStates.Of)],
            [.. before.Except(after.Select(i => i.Id.Value))],
            [.. after.Select(i => i.Id.Value)],
            notes);
    }

    private static MeetingSnapshot Snapshot(Meeting meeting, CurrentMember member) =>
        new(meeting.Id.Value, meeting.Sequence, AgendaStates.Of(meeting), [.. meeting.Agenda.Select(AgendaStates.Of)],
            CanEdit(member.User) && meeting.IsEditable);

    private static async Task<Meeting?> FindAsync(NinetyNineDb db, CurrentMember member, Guid meetingId, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Meetings : db.Meetings.AsNoTracking();
        var id = new MeetingId(meetingId);
        return await query.SingleOrDefaultAsync(m => m.Id == id && m.NetworkId == member.NetworkId, cancellationToken);
    }

    private static async Task<long?> SequenceOfAsync(NinetyNineDb db, MeetingId meetingId, Guid operationId, CancellationToken cancellationToken) =>
        await db.MeetingChanges.AsNoTracking()
            .Where(c => c.MeetingId == meetingId && c.OperationId == operationId)
            .Select(c => (long?)c.Sequence)
            .SingleOrDefaultAsync(cancellationToken);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
