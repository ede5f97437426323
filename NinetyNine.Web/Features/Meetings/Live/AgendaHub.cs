using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>
/// The one path for live agenda changes, from the Blazor page and any other client alike. Every method
/// checks, through <see cref="AgendaService"/>, that the caller belongs to the meeting's network, and
/// that they may edit before anything changes. Accepted changes are broadcast to the meeting's group.
/// </summary>
[Authorize(AuthenticationSchemes = HubTicketAuthentication.Schemes, Policy = Policies.Member)]
public sealed class AgendaHub(AgendaService agenda, PresenceTracker presence, ILogger<AgendaHub> logger) : Hub<IAgendaClient>
{
    public const string Path = "/hubs/agenda";

    public static string Group(Guid meetingId) => $"meeting:{meetingId}";

    /// <summary>Joins the meeting's group (again after every reconnect) and returns the agenda as it is now.</summary>
    public async Task<MeetingSnapshot> Join(Guid meetingId)
    {
        var member = Member();
        var snapshot = await agenda.SnapshotAsync(member, meetingId, Context.ConnectionAborted)
            ?? throw new HubException(Text.Get("Meeting.Unknown"));
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(meetingId), Context.ConnectionAborted);
        var present = presence.Join(meetingId, Context.ConnectionId, member.User.FindFirstValue(ClaimTypes.GivenName) ?? "?");
        await Clients.Group(Group(meetingId)).PresenceChanged(present);
        return snapshot;
    }

    /// <summary>Everything since <paramref name="sequence"/>, or a fresh snapshot when that is no longer at hand.</summary>
    public async Task<AgendaCatchUp> CatchUp(Guid meetingId, long sequence) =>
        await agenda.CatchUpAsync(Member(), meetingId, sequence, Context.ConnectionAborted)
            ?? throw new HubException(Text.Get("Meeting.Unknown"));

    /// <summary>The edits of an item's notes since a revision (empty when none; null when no longer all kept).</summary>
    public async Task<IReadOnlyList<NotesStepState>?> NotesSince(Guid meetingId, Guid itemId, long revision) =>
        await agenda.NotesSinceAsync(Member(), meetingId, itemId, revision, Context.ConnectionAborted);

    public async Task<AgendaCommandResult> Submit(AgendaCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var group = Clients.Group(Group(command.MeetingId));
        var (result, change) = await agenda.ApplyAsync(Member(), command, group.AgendaChanged, Context.ConnectionAborted);
        if (change is not null)
        {
            logger.LogDebug("Agenda change {Kind} accepted as {Sequence}", command.Kind, change.Sequence);
        }
        else if (!result.Accepted)
        {
            logger.LogInformation("Agenda change {Kind} refused", command.Kind);
        }

        return result;
    }

    /// <summary>Tells the others which item this person is editing (null: none).</summary>
    public async Task Editing(Guid meetingId, Guid? itemId)
    {
        if (presence.Editing(meetingId, Context.ConnectionId, itemId) is { } present)
        {
            await Clients.Group(Group(meetingId)).PresenceChanged(present);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (presence.Leave(Context.ConnectionId) is { } left)
        {
            await Clients.Group(Group(left.MeetingId)).PresenceChanged(left.Present);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private CurrentMember Member() => CurrentMember.From(Context.User ?? throw new HubException("Not signed in."));
}
