using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Boards;

/// <summary>Where a meeting's action item went: the card on a theme group's board and how far it is now.</summary>
public sealed record ActionCardStatus(Guid ActionId, Guid BoardId, Guid ThemeGroupId, string GroupName, Guid CardId, string ColumnName, bool IsArchived, bool IsDone)
{
    public string BoardHref => $"/theme-groups/{ThemeGroupId}/board?card={CardId}";
}

/// <summary>
/// From meeting to board: the coordinator sends an action item of a core group meeting to a theme group's board as a
/// card (owner and due date kept, linked to the meeting and its latest decision); the meeting's action list shows the
/// card's current status.
/// </summary>
public sealed class ActionCards(IDbContextFactory<NinetyNineDb> dbFactory, BoardService boards, ILogger<ActionCards> logger)
{
    /// <summary>The cards made from this meeting's action items, by action id.</summary>
    public async Task<IReadOnlyDictionary<Guid, ActionCardStatus>> OfMeetingAsync(CurrentMember member, Guid meetingId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // By the actions' identity: an action carried over to a later meeting keeps its id, and so its card.
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == new MeetingId(meetingId) && m.NetworkId == member.NetworkId, cancellationToken);
        var actions = meeting?.Agenda.SelectMany(i => i.ActionItems).Select(a => a.Id).ToHashSet() ?? [];
        var found = await FindAsync(db, member, c => c.MeetingId == meetingId || actions.Contains(c.ActionId), cancellationToken);
        return found.GroupBy(s => s.ActionId).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>Makes the card; the coordinator only. Refused when the action already has a card on any board.</summary>
    public async Task<BoardResult> SendToBoardAsync(CurrentMember member, Guid meetingId, Guid actionId, Guid themeGroupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.IsCoordinator)
        {
            logger.LogWarning("Refused sending an action item to a board by someone who is not the coordinator");
            throw new ForbiddenException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == new MeetingId(meetingId) && m.NetworkId == member.NetworkId, cancellationToken);
        var item = meeting?.Agenda.FirstOrDefault(i => i.ActionItems.Any(a => a.Id == actionId));
        if (meeting is null || item is null)
        {
            return BoardResult.Refused(Text.Get("Agenda.UnknownAction"));
        }

        if ((await FindAsync(db, member, c => c.ActionId == actionId, cancellationToken)).Count > 0)
        {
            return BoardResult.Refused(Text.Get("Board.ActionAlreadyOnBoard"));
        }

        if (await boards.BoardOfAsync(member, new ThemeGroupId(themeGroupId), cancellationToken) is not { } boardId)
        {
            return BoardResult.Refused(Text.Get("Board.Unknown"));
        }

        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        var action = item.ActionItems.Single(a => a.Id == actionId);
        var owner = action.Owner is { } name
            ? network.People.Where(p => p.IsActive).FirstOrDefault(p => string.Equals(p.Name.Trim(), name.Trim(), StringComparison.CurrentCultureIgnoreCase))
            : null;
        var title = action.Text.Length <= CardFields.TitleMaxLength ? action.Text : action.Text[..(CardFields.TitleMaxLength - 1)] + "…";
        var fields = CardFields.New(title) with
        {
            Description = action.Text.Length > CardFields.TitleMaxLength ? action.Text : string.Empty,
            OwnerId = owner?.Id,
            DueOn = action.DueOn,
        };
        var decision = item.Decisions.OrderBy(d => d.RecordedAt).LastOrDefault()?.Text;
        var origin = new CardOrigin(meetingId, actionId, action.Text, meeting.StartsAt, decision);
        return await boards.AddCardFromMeetingAsync(member, boardId, fields, origin, cancellationToken);
    }

    private static async Task<List<ActionCardStatus>> FindAsync(NinetyNineDb db, CurrentMember member, Func<CardOrigin, bool> which, CancellationToken cancellationToken)
    {
        var groups = await db.ThemeGroups.AsNoTracking().Where(g => g.NetworkId == member.NetworkId).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var boardsOfNetwork = await db.Boards.AsNoTracking().AsSplitQuery().Where(b => b.NetworkId == member.NetworkId).ToListAsync(cancellationToken);
        return [.. boardsOfNetwork.SelectMany(b => b.Cards.Where(c => c.Origin is { } o && which(o)).Select(c =>
        {
            var column = b.Columns.Concat(b.ArchivedColumns).FirstOrDefault(x => x.Id == c.ColumnId);
            var isLast = b.Columns.Count > 0 && b.Columns[^1].Id == c.ColumnId;
            return new ActionCardStatus(c.Origin!.ActionId, b.Id.Value, b.ThemeGroupId.Value, groups.GetValueOrDefault(b.ThemeGroupId, "?"), c.Id.Value,
                column?.Name ?? "?", c.IsArchived, isLast && !c.IsArchived);
        }))];
    }
}
