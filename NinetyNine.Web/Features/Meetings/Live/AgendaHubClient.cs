using Microsoft.AspNetCore.SignalR.Client;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Live;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>
/// An <see cref="AgendaLive"/> over the public <see cref="AgendaHub"/>, for clients outside this process (tests, the
/// benchmark, a future mobile app): the same client part as the page's, with the hub as its source and its intents;
/// after a reconnect it joins again, catches up by sequence and resends. It owns (and disposes) the connection.
/// </summary>
public static class AgendaHubClient
{
    /// <summary>An agenda client on a hub connection not started yet; <paramref name="hear"/> filters what reaches it (all by default).</summary>
    public static AgendaLive Over(HubConnection hub, Guid meetingId, Func<AgendaChange, bool>? hear = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var source = new LiveSource<MeetingSnapshot, AgendaChange>(
            ct => hub.InvokeAsync<MeetingSnapshot?>(nameof(AgendaHub.Join), meetingId, ct),
            (since, ct) => hub.InvokeAsync<IReadOnlyList<AgendaChange>?>(nameof(AgendaHub.CatchUp), meetingId, since, ct),
            (receive, _) => hub.On<AgendaChange>(nameof(IAgendaClient.AgendaChanged), change =>
            {
                if (hear?.Invoke(change) != false)
                {
                    receive(change);
                }
            }));
        var live = AgendaLive.Over(source, new HubCommands(hub, meetingId), meetingId, () => hub.ConnectionId);
        live.Owns(hub);
        hub.On<IReadOnlyList<PresenceEntry>>(nameof(IAgendaClient.PresenceChanged), live.ReceivePresence);
        hub.On<Guid>(nameof(IAgendaClient.LinkedCardsChanged), id =>
        {
            if (id == meetingId)
            {
                live.ReceiveLinkedCardsChanged();
            }
        });
        hub.Reconnecting += _ =>
        {
            live.Lost();
            return Task.CompletedTask;
        };
        hub.Reconnected += async _ =>
        {
            await hub.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), meetingId);
            await live.RecoverAsync();
        };
        return live;
    }

    private sealed class HubCommands(HubConnection hub, Guid meetingId) : IAgendaCommands
    {
        public Task<AgendaResult> AddItemAsync(Guid operationId, string title) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddItem), meetingId, operationId, title);

        public Task<AgendaResult> RetitleItemAsync(Guid operationId, Guid itemId, string title) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.RetitleItem), meetingId, operationId, itemId, title);

        public Task<AgendaResult> RemoveItemAsync(Guid operationId, Guid itemId) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.RemoveItem), meetingId, operationId, itemId);

        public Task<AgendaResult> MoveItemAsync(Guid operationId, Guid itemId, int index) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.MoveItem), meetingId, operationId, itemId, index);

        public Task<AgendaResult> SetPresenterAsync(Guid operationId, Guid itemId, string? presenter) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.SetPresenter), meetingId, operationId, itemId, presenter);

        public Task<AgendaResult> SetTimeboxAsync(Guid operationId, Guid itemId, int? minutes) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.SetTimebox), meetingId, operationId, itemId, minutes);

        public Task<AgendaResult> EditNotesAsync(Guid operationId, Guid itemId, long baseRevision, string operation) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.EditNotes), meetingId, operationId, itemId, baseRevision, operation);

        public Task<AgendaResult> RecordDecisionAsync(Guid operationId, Guid itemId, string text) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.RecordDecision), meetingId, operationId, itemId, text);

        public Task<AgendaResult> RemoveDecisionAsync(Guid operationId, Guid itemId, Guid decisionId) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.RemoveDecision), meetingId, operationId, itemId, decisionId);

        public Task<AgendaResult> AddActionAsync(Guid operationId, Guid itemId, string text, string? owner, DateOnly? dueOn) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddAction), meetingId, operationId, itemId, text, owner, dueOn);

        public Task<AgendaResult> SetActionDoneAsync(Guid operationId, Guid itemId, Guid actionId, bool done) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.SetActionDone), meetingId, operationId, itemId, actionId, done);

        public Task<AgendaResult> RemoveActionAsync(Guid operationId, Guid itemId, Guid actionId) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.RemoveAction), meetingId, operationId, itemId, actionId);

        public Task<AgendaResult> RemoveTopicAsync(Guid operationId, Guid itemId, Guid topicId) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.RemoveTopic), meetingId, operationId, itemId, topicId);

        public Task<AgendaResult> StartMeetingAsync(Guid operationId) => hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.StartMeeting), meetingId, operationId);

        public Task<AgendaResult> MoveToItemAsync(Guid operationId, Guid itemId) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.MoveToItem), meetingId, operationId, itemId);

        public Task<AgendaResult> CloseMeetingAsync(Guid operationId) => hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.CloseMeeting), meetingId, operationId);

        public Task<AgendaResult> RescheduleAsync(Guid operationId, DateTime startsAt, int durationMinutes, MeetingMode mode, string? details) =>
            hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.Reschedule), meetingId, operationId, startsAt, durationMinutes, mode, details);

        public Task<AgendaResult> CancelMeetingAsync(Guid operationId) => hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.CancelMeeting), meetingId, operationId);

        public Task<IReadOnlyList<NotesStepState>?> NotesSinceAsync(Guid itemId, long revision) =>
            hub.InvokeAsync<IReadOnlyList<NotesStepState>?>(nameof(AgendaHub.NotesSince), meetingId, itemId, revision);

        public async Task EditingAsync(Guid? itemId)
        {
            if (hub.State != HubConnectionState.Connected)
            {
                return;
            }

            try
            {
                await hub.InvokeAsync(nameof(AgendaHub.Editing), meetingId, itemId);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or TaskCanceledException or HttpRequestException
                                          or Microsoft.AspNetCore.SignalR.HubException)
            {
                // Presence is best effort: it is sent again with the next focus change after reconnecting.
            }
        }
    }
}
