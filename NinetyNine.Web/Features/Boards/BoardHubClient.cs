using Microsoft.AspNetCore.SignalR.Client;
using NinetyNine.Web.Live;

namespace NinetyNine.Web.Features.Boards;

/// <summary>
/// A <see cref="BoardLive"/> over the public <see cref="BoardHub"/>, for clients outside this process (tests, the
/// benchmark, a future mobile app): the same client part as the page's, with the hub as its source and its intents;
/// after a reconnect it joins again, catches up by sequence and resends. It owns (and disposes) the connection.
/// </summary>
public static class BoardHubClient
{
    /// <summary>A board client on a hub connection not started yet for another app, a test or the benchmark; <paramref name="hear"/> filters what reaches it (all by default).</summary>
    public static BoardLive Over(HubConnection hub, Guid boardId, Func<BoardChange, bool>? hear = null)
    {
        var source = new LiveSource<BoardSnapshot, BoardChange>(
            ct => hub.InvokeAsync<BoardSnapshot?>(nameof(BoardHub.Join), boardId, ct),
            (since, ct) => hub.InvokeAsync<IReadOnlyList<BoardChange>?>(nameof(BoardHub.CatchUp), boardId, since, ct),
            (receive, _) => hub.On<BoardChange>(nameof(IBoardClient.BoardChanged), change =>
            {
                if (hear?.Invoke(change) != false)
                {
                    receive(change);
                }
            }));
        var live = new BoardLive(source, new BoardHubCommands(hub, boardId));
        live.Owns(hub);
        hub.Reconnecting += _ =>
        {
            live.Lost();
            return Task.CompletedTask;
        };
        hub.Reconnected += async _ =>
        {
            await hub.InvokeAsync<BoardSnapshot>(nameof(BoardHub.Join), boardId);
            await live.RecoverAsync();
        };
        return live;
    }

    private sealed class BoardHubCommands(HubConnection hub, Guid boardId) : IBoardCommands
    {
        public Task<BoardResult> AddCardAsync(Guid operationId, Guid columnId, CardFieldsState fields) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.AddCard), boardId, operationId, columnId, fields);

        public Task<BoardResult> MoveCardAsync(Guid operationId, Guid cardId, Guid columnId, int index) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.MoveCard), boardId, operationId, cardId, columnId, index);

        public Task<BoardResult> EditCardAsync(Guid operationId, Guid cardId, CardFieldsState seen, CardFieldsState wanted) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.EditCard), boardId, operationId, cardId, seen, wanted);

        public Task<BoardResult> ArchiveCardAsync(Guid operationId, Guid cardId) => hub.InvokeAsync<BoardResult>(nameof(BoardHub.ArchiveCard), boardId, operationId, cardId);

        public Task<BoardResult> RestoreCardAsync(Guid operationId, Guid cardId) => hub.InvokeAsync<BoardResult>(nameof(BoardHub.RestoreCard), boardId, operationId, cardId);

        public Task<BoardResult> AddChecklistEntryAsync(Guid operationId, Guid cardId, string text) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.AddChecklistEntry), boardId, operationId, cardId, text);

        public Task<BoardResult> SetChecklistEntryAsync(Guid operationId, Guid cardId, Guid entryId, bool done) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.SetChecklistEntry), boardId, operationId, cardId, entryId, done);

        public Task<BoardResult> RemoveChecklistEntryAsync(Guid operationId, Guid cardId, Guid entryId) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.RemoveChecklistEntry), boardId, operationId, cardId, entryId);

        public Task<BoardResult> CommentAsync(Guid operationId, Guid cardId, string text) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.Comment), boardId, operationId, cardId, text);

        public Task<BoardResult> AskLegalAdviceAsync(Guid operationId, Guid cardId, string question) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.AskLegalAdvice), boardId, operationId, cardId, question);

        public Task<BoardResult> AddColumnAsync(Guid operationId, string name) => hub.InvokeAsync<BoardResult>(nameof(BoardHub.AddColumn), boardId, operationId, name);

        public Task<BoardResult> RenameColumnAsync(Guid operationId, Guid columnId, string name) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.RenameColumn), boardId, operationId, columnId, name);

        public Task<BoardResult> MoveColumnAsync(Guid operationId, Guid columnId, int index) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.MoveColumn), boardId, operationId, columnId, index);

        public Task<BoardResult> ArchiveColumnAsync(Guid operationId, Guid columnId) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.ArchiveColumn), boardId, operationId, columnId);

        public Task<BoardResult> RestoreColumnAsync(Guid operationId, Guid columnId) =>
            hub.InvokeAsync<BoardResult>(nameof(BoardHub.RestoreColumn), boardId, operationId, columnId);
    }

}
