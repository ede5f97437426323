using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// Boards on the real app, through the hub as any client would: who may read and edit which board (object-level),
/// two clients converging on the same board, versions in order, and a client that missed a version catching up.
/// </summary>
public sealed class BoardHubTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Werkgelegenheid = "Werkgelegenheid creëren";
    private const string Instroom = "In-, door- en uitstroom van kandidaten";

    private BoardService Boards => app.Services.GetRequiredService<BoardService>();

    private async Task<Guid> BoardOfAsync(string group)
    {
        return (await Boards.BoardOfAsync(await app.MemberAsync(AppFactory.Coordinator), await app.ThemeGroupIdAsync(group)))!.Value;
    }

    private async Task<BoardLive> OpenAsync(string email, Guid boardId)
    {
        return await HubLive.BoardAsync(app, email, boardId);
    }

    private static CardFieldsState Fields(string title) => BoardService.StateOf(CardFields.New(title));

    [Theory]
    [InlineData(AppFactory.Coordinator, true)]
    [InlineData(AppFactory.SecondCoreGroupMember, true)] // Henk leads this group.
    [InlineData(AppFactory.Participant, true)] // Ahmet's employer is a member of this group.
    [InlineData(AppFactory.ThemeLead, false)] // Joost leads another group: he reads this one.
    [InlineData(AppFactory.CoreGroupMember, false)]
    public async Task Editors_of_a_board_are_its_lead_its_member_employers_and_the_coordinator_others_read(string email, bool edits)
    {
        var boardId = await BoardOfAsync(Werkgelegenheid);
        await using var client = await OpenAsync(email, boardId);

        var result = await client.AddCardAsync(client.Columns[0].Id, Fields($"Kaart van {email}"));

        Assert.Equal(edits, client.Board!.CanEdit);
        Assert.Equal(edits, result.Accepted);
        if (!edits)
        {
            Assert.Equal(Text.Get("Board.ReadOnly"), result.Error);
            Assert.DoesNotContain((await Boards.SnapshotAsync(await app.MemberAsync(AppFactory.Coordinator), boardId))!.Cards, c => c.Fields.Title == $"Kaart van {email}");
        }
    }

    [Fact]
    public async Task A_lead_cannot_change_another_groups_board_even_by_calling_the_hub_directly()
    {
        var other = await BoardOfAsync(Werkgelegenheid);
        var snapshot = (await Boards.SnapshotAsync(await app.MemberAsync(AppFactory.Coordinator), other))!;
        await using var hub = await HubClients.ConnectionAsync(app, AppFactory.ThemeLead, hubPath: BoardHub.Path);
        await hub.StartAsync();

        var move = await hub.InvokeAsync<BoardResult>(nameof(BoardHub.MoveCard), other, Guid.NewGuid(), snapshot.Cards[0].Id, snapshot.Columns[^1].Id, 0);
        var column = await hub.InvokeAsync<BoardResult>(nameof(BoardHub.AddColumn), other, Guid.NewGuid(), "Gekaapt");

        Assert.False(move.Accepted);
        Assert.False(column.Accepted);
        var after = (await Boards.SnapshotAsync(await app.MemberAsync(AppFactory.Coordinator), other))!;
        Assert.Equal(snapshot.Cards[0].ColumnId, after.Cards.Single(c => c.Id == snapshot.Cards[0].Id).ColumnId);
        Assert.DoesNotContain(after.Columns, c => c.Name == "Gekaapt");
    }

    [Fact]
    public async Task A_lawyer_does_not_see_the_boards_themselves()
    {
        var boardId = await BoardOfAsync(Werkgelegenheid);
        var eva = await app.MemberAsync(AppFactory.Advisor);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var groupId = await db.ThemeGroups.Where(g => g.Name == Werkgelegenheid).Select(g => g.Id).SingleAsync();

        Assert.Null(await Boards.SnapshotAsync(eva, boardId));
        Assert.Null(await Boards.BoardOfAsync(eva, groupId));
        await using var hub = await HubClients.ConnectionAsync(app, AppFactory.Advisor, hubPath: BoardHub.Path);
        await hub.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<BoardSnapshot>(nameof(BoardHub.Join), boardId));
    }

    [Fact]
    public async Task Two_editors_moving_and_adding_at_once_converge_on_the_stored_board_with_dense_positions()
    {
        var boardId = await BoardOfAsync(Instroom);
        await using var joost = await OpenAsync(AppFactory.ThemeLead, boardId);
        await using var sanne = await OpenAsync(AppFactory.Coordinator, boardId);
        await using var reader = await OpenAsync(AppFactory.CoreGroupMember, boardId);
        var columns = joost.Columns.Select(c => c.Id).ToList();
        for (var i = 0; i < 6; i++)
        {
            await joost.AddCardAsync(columns[0], Fields($"Kandidaatroute {i}"));
        }

        await HubClients.EventuallyAsync(() => sanne.Version == joost.Version, "both see the new cards");
        var cards = joost.CardsIn(columns[0]).Select(c => c.Id).ToList();
        var results = await Task.WhenAll(
            joost.MoveAsync(cards[0], columns[2], 0),
            sanne.MoveAsync(cards[1], columns[2], 0),
            joost.MoveAsync(cards[2], columns[1], 5),
            sanne.AddCardAsync(columns[1], Fields("Nieuwe route")),
            sanne.MoveAsync(cards[3], columns[0], 0));

        Assert.All(results, r => Assert.True(r.Accepted, r.Error));
        Assert.Equal(results.Length, results.Select(r => r.Version).Distinct().Count());
        var stored = (await Boards.SnapshotAsync(await app.MemberAsync(AppFactory.Coordinator), boardId))!;
        await HubClients.EventuallyAsync(() => new[] { joost, sanne, reader }.All(c => c.Version == stored.Version), "every client reached the stored version");
        foreach (var client in new[] { joost, sanne, reader })
        {
            foreach (var column in stored.Columns)
            {
                var expected = stored.Cards.Where(c => c.ColumnId == column.Id && !c.IsArchived).OrderBy(c => c.Position).Select(c => c.Id);
                Assert.Equal(expected, client.CardsIn(column.Id).Select(c => c.Id));
                Assert.Equal(Enumerable.Range(0, client.CardsIn(column.Id).Count), client.CardsIn(column.Id).Select(c => c.Position));
            }
        }
    }

    [Fact]
    public async Task A_client_that_missed_versions_catches_up_by_sequence()
    {
        var boardId = await BoardOfAsync(Instroom);
        var deaf = true;
        await using var watcher = await HubLive.BoardAsync(app, AppFactory.CoreGroupMember, boardId, hear: _ => !Volatile.Read(ref deaf));
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var column = watcher.Columns[0].Id;

        // Two changes the watcher never hears of (lost on the way).
        await Boards.AddCardAsync(coordinator, boardId, Guid.NewGuid(), column, Fields("Stil toegevoegd"));
        await Boards.AddColumnAsync(coordinator, boardId, Guid.NewGuid(), "Wachtlijst");
        Volatile.Write(ref deaf, false);
        // The next change arrives: its version shows the gap, and the watcher takes what it missed by sequence.
        await using var sanne = await OpenAsync(AppFactory.Coordinator, boardId);
        await sanne.AddCardAsync(column, Fields("Met bericht"));

        await HubClients.EventuallyAsync(() => watcher.Version == sanne.Version, "the watcher caught up");
        Assert.Equal(0, watcher.Resyncs); // Change by change from the operation records, no fresh snapshot needed.
        Assert.Contains(watcher.CardsIn(column), c => c.Fields.Title == "Stil toegevoegd");
        Assert.Contains(watcher.Columns, c => c.Name == "Wachtlijst");
    }

    [Fact]
    public async Task Every_change_leaves_a_history_line_with_who_and_what()
    {
        var boardId = await BoardOfAsync(Werkgelegenheid);
        await using var henk = await OpenAsync(AppFactory.SecondCoreGroupMember, boardId);
        var added = await henk.AddCardAsync(henk.Columns[0].Id, Fields("Banenmarkt Almelo"));
        await henk.MoveAsync(added.CardId!.Value, henk.Columns[2].Id, 0);
        var card = henk.Card(added.CardId.Value)!;
        await henk.EditAsync(card.Id, card.Fields, card.Fields with { DueOn = new DateOnly(2027, 2, 1) });

        var history = await Boards.HistoryAsync(await app.MemberAsync(AppFactory.Participant), boardId, added.CardId);

        Assert.Equal(["CardEdited", "CardMoved", "CardAdded"], history.Select(h => h.Kind));
        Assert.All(history, h => Assert.Equal("Henk Nijhuis", h.PersonName));
        Assert.Equal("Idee → Bezig", history[1].Detail);
        Assert.Equal("DueOn", history[0].Detail);
        await Assert.ThrowsAsync<NinetyNine.Web.Security.ForbiddenException>(() => Boards.HistoryAsync(app.MemberAsync(AppFactory.Advisor).Result, boardId));
    }

    [Fact]
    public async Task Archiving_a_column_with_cards_is_refused_with_the_reason()
    {
        var boardId = await BoardOfAsync(Werkgelegenheid);
        await using var henk = await OpenAsync(AppFactory.SecondCoreGroupMember, boardId);
        var busy = henk.Columns.First(c => henk.CardsIn(c.Id).Count > 0);

        var result = await henk.ArchiveColumnAsync(busy.Id);

        Assert.False(result.Accepted);
        Assert.Contains(busy.Name, result.Error, StringComparison.Ordinal);
        Assert.Contains(henk.Columns, c => c.Id == busy.Id);
    }
}
