using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Tests.Integration;

/// <summary>From meeting to board: an action item becomes a card, linked both ways, once, by the coordinator only.</summary>
public sealed class ActionCardsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Inflow = "In-, door- en uitstroom van kandidaten";

    private ActionCards Cards => app.Services.GetRequiredService<ActionCards>();

    /// <summary>A fresh meeting whose item 2 holds a decision and an action item for Joost.</summary>
    private async Task<(Guid MeetingId, Guid ActionId)> MeetingWithActionAsync(string text, string? owner = "joost hulshof")
    {
        var meetingId = await HubClients.NewMeetingAsync(app);
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var agenda = app.Services.GetRequiredService<AgendaService>();
        var item = (await agenda.SnapshotAsync(coordinator, meetingId))!.Items[1].Id;
        Assert.True((await agenda.RecordDecisionAsync(coordinator, meetingId, Guid.NewGuid(), item, "Eerst een pilot bij twee werkgevers")).Accepted);
        Assert.True((await agenda.RecordDecisionAsync(coordinator, meetingId, Guid.NewGuid(), item, "We starten de pilot in januari")).Accepted);
        Assert.True((await agenda.AddActionAsync(coordinator, meetingId, Guid.NewGuid(), item, text, owner, new DateOnly(2027, 1, 15))).Accepted);
        var snapshot = (await agenda.SnapshotAsync(coordinator, meetingId))!;
        return (meetingId, snapshot.Items[1].Actions.Single(a => a.Text == text).Id);
    }

    private async Task<Guid> GroupAsync()
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        return await db.ThemeGroups.Where(g => g.Name == Inflow).Select(g => g.Id.Value).SingleAsync();
    }

    [Fact]
    public async Task The_coordinator_sends_an_action_to_a_board_it_keeps_owner_due_date_and_origin_and_a_second_time_is_refused()
    {
        var (meetingId, actionId) = await MeetingWithActionAsync("Werkgevers benaderen voor de pilot");
        var group = await GroupAsync();
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);

        var result = await Cards.SendToBoardAsync(coordinator, meetingId, actionId, group);

        Assert.True(result.Accepted, result.Error);
        var boards = app.Services.GetRequiredService<BoardService>();
        var boardId = (await boards.BoardOfAsync(coordinator, new ThemeGroupId(group)))!.Value;
        var board = (await boards.SnapshotAsync(coordinator, boardId))!;
        var card = Assert.Single(board.Cards, c => c.Id == result.CardId);
        Assert.Equal(board.Columns[0].Id, card.ColumnId);
        Assert.Equal(("Werkgevers benaderen voor de pilot", "Joost Hulshof", new DateOnly(2027, 1, 15)), (card.Fields.Title, card.OwnerName, card.Fields.DueOn));
        Assert.Equal((meetingId, actionId, "Werkgevers benaderen voor de pilot", "We starten de pilot in januari"),
            (card.Origin!.MeetingId, card.Origin.ActionId, card.Origin.ActionText, card.Origin.DecisionText));
        Assert.Equal("CardFromMeeting", (await boards.HistoryAsync(coordinator, boardId, card.Id))[0].Kind);

        // The meeting's action list knows the card and where it is now.
        var linked = await Cards.OfMeetingAsync(await app.MemberAsync(AppFactory.Participant), meetingId);
        var status = linked[actionId];
        Assert.Equal((card.Id, "Idee", false, false, Inflow), (status.CardId, status.ColumnName, status.IsArchived, status.IsDone, status.GroupName));

        var again = await Cards.SendToBoardAsync(coordinator, meetingId, actionId, group);
        Assert.False(again.Accepted);
        Assert.Equal("Dit actiepunt staat al als kaart op een bord.", again.Error);
        Assert.Single((await boards.SnapshotAsync(coordinator, boardId))!.Cards, c => c.Origin?.ActionId == actionId);
    }

    [Fact]
    public async Task A_card_moved_to_the_last_column_shows_as_done_and_an_owner_nobody_is_called_stays_empty()
    {
        var (meetingId, actionId) = await MeetingWithActionAsync("Notitie schrijven over de pilot", owner: "De werkgroep");
        var group = await GroupAsync();
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var result = await Cards.SendToBoardAsync(coordinator, meetingId, actionId, group);
        var boards = app.Services.GetRequiredService<BoardService>();
        var boardId = (await boards.BoardOfAsync(coordinator, new ThemeGroupId(group)))!.Value;
        var board = (await boards.SnapshotAsync(coordinator, boardId))!;
        Assert.Null(board.Cards.Single(c => c.Id == result.CardId).Fields.OwnerId);

        Assert.True((await boards.MoveCardAsync(coordinator, boardId, Guid.NewGuid(), result.CardId!.Value, board.Columns[^1].Id, 0)).Accepted);

        var status = (await Cards.OfMeetingAsync(coordinator, meetingId))[actionId];
        Assert.Equal((board.Columns[^1].Name, true), (status.ColumnName, status.IsDone));
    }

    [Fact]
    public async Task Everyone_with_the_meeting_open_is_told_when_its_card_moves_and_another_meeting_is_not()
    {
        var (meetingId, actionId) = await MeetingWithActionAsync("Stageplekken inventariseren");
        var (otherMeetingId, _) = await MeetingWithActionAsync("Iets anders");
        var group = await GroupAsync();
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using var marloes = await HubClients.AgendaAsync(app, AppFactory.CoreGroupMember, meetingId);
        await using var elsewhere = await HubClients.AgendaAsync(app, AppFactory.CoreGroupMember, otherMeetingId);
        var (told, toldElsewhere) = (0, 0);
        marloes.LinkedCardsChanged += () => Interlocked.Increment(ref told);
        elsewhere.LinkedCardsChanged += () => Interlocked.Increment(ref toldElsewhere);

        var cardId = (await Cards.SendToBoardAsync(coordinator, meetingId, actionId, group)).CardId!.Value;
        await HubClients.EventuallyAsync(() => Volatile.Read(ref told) == 1, "the meeting hears of its new card");
        var boards = app.Services.GetRequiredService<BoardService>();
        var boardId = (await boards.BoardOfAsync(coordinator, new ThemeGroupId(group)))!.Value;
        var columns = (await boards.SnapshotAsync(coordinator, boardId))!.Columns;
        Assert.True((await boards.MoveCardAsync(coordinator, boardId, Guid.NewGuid(), cardId, columns[2].Id, 0)).Accepted);

        await HubClients.EventuallyAsync(() => Volatile.Read(ref told) == 2, "the meeting hears that its card moved");
        Assert.Equal(columns[2].Name, (await Cards.OfMeetingAsync(await app.MemberAsync(AppFactory.CoreGroupMember), meetingId))[actionId].ColumnName);
        Assert.Equal(0, Volatile.Read(ref toldElsewhere));
    }

    [Theory]
    [InlineData(AppFactory.Participant)]
    [InlineData(AppFactory.ThemeLead)]
    [InlineData(AppFactory.CoreGroupMember)]
    public async Task Only_the_coordinator_sends_an_action_to_a_board(string email)
    {
        var (meetingId, actionId) = await MeetingWithActionAsync($"Actie van {email}");
        var group = await GroupAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () => await Cards.SendToBoardAsync(await app.MemberAsync(email), meetingId, actionId, group));
        var boards = app.Services.GetRequiredService<BoardService>();
        var member = await app.MemberAsync(email);
        var boardId = (await boards.BoardOfAsync(member, new ThemeGroupId(group)))!.Value;
        // Nor through the board's own path.
        var direct = await boards.AddCardFromMeetingAsync(member, boardId, NinetyNine.Domain.Boards.CardFields.New("Nep"),
            new NinetyNine.Domain.Boards.CardOrigin(meetingId, actionId, "Nep", DateTime.Now, null));
        Assert.False(direct.Accepted);
        Assert.Empty(await Cards.OfMeetingAsync(member, meetingId));
    }
}
