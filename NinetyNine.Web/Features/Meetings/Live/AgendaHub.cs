using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>
/// The public live API of the agenda, for clients other than the app's own page (which calls <see cref="AgendaService"/>
/// in-process): one method per intent, each carrying an operation id and run through the same core, checked against what
/// the caller may do now. A joined connection is fed from the meeting's feed, its presence feed and its card signal, each
/// on the connection's own bounded queue; it is in one meeting at a time and leaves it when it goes.
/// </summary>
[Authorize(AuthenticationSchemes = HubTicketAuthentication.Schemes, Policy = Policies.Member)]
public sealed class AgendaHub(AgendaService agenda, PresenceTracker presence, LiveHubSubscriptions subscriptions, IHubContext<AgendaHub, IAgendaClient> hub)
    : Hub<IAgendaClient>
{
    public const string Path = "/hubs/agenda";

    /// <summary>Joins the meeting's feeds (again after every reconnect), leaving any other meeting, and returns the agenda as it is now.</summary>
    public async Task<MeetingSnapshot> Join(Guid meetingId)
    {
        var member = Member();
        var snapshot = await agenda.SnapshotAsync(member, meetingId, Context.ConnectionAborted)
            ?? throw new HubException(Text.Get("Meeting.Unknown"));
        var client = hub.Clients.Client(Context.ConnectionId);
        foreach (var topic in new[] { AgendaService.Kind.Name, AgendaService.PresenceTopic, AgendaService.CardsTopic })
        {
            subscriptions.Unfollow(Context.ConnectionId, topic);
        }

        subscriptions.Follow(Context, AgendaService.Kind.Name, meetingId, e => client.AgendaChanged((AgendaChange)e.Change));
        subscriptions.Follow(Context, AgendaService.PresenceTopic, meetingId, e => client.PresenceChanged((IReadOnlyList<PresenceEntry>)e.Change));
        subscriptions.Follow(Context, AgendaService.CardsTopic, meetingId, _ => client.LinkedCardsChanged(meetingId));
        presence.Join(meetingId, Context.ConnectionId, member.User.FindFirstValue(ClaimTypes.GivenName) ?? "?");
        return snapshot;
    }

    /// <summary>The changes after <paramref name="sequence"/>; empty when there are none, null when a fresh Join is needed.</summary>
    public Task<IReadOnlyList<AgendaChange>?> CatchUp(Guid meetingId, long sequence) =>
        agenda.SinceAsync(Member(), meetingId, sequence, Context.ConnectionAborted);

    /// <summary>The edits of an item's notes since a revision (empty when none; null when no longer all kept).</summary>
    public Task<IReadOnlyList<NotesStepState>?> NotesSince(Guid meetingId, Guid itemId, long revision) =>
        agenda.NotesSinceAsync(Member(), meetingId, itemId, revision, Context.ConnectionAborted);

    /// <summary>Tells the others which item this person is editing (null: none).</summary>
    public Task Editing(Guid meetingId, Guid? itemId)
    {
        presence.Editing(meetingId, Context.ConnectionId, itemId);
        return Task.CompletedTask;
    }

    public Task<AgendaResult> AddItem(Guid meetingId, Guid operationId, string title) =>
        agenda.AddItemAsync(Member(), meetingId, operationId, title, Context.ConnectionAborted);

    public Task<AgendaResult> RetitleItem(Guid meetingId, Guid operationId, Guid itemId, string title) =>
        agenda.RetitleItemAsync(Member(), meetingId, operationId, itemId, title, Context.ConnectionAborted);

    public Task<AgendaResult> RemoveItem(Guid meetingId, Guid operationId, Guid itemId) =>
        agenda.RemoveItemAsync(Member(), meetingId, operationId, itemId, Context.ConnectionAborted);

    public Task<AgendaResult> MoveItem(Guid meetingId, Guid operationId, Guid itemId, int index) =>
        agenda.MoveItemAsync(Member(), meetingId, operationId, itemId, index, Context.ConnectionAborted);

    public Task<AgendaResult> SetPresenter(Guid meetingId, Guid operationId, Guid itemId, string? presenter) =>
        agenda.SetPresenterAsync(Member(), meetingId, operationId, itemId, presenter, Context.ConnectionAborted);

    public Task<AgendaResult> SetTimebox(Guid meetingId, Guid operationId, Guid itemId, int? minutes) =>
        agenda.SetTimeboxAsync(Member(), meetingId, operationId, itemId, minutes, Context.ConnectionAborted);

    public Task<AgendaResult> EditNotes(Guid meetingId, Guid operationId, Guid itemId, long baseRevision, string operation) =>
        agenda.EditNotesAsync(Member(), meetingId, operationId, itemId, baseRevision, operation, Context.ConnectionAborted);

    public Task<AgendaResult> RecordDecision(Guid meetingId, Guid operationId, Guid itemId, string text) =>
        agenda.RecordDecisionAsync(Member(), meetingId, operationId, itemId, text, Context.ConnectionAborted);

    public Task<AgendaResult> RemoveDecision(Guid meetingId, Guid operationId, Guid itemId, Guid decisionId) =>
        agenda.RemoveDecisionAsync(Member(), meetingId, operationId, itemId, decisionId, Context.ConnectionAborted);

    public Task<AgendaResult> AddAction(Guid meetingId, Guid operationId, Guid itemId, string text, string? owner, DateOnly? dueOn) =>
        agenda.AddActionAsync(Member(), meetingId, operationId, itemId, text, owner, dueOn, Context.ConnectionAborted);

    public Task<AgendaResult> SetActionDone(Guid meetingId, Guid operationId, Guid itemId, Guid actionId, bool done) =>
        agenda.SetActionDoneAsync(Member(), meetingId, operationId, itemId, actionId, done, Context.ConnectionAborted);

    public Task<AgendaResult> RemoveAction(Guid meetingId, Guid operationId, Guid itemId, Guid actionId) =>
        agenda.RemoveActionAsync(Member(), meetingId, operationId, itemId, actionId, Context.ConnectionAborted);

    public Task<AgendaResult> RemoveTopic(Guid meetingId, Guid operationId, Guid itemId, Guid topicId) =>
        agenda.RemoveTopicAsync(Member(), meetingId, operationId, itemId, topicId, Context.ConnectionAborted);

    public Task<AgendaResult> StartMeeting(Guid meetingId, Guid operationId) =>
        agenda.StartMeetingAsync(Member(), meetingId, operationId, Context.ConnectionAborted);

    public Task<AgendaResult> MoveToItem(Guid meetingId, Guid operationId, Guid itemId) =>
        agenda.MoveToItemAsync(Member(), meetingId, operationId, itemId, Context.ConnectionAborted);

    public Task<AgendaResult> CloseMeeting(Guid meetingId, Guid operationId) =>
        agenda.CloseMeetingAsync(Member(), meetingId, operationId, Context.ConnectionAborted);

    public Task<AgendaResult> Reschedule(Guid meetingId, Guid operationId, DateTime startsAt, int durationMinutes, MeetingMode mode, string? details) =>
        agenda.RescheduleAsync(Member(), meetingId, operationId, startsAt, durationMinutes, mode, details, Context.ConnectionAborted);

    public Task<AgendaResult> CancelMeeting(Guid meetingId, Guid operationId) =>
        agenda.CancelMeetingAsync(Member(), meetingId, operationId, Context.ConnectionAborted);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Leave(Context.ConnectionId);
        presence.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private CurrentMember Member() => CurrentMember.From(Context.User ?? throw new HubException("Not signed in."));
}
