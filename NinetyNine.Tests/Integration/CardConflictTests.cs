using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NinetyNine.Domain.Boards;
using NinetyNine.Tests.Support;
using NinetyNine.Web;
using NinetyNine.Web.Features.Boards;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// Two people editing the same card through the board hub, as the card dialog does: a stale field becomes a conflict
/// with both values (never an overwrite), the rest of the edit applies, "keep mine" wins when resent knowing the stored
/// value, and both clients end on the same card.
/// </summary>
public sealed class CardConflictTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private BoardLive _coordinator = default!;
    private BoardLive _henk = default!;

    public async Task InitializeAsync()
    {
        Guid groupId;
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            groupId = await db.ThemeGroups.Where(g => g.Name == "Werkgelegenheid creëren").Select(g => g.Id.Value).SingleAsync();
        }

        var boards = app.Services.GetRequiredService<BoardService>();
        var boardId = await boards.BoardOfAsync(await app.MemberAsync(AppFactory.Coordinator), new NinetyNine.Domain.Common.ThemeGroupId(groupId))
            ?? throw new InvalidOperationException("No board.");
        _coordinator = await ConnectAsync(AppFactory.Coordinator, boardId);
        _henk = await ConnectAsync(AppFactory.SecondCoreGroupMember, boardId);
        Assert.True(_henk.Board!.CanEdit, "Henk Nijhuis leads the group and edits its board.");
    }

    public async Task DisposeAsync()
    {
        await _coordinator.DisposeAsync();
        await _henk.DisposeAsync();
    }

    private async Task<BoardLive> ConnectAsync(string email, Guid boardId)
    {
        return await HubLive.BoardAsync(app, email, boardId);
    }

    /// <summary>A fresh card both clients hold, so tests do not share one.</summary>
    private async Task<Guid> NewCardAsync(string title)
    {
        var added = await _coordinator.AddCardAsync(_coordinator.Columns[0].Id, BoardService.StateOf(CardFields.New(title)));
        Assert.True(added.Accepted, added.Error);
        var id = added.CardId!.Value;
        await HubClients.EventuallyAsync(() => _henk.Card(id) is not null && _coordinator.Card(id) is not null, "both clients hold the new card");
        return id;
    }

    private static async Task CaughtUpAsync(BoardLive connection, BoardResult result) =>
        await HubClients.EventuallyAsync(() => connection.Version >= result.Version, "the client holds the version of its own change");

    [Fact]
    public async Task The_second_stale_title_edit_becomes_a_conflict_its_other_field_applies_and_keep_mine_then_wins()
    {
        var cardId = await NewCardAsync("Banenmarkt");
        var seenByCoordinator = _coordinator.Card(cardId)!.Fields;
        var seenByHenk = _henk.Card(cardId)!.Fields;
        Assert.Equal(seenByCoordinator.Title, seenByHenk.Title);

        var first = await _coordinator.EditAsync(cardId, seenByCoordinator, seenByCoordinator with { Title = "Banenmarkt Hengelo" });
        Assert.True(first.Accepted, first.Error);
        Assert.Empty(first.Conflicts ?? []);

        var second = await _henk.EditAsync(cardId, seenByHenk, seenByHenk with { Title = "Banenmarkt Almelo", Labels = ["banen"] });

        Assert.True(second.Accepted, second.Error);
        var conflict = Assert.Single(second.Conflicts ?? []);
        Assert.Equal(new ConflictState("Title", "Banenmarkt Hengelo", "Banenmarkt Almelo"), conflict);
        await CaughtUpAsync(_henk, second);
        var stored = _henk.Card(cardId)!;
        Assert.Equal("Banenmarkt Hengelo", stored.Fields.Title);
        Assert.Equal(["banen"], stored.Fields.Labels);

        // "Houd mijn versie": the same field again, now with the stored fields as seen.
        var keepMine = await _henk.EditAsync(cardId, stored.Fields, stored.Fields with { Title = "Banenmarkt Almelo" });

        Assert.True(keepMine.Accepted, keepMine.Error);
        Assert.Empty(keepMine.Conflicts ?? []);
        await HubClients.EventuallyAsync(() =>
                _coordinator.Card(cardId) is { } a && _henk.Card(cardId) is { } b && a.Revision == b.Revision
                && a.Fields.Title == "Banenmarkt Almelo" && b.Fields.Title == "Banenmarkt Almelo" && a.Fields.Labels.SequenceEqual(["banen"]),
            "both clients hold the card with Henk's title and label at the same revision");
        Assert.Equal(_coordinator.Version, _henk.Version);
    }

    [Fact]
    public async Task Conflicting_owner_date_employers_and_amount_come_culture_neutral_and_read_back_as_names_dates_and_euros()
    {
        var cardId = await NewCardAsync("Werkervaringsplaatsen");
        var board = _henk.Board!;
        var (sanne, other) = (board.People[0], board.People[1]);
        var employer = board.Employers[0];
        var seen = _henk.Card(cardId)!.Fields;
        var funded = seen with { Funding = FundingStatus.BeingArranged };
        var setUp = await _coordinator.EditAsync(cardId, _coordinator.Card(cardId)!.Fields, funded);
        Assert.True(setUp.Accepted, setUp.Error);
        await CaughtUpAsync(_henk, setUp);
        seen = _henk.Card(cardId)!.Fields;

        var theirs = await _coordinator.EditAsync(cardId, seen, seen with
        {
            OwnerId = sanne.Id, DueOn = new DateOnly(2027, 3, 1), Employers = [employer.Id], FundingAmount = 1234.5m,
        });
        Assert.True(theirs.Accepted, theirs.Error);
        var mine = await _henk.EditAsync(cardId, seen, seen with { OwnerId = other.Id, DueOn = new DateOnly(2027, 4, 15), Employers = [], FundingAmount = 99m });

        var conflicts = (mine.Conflicts ?? []).ToDictionary(c => c.Field);
        Assert.Equal(["DueOn", "FundingAmount", "OwnerId"], conflicts.Keys.Order());
        Assert.Equal(("2027-03-01", "2027-04-15"), (conflicts["DueOn"].Theirs, conflicts["DueOn"].Mine));
        Assert.Equal(("1234.5", "99"), (conflicts["FundingAmount"].Theirs, conflicts["FundingAmount"].Mine));
        Assert.Equal((sanne.Id.ToString(), other.Id.ToString()), (conflicts["OwnerId"].Theirs, conflicts["OwnerId"].Mine));

        // Henk wanted no employers, which is what he saw: not a change of his, so no conflict, and the coordinator's stays.
        await CaughtUpAsync(_henk, mine);
        Assert.Equal([employer.Id], _henk.Card(cardId)!.Fields.Employers);

        var previous = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("nl-NL");
        try
        {
            var l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            string Read(ConflictState c, string raw) => CardValues.Display(c.Field, raw, board.People, board.Employers, l);
            Assert.Equal(("1 mrt 2027", "15 apr 2027"), (Read(conflicts["DueOn"], conflicts["DueOn"].Theirs), Read(conflicts["DueOn"], conflicts["DueOn"].Mine)));
            Assert.Equal(("€ 1.234,50", "€ 99,00"), (Read(conflicts["FundingAmount"], conflicts["FundingAmount"].Theirs), Read(conflicts["FundingAmount"], conflicts["FundingAmount"].Mine)));
            Assert.Equal((sanne.Name, other.Name), (Read(conflicts["OwnerId"], conflicts["OwnerId"].Theirs), Read(conflicts["OwnerId"], conflicts["OwnerId"].Mine)));
            Assert.Equal(employer.Name, CardValues.Display("Employers", employer.Id.ToString(), board.People, board.Employers, l));
            Assert.Equal("Wordt geregeld", CardValues.Display("Funding", "BeingArranged", board.People, board.Employers, l));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public async Task A_card_with_several_employers_can_be_edited_and_their_order_is_no_change()
    {
        // Found while taking the dialog's screenshots: comparing two or more employer ids threw (ids are not comparable).
        var cardId = await NewCardAsync("Twee werkgevers");
        var employers = _coordinator.Board!.Employers;
        var seen = _coordinator.Card(cardId)!.Fields;
        var two = await _coordinator.EditAsync(cardId, seen, seen with { Employers = [employers[0].Id, employers[1].Id] });
        Assert.True(two.Accepted, two.Error);
        await CaughtUpAsync(_coordinator, two);
        seen = _coordinator.Card(cardId)!.Fields;

        var reordered = await _coordinator.EditAsync(cardId, seen, seen with { Employers = [employers[1].Id, employers[0].Id], Title = "Twee werkgevers, herordend" });

        Assert.True(reordered.Accepted, reordered.Error);
        Assert.Empty(reordered.Conflicts ?? []);
        await CaughtUpAsync(_coordinator, reordered);
        Assert.Equal([employers[0].Id, employers[1].Id], _coordinator.Card(cardId)!.Fields.Employers);
    }

    [Fact]
    public async Task A_reader_cannot_edit_the_card_even_through_the_hub()
    {
        var cardId = await NewCardAsync("Alleen lezen");
        await using var reader = await ConnectAsync(AppFactory.CoreGroupMember, _henk.Board!.Id);
        Assert.False(reader.Board!.CanEdit);
        var seen = reader.Card(cardId)!.Fields;

        var result = await reader.EditAsync(cardId, seen, seen with { Title = "Overschreven" });

        Assert.False(result.Accepted);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Equal("Alleen lezen", _coordinator.Card(cardId)!.Fields.Title);
    }
}
