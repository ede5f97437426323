using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Boards;

/// <summary>
/// The public live API of theme group boards, for clients other than the app's own pages (which call
/// <see cref="BoardService"/> in-process): one method per intent, each carrying an operation id and run through the same
/// core, checked against what the caller may do now. A joined connection is fed from the board's feed (and the lawyers'
/// queue signal from the network's advice feed), each connection on its own bounded queue.
/// </summary>
[Authorize(AuthenticationSchemes = HubTicketAuthentication.Schemes, Policy = Policies.Member)]
public sealed class BoardHub(BoardService boards, AdviceService advice, LiveHubSubscriptions subscriptions, IHubContext<BoardHub, IBoardClient> hub,
    IStringLocalizer<SharedResource> l) : Hub<IBoardClient>
{
    public const string Path = "/hubs/board";

    /// <summary>Joins the network's advice queue (again after every reconnect): advisors and the coordinator only.</summary>
    public async Task JoinAdvice()
    {
        var member = Member();
        try
        {
            await advice.EnsureAdvisorAsync(member, Context.ConnectionAborted);
        }
        catch (ForbiddenException)
        {
            throw new HubException(l["Advice.NotAllowed"]);
        }

        var client = hub.Clients.Client(Context.ConnectionId);
        subscriptions.Follow(Context, BoardService.AdviceTopic, member.NetworkId.Value, _ => client.AdviceChanged());
    }

    /// <summary>Joins the board's feed (again after every reconnect) and returns the board as it is now.</summary>
    public async Task<BoardSnapshot> Join(Guid boardId)
    {
        var snapshot = await boards.SnapshotAsync(Member(), boardId, Context.ConnectionAborted)
            ?? throw new HubException(Text.Get("Board.Unknown"));
        var client = hub.Clients.Client(Context.ConnectionId);
        subscriptions.Follow(Context, BoardService.Kind.Name, boardId, e => client.BoardChanged((BoardChange)e.Change));
        return snapshot;
    }

    /// <summary>The changes after <paramref name="version"/>; null when a fresh Join is needed.</summary>
    public Task<IReadOnlyList<BoardChange>?> CatchUp(Guid boardId, long version) => boards.SinceAsync(Member(), boardId, version, Context.ConnectionAborted);

    public Task<BoardResult> AddCard(Guid boardId, Guid operationId, Guid columnId, CardFieldsState fields) =>
        boards.AddCardAsync(Member(), boardId, operationId, columnId, fields, Context.ConnectionAborted);

    public Task<BoardResult> MoveCard(Guid boardId, Guid operationId, Guid cardId, Guid columnId, int index) =>
        boards.MoveCardAsync(Member(), boardId, operationId, cardId, columnId, index, Context.ConnectionAborted);

    public Task<BoardResult> EditCard(Guid boardId, Guid operationId, Guid cardId, CardFieldsState seen, CardFieldsState wanted) =>
        boards.EditCardAsync(Member(), boardId, operationId, cardId, seen, wanted, Context.ConnectionAborted);

    public Task<BoardResult> ArchiveCard(Guid boardId, Guid operationId, Guid cardId) =>
        boards.ArchiveCardAsync(Member(), boardId, operationId, cardId, Context.ConnectionAborted);

    public Task<BoardResult> RestoreCard(Guid boardId, Guid operationId, Guid cardId) =>
        boards.RestoreCardAsync(Member(), boardId, operationId, cardId, Context.ConnectionAborted);

    public Task<BoardResult> AddChecklistEntry(Guid boardId, Guid operationId, Guid cardId, string text) =>
        boards.AddChecklistEntryAsync(Member(), boardId, operationId, cardId, text, Context.ConnectionAborted);

    public Task<BoardResult> SetChecklistEntry(Guid boardId, Guid operationId, Guid cardId, Guid entryId, bool done) =>
        boards.SetChecklistEntryAsync(Member(), boardId, operationId, cardId, entryId, done, Context.ConnectionAborted);

    public Task<BoardResult> RemoveChecklistEntry(Guid boardId, Guid operationId, Guid cardId, Guid entryId) =>
        boards.RemoveChecklistEntryAsync(Member(), boardId, operationId, cardId, entryId, Context.ConnectionAborted);

    public Task<BoardResult> Comment(Guid boardId, Guid operationId, Guid cardId, string text) =>
        boards.CommentAsync(Member(), boardId, operationId, cardId, text, Context.ConnectionAborted);

    public Task<BoardResult> AskLegalAdvice(Guid boardId, Guid operationId, Guid cardId, string question) =>
        boards.AskLegalAdviceAsync(Member(), boardId, operationId, cardId, question, Context.ConnectionAborted);

    public Task<BoardResult> AddColumn(Guid boardId, Guid operationId, string name) =>
        boards.AddColumnAsync(Member(), boardId, operationId, name, Context.ConnectionAborted);

    public Task<BoardResult> RenameColumn(Guid boardId, Guid operationId, Guid columnId, string name) =>
        boards.RenameColumnAsync(Member(), boardId, operationId, columnId, name, Context.ConnectionAborted);

    public Task<BoardResult> MoveColumn(Guid boardId, Guid operationId, Guid columnId, int index) =>
        boards.MoveColumnAsync(Member(), boardId, operationId, columnId, index, Context.ConnectionAborted);

    public Task<BoardResult> ArchiveColumn(Guid boardId, Guid operationId, Guid columnId) =>
        boards.ArchiveColumnAsync(Member(), boardId, operationId, columnId, Context.ConnectionAborted);

    public Task<BoardResult> RestoreColumn(Guid boardId, Guid operationId, Guid columnId) =>
        boards.RestoreColumnAsync(Member(), boardId, operationId, columnId, Context.ConnectionAborted);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private CurrentMember Member() => CurrentMember.From(Context.User ?? throw new HubException("Not signed in."));
}
