using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>
/// The server side of the live agenda: one typed method per intent, each run through the <see cref="LiveCore"/> in the
/// meeting's turn (the caller's current rights, a resent operation id applied once, saved with its operation record,
/// published to the meeting's feed after the turn). The page calls it in-process; <see cref="AgendaHub"/> exposes the
/// same methods to other clients. Putting an application or a status report on the agenda is the server's own doing
/// and not on the hub.
/// </summary>
public sealed class AgendaService(IDbContextFactory<NinetyNineDb> dbFactory, LiveCore live, MeetingSeriesService series, TimeProvider time,
    ILogger<AgendaService> logger)
{
    public const int MaxPatchLength = 30_000;

    /// <summary>The meeting as a live aggregate of the core.</summary>
    public static readonly LiveKind<Meeting> Kind = new("meeting",
        (db, id, ct) => db.Meetings.SingleOrDefaultAsync(m => m.Id == new MeetingId(id), ct), m => m.NetworkId, "Meeting.Unknown");

    /// <summary>The feed topic of a meeting's presence (its id is the meeting's): who is there, no order.</summary>
    public const string PresenceTopic = "meeting-presence";

    /// <summary>The feed topic that says a card made from one of the meeting's action items changed: read the status again.</summary>
    public const string CardsTopic = "meeting-cards";

    /// <summary>Where the meeting's changes, presence and card signals are published.</summary>
    public ILiveFeed Feed => live.Feed;

    /// <summary>The core group and the coordinator edit the agenda, as the network has their roles now.</summary>
    public static bool CanEdit(LiveCaller caller) => caller?.IsCoreGroup == true;

    /// <summary>Moving and cancelling a meeting is the coordinator's: they keep the series.</summary>
    public static bool CanSchedule(LiveCaller caller) => caller?.IsCoordinator == true;

    /// <summary>The agenda at its current sequence number; null when the meeting is not this (active) person's network's.</summary>
    public async Task<MeetingSnapshot?> SnapshotAsync(CurrentMember member, Guid meetingId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sequence = await LiveCore.SequenceAsync(db, Kind.Name, meetingId, cancellationToken);
        var meeting = await FindAsync(db, member, meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var caller = LiveCaller.Of(member, await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken));
        return caller.IsActive ? Snapshot(meeting, sequence, CanEdit(caller)) : null;
    }

    /// <summary>The changes after <paramref name="since"/> for a client that fell behind; null: take a snapshot.</summary>
    public async Task<IReadOnlyList<AgendaChange>?> SinceAsync(CurrentMember member, Guid meetingId, long since, CancellationToken cancellationToken = default) =>
        await SnapshotAsync(member, meetingId, cancellationToken) is null ? null : await live.SinceAsync<AgendaChange>(Kind.Name, meetingId, since, cancellationToken);

    /// <summary>
    /// The edits of an item's notes after <paramref name="revision"/>, in order, for a client that missed some (after a
    /// reconnect, or a draft kept in the browser); null when the meeting or item is unknown or they are no longer all kept.
    /// </summary>
    public async Task<IReadOnlyList<NotesStepState>?> NotesSinceAsync(CurrentMember member, Guid meetingId, Guid itemId, long revision,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await FindAsync(db, member, meetingId, cancellationToken);
        var item = meeting?.Agenda.FirstOrDefault(i => i.Id == new AgendaItemId(itemId));
        return item?.NotesSince(revision) is { } steps ? [.. steps.Select(s => NotesStepState.Of(itemId, s))] : null;
    }

    /// <summary>Follows a meeting's accepted changes (for a page in this process); see <see cref="ILiveFeed.Subscribe"/>.</summary>
    public ILiveSubscription Subscribe(Guid meetingId, Action<AgendaChange> receive, Action dropped) =>
        live.Feed.Subscribe(Kind.Name, meetingId, e =>
        {
            receive((AgendaChange)e.Change);
            return Task.CompletedTask;
        }, dropped);

    /// <summary>Tells everyone with the meeting open that a card made from one of its action items changed on its board.</summary>
    public void LinkedCardsChanged(Guid meetingId) => live.Feed.Publish(new LiveEvent(CardsTopic, meetingId, 0, meetingId));

    public Task<AgendaResult> AddItemAsync(CurrentMember member, Guid meetingId, Guid operationId, string title, CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.AddAgendaItem), m => Touched(m.AddAgendaItem(title ?? string.Empty)), cancellationToken);

    public Task<AgendaResult> RetitleItemAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, string title,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.RetitleAgendaItem), m =>
        {
            m.RetitleAgendaItem(new AgendaItemId(itemId), title ?? string.Empty);
            return Touched(m, itemId);
        }, cancellationToken);

    public Task<AgendaResult> RemoveItemAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.RemoveAgendaItem), m =>
        {
            m.RemoveAgendaItem(new AgendaItemId(itemId));
            return Effect.None;
        }, cancellationToken);

    /// <summary>An item to a place on the agenda (from 0).</summary>
    public Task<AgendaResult> MoveItemAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, int index,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.MoveAgendaItem), m =>
        {
            m.MoveAgendaItem(new AgendaItemId(itemId), index);
            return Effect.None;
        }, cancellationToken);

    public Task<AgendaResult> SetPresenterAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, string? presenter,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.SetPresenter), m =>
        {
            m.SetPresenter(new AgendaItemId(itemId), presenter);
            return Touched(m, itemId);
        }, cancellationToken);

    public Task<AgendaResult> SetTimeboxAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, int? minutes,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.SetTimebox), m =>
        {
            m.SetTimebox(new AgendaItemId(itemId), minutes);
            return Touched(m, itemId);
        }, cancellationToken);

    /// <summary>
    /// One edit of an item's notes: <paramref name="operation"/> is a text operation (JSON, see <see cref="TextOperation"/>)
    /// made against the notes at <paramref name="baseRevision"/>; the item transforms it against the edits since.
    /// </summary>
    public Task<AgendaResult> EditNotesAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, long baseRevision, string operation,
        CancellationToken cancellationToken = default)
    {
        if (operation?.Length > MaxPatchLength)
        {
            return Task.FromResult(AgendaResult.Refused(Text.Get("Text.TooLong", Text.Get("Field.Notes"), MaxPatchLength)));
        }

        return EditAsync(member, meetingId, operationId, nameof(Meeting.EditNotes), m =>
        {
            var id = new AgendaItemId(itemId);
            var step = m.EditNotes(id, baseRevision, operationId, TextOperation.Parse(operation ?? string.Empty));
            return Touched(m, itemId) with { Notes = NotesStepState.Of(itemId, step) };
        }, cancellationToken);
    }

    public Task<AgendaResult> RecordDecisionAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, string text,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.RecordDecision), (m, now) =>
        {
            m.RecordDecision(new AgendaItemId(itemId), text ?? string.Empty, now);
            return Touched(m, itemId);
        }, cancellationToken);

    public Task<AgendaResult> RemoveDecisionAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, Guid decisionId,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.RemoveDecision), m =>
        {
            m.RemoveDecision(new AgendaItemId(itemId), decisionId);
            return Touched(m, itemId);
        }, cancellationToken);

    public Task<AgendaResult> AddActionAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, string text, string? owner, DateOnly? dueOn,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.AddActionItem), m =>
        {
            m.AddActionItem(new AgendaItemId(itemId), text ?? string.Empty, owner, dueOn);
            return Touched(m, itemId);
        }, cancellationToken);

    public Task<AgendaResult> SetActionDoneAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, Guid actionId, bool done,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.SetActionDone), m =>
        {
            m.SetActionDone(new AgendaItemId(itemId), actionId, done);
            return Touched(m, itemId);
        }, cancellationToken);

    public Task<AgendaResult> RemoveActionAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, Guid actionId,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.RemoveActionItem), m =>
        {
            m.RemoveActionItem(new AgendaItemId(itemId), actionId);
            return Touched(m, itemId);
        }, cancellationToken);

    public Task<AgendaResult> RemoveTopicAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, Guid topicId,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.RemoveTopic), m =>
        {
            m.RemoveTopic(new AgendaItemId(itemId), topicId);
            return Touched(m, itemId);
        }, cancellationToken);

    /// <summary>The meeting begins (its first item is current).</summary>
    public Task<AgendaResult> StartMeetingAsync(CurrentMember member, Guid meetingId, Guid operationId, CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.Start), (m, now) =>
        {
            m.Start(now);
            return Effect.All;
        }, cancellationToken);

    public Task<AgendaResult> MoveToItemAsync(CurrentMember member, Guid meetingId, Guid operationId, Guid itemId, CancellationToken cancellationToken = default) =>
        EditAsync(member, meetingId, operationId, nameof(Meeting.MoveToItem), (m, now) =>
        {
            m.MoveToItem(new AgendaItemId(itemId), now);
            return Effect.All;
        }, cancellationToken);

    /// <summary>The meeting ends; what was not discussed and the open actions go to the next meeting of the series.</summary>
    public Task<AgendaResult> CloseMeetingAsync(CurrentMember member, Guid meetingId, Guid operationId, CancellationToken cancellationToken = default) =>
        RunAsync(member, meetingId, operationId, nameof(Meeting.Close), Rights.Edit, async (turn, now) =>
        {
            turn.Aggregate.Close(now);
            await series.CarryOverAsync(turn.Db, turn.Aggregate, cancellationToken);
            return Effect.All;
        }, cancellationToken);

    /// <summary>Coordinator only: a new start, length, and how the core group meets.</summary>
    public Task<AgendaResult> RescheduleAsync(CurrentMember member, Guid meetingId, Guid operationId, DateTime startsAt, int durationMinutes, MeetingMode mode,
        string? details, CancellationToken cancellationToken = default) =>
        RunAsync(member, meetingId, operationId, nameof(Meeting.Reschedule), Rights.Schedule, (turn, now) =>
        {
            turn.Aggregate.Reschedule(startsAt, durationMinutes, mode, details, now);
            return Task.FromResult(Effect.None);
        }, cancellationToken);

    /// <summary>Coordinator only: the meeting does not take place; its points go to the next meeting.</summary>
    public Task<AgendaResult> CancelMeetingAsync(CurrentMember member, Guid meetingId, Guid operationId, CancellationToken cancellationToken = default) =>
        RunAsync(member, meetingId, operationId, nameof(Meeting.Cancel), Rights.Schedule, async (turn, _) =>
        {
            turn.Aggregate.Cancel();
            await series.CarryOverAsync(turn.Db, turn.Aggregate, cancellationToken);
            return Effect.None;
        }, cancellationToken);

    /// <summary>
    /// The server only (not on the hub): a new application goes under item 1 of a meeting as a live change, so everyone
    /// who has the meeting open sees it arrive. Returns false when it could not (the meeting closed or was cancelled
    /// meanwhile, or the agenda is full). Pages and hub clients hear it from the meeting's feed.
    /// </summary>
    public async Task<bool> PutOnAgendaAsync(NetworkId networkId, MeetingId meetingId, Application application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var outcome = await RunCoreAsync(System(networkId), meetingId.Value, Guid.NewGuid(), nameof(Meeting.AddTopic), Rights.Edit, (turn, _) =>
        {
            var m = turn.Aggregate;
            m.AddTopic(StandingItem.Applications, AgendaTopicKind.Application, application.Id.Value, application.CompanyName, presenter: null);
            return Task.FromResult(Touched(m.Agenda.Single(i => i.HasTopic(AgendaTopicKind.Application, application.Id.Value))));
        }, cancellationToken);
        return outcome.Accepted;
    }

    /// <summary>
    /// The server only (not on the hub): a theme group's status report goes into its update slot under item 2 of a
    /// meeting as a live change. Returns false when it could not (the meeting closed or was cancelled).
    /// </summary>
    public async Task<bool> ReportOnAgendaAsync(NetworkId networkId, MeetingId meetingId, Guid themeGroupId, string groupName, string? leadName,
        GroupStatus status, string text, int jobsCreated, CancellationToken cancellationToken = default)
    {
        var outcome = await RunCoreAsync(System(networkId), meetingId.Value, Guid.NewGuid(), nameof(Meeting.ReportOnUpdateSlot), Rights.Edit, (turn, _) =>
            Task.FromResult(Touched(turn.Aggregate.ReportOnUpdateSlot(themeGroupId, groupName ?? string.Empty, leadName, status, text ?? string.Empty, jobsCreated))),
            cancellationToken);
        return outcome.Accepted;
    }

    /// <summary>The server itself, acting in a network: for changes no person sends.</summary>
    private static CurrentMember System(NetworkId networkId) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, NetworkRole.Coordinator.ToString())], LiveCaller.SystemAuthentication)), networkId, default);

    private enum Rights
    {
        Edit,
        Schedule,
    }

    /// <summary>What an intent changed, for the clients: the items to send whole (all of them, or one), and a notes step.</summary>
    private sealed record Effect(bool AllItems, AgendaItem? Item, NotesStepState? Notes = null)
    {
        public static readonly Effect None = new(false, null);
        public static readonly Effect All = new(true, null);
    }

    private static Effect Touched(AgendaItem item) => new(false, item);

    private static Effect Touched(Meeting meeting, Guid itemId) => new(false, meeting.Item(new AgendaItemId(itemId)));

    private Task<AgendaResult> EditAsync(CurrentMember member, Guid meetingId, Guid operationId, string operation, Func<Meeting, Effect> apply,
        CancellationToken cancellationToken) =>
        EditAsync(member, meetingId, operationId, operation, (m, _) => apply(m), cancellationToken);

    private Task<AgendaResult> EditAsync(CurrentMember member, Guid meetingId, Guid operationId, string operation, Func<Meeting, DateTime, Effect> apply,
        CancellationToken cancellationToken) =>
        RunAsync(member, meetingId, operationId, operation, Rights.Edit, (turn, now) => Task.FromResult(apply(turn.Aggregate, now)), cancellationToken);

    private async Task<AgendaResult> RunAsync(CurrentMember member, Guid meetingId, Guid operationId, string operation, Rights rights,
        Func<LiveTurn<Meeting>, DateTime, Task<Effect>> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var outcome = await RunCoreAsync(member, meetingId, operationId, operation, rights, apply, cancellationToken);
        return new AgendaResult(outcome.Accepted, outcome.Error, outcome.Sequence, outcome.Duplicate);
    }

    /// <summary>
    /// One intent through the live core: the caller may do it by their rights as the network has them now, and the change
    /// goes out as the items it touched (whole), the items it removed, and the resulting order.
    /// </summary>
    private Task<LiveOutcome<AgendaChange>> RunCoreAsync(CurrentMember member, Guid meetingId, Guid operationId, string operation, Rights rights,
        Func<LiveTurn<Meeting>, DateTime, Task<Effect>> apply, CancellationToken cancellationToken) =>
        live.RunAsync(Kind, member, meetingId, operationId, operation, async turn =>
        {
            if (!CanEdit(turn.Caller))
            {
                logger.LogWarning("Refused agenda change {Operation} by a person without edit rights", operation);
                throw new ForbiddenException(Text.Get("Agenda.ReadOnly"));
            }

            if (rights == Rights.Schedule && !CanSchedule(turn.Caller))
            {
                logger.LogWarning("Refused {Operation} of a meeting by a person who is not the coordinator", operation);
                throw new ForbiddenException(Text.Get("Agenda.CoordinatorOnly"));
            }

            var meeting = turn.Aggregate;
            var before = meeting.Agenda.Select(i => i.Id.Value).ToHashSet();
            var effect = await apply(turn, turn.Caller.Network.LocalNow(time));
            var after = meeting.Agenda;
            // Starting, moving on and closing change which items count as discussed: those send every item.
            IEnumerable<AgendaItem> upserts = effect.AllItems ? after : effect.Item is { } item ? [item] : [];
            return new AgendaChange(
                meeting.Id.Value,
                turn.Sequence,
                operationId,
                operation,
                turn.Caller.IsSystem ? null : turn.Caller.Name,
                AgendaStates.Of(meeting),
                [.. upserts.Select(AgendaStates.Of)],
                [.. before.Except(after.Select(i => i.Id.Value))],
                [.. after.Select(i => i.Id.Value)],
                effect.Notes);
        }, cancellationToken);

    private static MeetingSnapshot Snapshot(Meeting meeting, long sequence, bool canEdit) =>
        new(meeting.Id.Value, sequence, AgendaStates.Of(meeting), [.. meeting.Agenda.Select(AgendaStates.Of)], canEdit && meeting.IsEditable);

    private static async Task<Meeting?> FindAsync(NinetyNineDb db, CurrentMember member, Guid meetingId, CancellationToken cancellationToken)
    {
        var id = new MeetingId(meetingId);
        return await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.NetworkId == member.NetworkId, cancellationToken);
    }

    internal static System.Text.Json.JsonSerializerOptions Json => LiveCore.Json;
}
