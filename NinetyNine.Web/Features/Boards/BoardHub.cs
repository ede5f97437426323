using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Boards;

/// <summary>
/// The one path for changes to a theme group's board, from the Blazor page and any other client alike. Joining requires
/// that the person may see the board; every change is checked by <see cref="BoardService"/> against who may edit it, and
/// accepted changes go to everyone with the board open, each with the board's next version.
/// </summary>
[Authorize(AuthenticationSchemes = HubTicketAuthentication.Schemes, Policy = Policies.Member)]
public sealed class BoardHub(BoardService boards, AdviceService advice, IStringLocalizer<SharedResource> l) : Hub<IBoardClient>
{
    public const string Path = "/hubs/board";

    public static string Group(Guid boardId) => $"board:{boardId}";

    /// <summary>Everyone of a network with the lawyers' queue open.</summary>
    public static string AdviceGroup(NetworkId networkId) => $"advice:{networkId.Value}";

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

        await Groups.AddToGroupAsync(Context.ConnectionId, AdviceGroup(member.NetworkId), Context.ConnectionAborted);
    }

    /// <summary>Joins the board's group (again after every reconnect or missed version) and returns the board as it is now.</summary>
    public async Task<BoardSnapshot> Join(Guid boardId)
    {
        var snapshot = await boards.SnapshotAsync(Member(), boardId, Context.ConnectionAborted)
            ?? throw new HubException(Text.Get("Board.Unknown"));
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(boardId), Context.ConnectionAborted);
        return snapshot;
    }

    public Task<BoardResult> Submit(BoardCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return boards.ApplyAsync(Member(), command, Clients.Group(Group(command.BoardId)).BoardChanged, Context.ConnectionAborted);
    }

    private CurrentMember Member() => CurrentMember.From(Context.User ?? throw new HubException("Not signed in."));
}
