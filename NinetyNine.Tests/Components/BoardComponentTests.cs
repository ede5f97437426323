using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Support;
using NinetyNine.Web;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Boards;

namespace NinetyNine.Tests.Components;

/// <summary>The board's pieces: a card tile (marks, menu, renders only when its card changed), the filter and window logic, the history lines.</summary>
public sealed class BoardComponentTests : MudTestContext
{
    private static readonly DateOnly Today = new(2026, 12, 15);
    private static readonly DateTimeOffset Now = new(2026, 12, 15, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid Henk = Guid.NewGuid();
    private static readonly Guid Ahmet = Guid.NewGuid();
    private static readonly Guid Wevers = Guid.NewGuid();
    private static readonly Guid Fietsfabriek = Guid.NewGuid();
    private static readonly ColumnState[] Columns =
        [new(Guid.NewGuid(), "Idee", 0), new(Guid.NewGuid(), "Gepland", 1), new(Guid.NewGuid(), "Bezig", 2), new(Guid.NewGuid(), "Afgerond", 3)];

    public BoardComponentTests() => Services.AddSingleton(TimeProvider.System);

    private static CardState Card(
        string title = "Social return bij nieuwbouw",
        int column = 2,
        int position = 0,
        DateOnly? due = null,
        Guid? owner = null,
        string? ownerName = "Henk Nijhuis",
        IReadOnlyList<string>? labels = null,
        IReadOnlyList<Guid>? employers = null,
        IReadOnlyList<ChecklistEntry>? checklist = null,
        int comments = 0,
        LegalAdvice? legal = null,
        bool archived = false) =>
        new(Guid.NewGuid(), Columns[column].Id, position, 1,
            new CardFieldsState(title, string.Empty, owner ?? Henk, due, employers ?? [], [], labels ?? [], FundingStatus.NotNeeded, null, null),
            ownerName, checklist ?? [],
            [.. Enumerable.Range(0, comments).Select(i => new CommentState(Guid.NewGuid(), "Sanne Kuipers", $"Reactie {i}", Now))],
            legal, [], null, archived, !archived && legal is not { IsOpen: true });

    private IRenderedComponent<BoardCardTile> RenderTile(CardState card, bool canEdit = true, bool isLast = false, List<CardMove>? moves = null,
        List<CardState>? archived = null) =>
        Render<BoardCardTile>(p => p
            .Add(t => t.Card, card)
            .Add(t => t.Today, Today)
            .Add(t => t.CanEdit, canEdit)
            .Add(t => t.Columns, Columns)
            .Add(t => t.IsLast, isLast)
            .Add(t => t.OnMove, EventCallback.Factory.Create<CardMove>(this, m => moves?.Add(m)))
            .Add(t => t.OnArchive, EventCallback.Factory.Create<CardState>(this, c => archived?.Add(c))));

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // ---- BoardCardTile ----------------------------------------------------------------------------

    [Fact]
    public void An_overdue_card_is_marked_in_red_and_in_words()
    {
        var card = Card(due: new DateOnly(2026, 12, 1));
        var tile = RenderTile(card);

        var article = tile.Find($"[data-testid=card-{card.Id}]");
        Assert.Equal("true", article.GetAttribute("data-overdue"));
        Assert.Contains("board-card-overdue", article.ClassList);
        var due = tile.Find("[data-testid=card-due]");
        Assert.Contains("mud-error-text", due.ClassList);
        Assert.Equal("Te laat: 1 dec 2026", Text(due));
    }

    [Fact]
    public void A_card_due_today_or_later_is_not_marked_overdue()
    {
        var card = Card(due: Today);
        var tile = RenderTile(card);

        Assert.Equal("false", tile.Find($"[data-testid=card-{card.Id}]").GetAttribute("data-overdue"));
        var due = tile.Find("[data-testid=card-due]");
        Assert.DoesNotContain("mud-error-text", due.ClassList);
        Assert.Equal("15 dec 2026", Text(due));
        Assert.DoesNotContain("Te laat", tile.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tile_shows_title_owner_labels_employers_checklist_progress_and_comments()
    {
        var card = Card(labels: ["bouw", "onderzoek"], employers: [Wevers, Fietsfabriek],
            checklist: [new(Guid.NewGuid(), "a", true), new(Guid.NewGuid(), "b", true), new(Guid.NewGuid(), "c", false), new(Guid.NewGuid(), "d", false), new(Guid.NewGuid(), "e", false)],
            comments: 3);
        var tile = RenderTile(card);

        Assert.Equal("Social return bij nieuwbouw", Text(tile.Find("[data-testid=card-open]")));
        Assert.Equal("Henk Nijhuis", Text(tile.Find("[data-testid=card-owner]")));
        Assert.Equal(["bouw", "onderzoek"], tile.FindAll("[data-testid=card-label]").Select(Text));
        Assert.StartsWith("2 ", Text(tile.Find("[data-testid=card-employers]")), StringComparison.Ordinal);
        Assert.StartsWith("2/5 ", Text(tile.Find("[data-testid=card-checklist]")), StringComparison.Ordinal);
        Assert.Contains("2 van 5 taken klaar", Text(tile.Find("[data-testid=card-checklist]")), StringComparison.Ordinal);
        Assert.StartsWith("3 ", Text(tile.Find("[data-testid=card-comments]")), StringComparison.Ordinal);
        Assert.Empty(tile.FindAll("[data-testid=card-legal]"));
    }

    [Fact]
    public void An_open_legal_question_shows_the_legal_icon_and_an_answered_one_does_not()
    {
        var open = RenderTile(Card(legal: new LegalAdvice("Mag dat?", "Henk Nijhuis", Now)));
        Assert.Equal("Juridische vraag staat open", Text(open.Find("[data-testid=card-legal]")));

        var answered = RenderTile(Card(legal: new LegalAdvice("Mag dat?", "Henk Nijhuis", Now, "Ja.", "mr. Eva Lammers", Now)));
        Assert.Empty(answered.FindAll("[data-testid=card-legal]"));
    }

    [Fact]
    public void A_reader_sees_the_card_without_menu_or_drag_handle()
    {
        var tile = RenderTile(Card(), canEdit: false);

        Assert.Empty(tile.FindAll("[data-testid=card-menu]"));
        Assert.Empty(tile.FindAll("[data-testid=drag-handle]"));
        Assert.Single(tile.FindAll("button")); // Only the title, which opens the card to read.
    }

    [Fact]
    public void The_menu_moves_to_every_other_column_down_but_not_up_from_the_top_and_archives()
    {
        var popovers = Render<MudPopoverProvider>();
        var moves = new List<CardMove>();
        var archived = new List<CardState>();
        var card = Card(column: 2, position: 0);
        var tile = RenderTile(card, moves: moves, archived: archived);

        tile.Find("[data-testid=card-menu] button").Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-testid=move-to-0]")));
        Assert.Equal(["move-to-0", "move-to-1", "move-to-3"], popovers.FindAll("[data-testid^=move-to-]").Select(e => e.GetAttribute("data-testid")!));
        Assert.Equal("Naar kolom Afgerond", Text(popovers.Find("[data-testid=move-to-3]")));
        Assert.Empty(popovers.FindAll("[data-testid=move-up]"));

        popovers.Find("[data-testid=move-to-3]").Click();
        tile.WaitForAssertion(() => Assert.Equal(new CardMove(card.Id, Columns[3].Id, int.MaxValue), Assert.Single(moves)));

        tile.Find("[data-testid=card-menu] button").Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-testid=move-down]")));
        popovers.Find("[data-testid=move-down]").Click();
        tile.WaitForAssertion(() => Assert.Equal([new CardMove(card.Id, Columns[3].Id, int.MaxValue), new CardMove(card.Id, Columns[2].Id, 1)], moves));

        tile.Find("[data-testid=card-menu] button").Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-testid=archive]")));
        popovers.Find("[data-testid=archive]").Click();
        tile.WaitForAssertion(() => Assert.Same(card, Assert.Single(archived)));
    }

    [Fact]
    public void The_last_card_of_a_column_moves_up_but_not_down()
    {
        var popovers = Render<MudPopoverProvider>();
        var moves = new List<CardMove>();
        var card = Card(column: 1, position: 4);
        var tile = RenderTile(card, isLast: true, moves: moves);

        tile.Find("[data-testid=card-menu] button").Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-testid=move-up]")));
        Assert.Empty(popovers.FindAll("[data-testid=move-down]"));
        popovers.Find("[data-testid=move-up]").Click();
        tile.WaitForAssertion(() => Assert.Equal(new CardMove(card.Id, Columns[1].Id, 3), Assert.Single(moves)));
    }

    /// <summary>The tile itself, counting its own renders (bunit's RenderCount also counts renders of the menu inside it).</summary>
    private sealed class CountingTile : BoardCardTile
    {
        public int Renders { get; private set; }

        protected override void OnAfterRender(bool firstRender) => Renders++;
    }

    [Fact]
    public void A_tile_renders_again_only_when_its_card_changed()
    {
        var card = Card(title: "Eerste titel");
        var tile = Render<CountingTile>(p => p.Add(t => t.Card, card).Add(t => t.Today, Today).Add(t => t.CanEdit, true).Add(t => t.Columns, Columns));
        Assert.Equal(1, tile.Instance.Renders);
        Assert.Equal(1, tile.RenderCount);

        // The page renders again for another card's change: same card, same columns.
        tile.Render(p => p.Add(t => t.Card, card).Add(t => t.Columns, Columns).Add(t => t.Today, Today));
        tile.Render(p => p.Add(t => t.Card, card));
        Assert.Equal(1, tile.Instance.Renders);
        Assert.Equal(1, tile.RenderCount);

        var changed = card with { Revision = 2, Fields = card.Fields with { Title = "Tweede titel" } };
        tile.Render(p => p.Add(t => t.Card, changed));
        Assert.Equal(2, tile.Instance.Renders);
        Assert.Equal("Tweede titel", Text(tile.Find("[data-testid=card-open]")));

        // A column renamed: the menu names it, so the tile renders again; once.
        tile.Render(p => p.Add(t => t.Columns, Columns.ToList()));
        Assert.Equal(3, tile.Instance.Renders);
        tile.Render(p => p.Add(t => t.Card, changed));
        Assert.Equal(3, tile.Instance.Renders);
    }

    // ---- BoardFilter ------------------------------------------------------------------------------

    [Fact]
    public void The_filters_select_by_me_overdue_owner_employer_and_label()
    {
        var mineLate = Card(owner: Henk, due: Today.AddDays(-1), labels: ["Bouw"], employers: [Wevers]);
        var mineInTime = Card(owner: Henk, due: Today, labels: ["plan"]);
        var othersLate = Card(owner: Ahmet, due: Today.AddDays(-10), employers: [Fietsfabriek, Wevers]);
        var noDue = Card(owner: Ahmet);
        CardState[] cards = [mineLate, mineInTime, othersLate, noDue];

        IEnumerable<CardState> Where(BoardFilterState f) => cards.Where(c => BoardFilter.Matches(c, f, Henk, Today));

        Assert.Equal(cards, Where(BoardFilterState.None));
        Assert.Equal([mineLate, mineInTime], Where(new(MineOnly: true)));
        Assert.Equal([mineLate, othersLate], Where(new(OverdueOnly: true)));
        Assert.Equal([mineLate], Where(new(MineOnly: true, OverdueOnly: true)));
        Assert.Equal([othersLate, noDue], Where(new(OwnerId: Ahmet)));
        Assert.Equal([mineLate, othersLate], Where(new(EmployerId: Wevers)));
        Assert.Equal([othersLate], Where(new(EmployerId: Fietsfabriek)));
        Assert.Equal([mineLate], Where(new(Label: "bouw")));
        Assert.False(BoardFilter.IsOverdue(mineLate with { IsArchived = true }, Today));
        Assert.False(BoardFilterState.None.IsActive);
        Assert.True(new BoardFilterState(Label: "plan").IsActive);
    }

    [Fact]
    public void A_long_column_shows_its_first_page_of_cards_in_order_after_the_filter()
    {
        var column = Enumerable.Range(0, 120).Select(i => Card(title: $"Kaart {i}", position: i, due: i % 2 == 0 ? Today.AddDays(-1) : Today.AddDays(1)))
            .Reverse().ToList();

        var all = BoardFilter.Window(column, BoardFilterState.None, Henk, Today, BoardFilter.PageSize, out var total);
        Assert.Equal(120, total);
        Assert.Equal(Enumerable.Range(0, BoardFilter.PageSize), all.Select(c => c.Position));

        var late = BoardFilter.Window(column, new(OverdueOnly: true), Henk, Today, 80, out var lateTotal);
        Assert.Equal(60, lateTotal);
        Assert.Equal(60, late.Count);
        Assert.All(late, c => Assert.Equal(0, c.Position % 2));
        Assert.Equal(Enumerable.Range(0, 60).Select(i => i * 2), late.Select(c => c.Position));
    }

    [Fact]
    public void A_card_dropped_among_the_shown_cards_lands_before_the_shown_card_at_that_place_in_the_whole_column()
    {
        var column = Enumerable.Range(0, 6).Select(i => Card(title: $"K{i}", position: i)).ToList();
        var shown = new[] { column[1], column[3], column[5] }; // A filter shows every other card.
        var stranger = Card(column: 0);

        Assert.Equal(3, BoardFilter.TargetIndex(column, shown, stranger.Id, 1)); // Before K3.
        Assert.Equal(0 + 1, BoardFilter.TargetIndex(column, shown, stranger.Id, 0)); // Before K1, after the hidden K0.
        Assert.Equal(6, BoardFilter.TargetIndex(column, shown, stranger.Id, 3)); // After K5.
        // Within the column: K1 dropped after K5 goes to the end; K5 dropped first goes before K1.
        Assert.Equal(5, BoardFilter.TargetIndex(column, shown, column[1].Id, 2));
        Assert.Equal(1, BoardFilter.TargetIndex(column, shown, column[5].Id, 0));
        Assert.Equal(0, BoardFilter.TargetIndex([], [], stranger.Id, 0));
    }

    [Fact]
    public void The_label_choices_are_the_labels_in_use_once_each()
    {
        Assert.Equal(["bouw", "onderzoek", "plan"],
            BoardFilter.Labels([Card(labels: ["plan", "bouw"]), Card(labels: ["Bouw", "onderzoek"]), Card(labels: ["oud"], archived: true)]));
    }

    // ---- BoardActivityList ------------------------------------------------------------------------

    private static BoardActivityRecord Line(string kind, string? card = "Social return", string? detail = null, int minutesAgo = 5) => new()
    {
        Kind = kind,
        CardTitle = card,
        Detail = detail,
        PersonName = "Henk Nijhuis",
        At = Now.AddMinutes(-minutesAgo),
    };

    [Fact]
    public void The_history_says_who_did_what_in_Dutch_newest_first_as_given()
    {
        var list = Render<BoardActivityList>(p => p
            .Add(l => l.Now, Now)
            .Add(l => l.Items, [
                Line("CardMoved", detail: "Gepland → Bezig", minutesAgo: 2),
                Line("CardEdited", detail: "Title, DueOn"),
                Line("ColumnRenamed", card: null, detail: "Idee → Ideeën", minutesAgo: 60 * 26),
                Line("ChecklistDone", detail: "Offerte opvragen"),
                Line("SomethingNew", detail: "x")]));

        var items = list.FindAll("[data-testid=activity-item]");
        Assert.Equal("Henk Nijhuis verplaatste „Social return” (Gepland → Bezig)", Text(items[0].QuerySelector(".board-activity-text")!));
        Assert.Equal("Henk Nijhuis wijzigde „Social return”: titel, deadline", Text(items[1].QuerySelector(".board-activity-text")!));
        Assert.Equal("Henk Nijhuis hernoemde een kolom (Idee → Ideeën)", Text(items[2].QuerySelector(".board-activity-text")!));
        Assert.Equal("Henk Nijhuis vinkte „Offerte opvragen” af bij „Social return”", Text(items[3].QuerySelector(".board-activity-text")!));
        Assert.Equal("Henk Nijhuis: SomethingNew Social return x", Text(items[4].QuerySelector(".board-activity-text")!));
        Assert.Equal("2 minuten geleden", Text(items[0].QuerySelector("time")!));
        Assert.Equal("gisteren", Text(items[2].QuerySelector("time")!));
    }

    [Fact]
    public void An_empty_history_says_so()
    {
        var list = Render<BoardActivityList>(p => p.Add(l => l.Items, []));

        Assert.Equal("Nog geen wijzigingen.", Text(list.Find("[data-testid=activity-empty]")));
        Assert.Empty(list.FindAll("[data-testid=activity-item]"));
    }

    [Fact]
    public void Every_kind_of_history_line_and_every_card_field_has_a_text_in_Dutch_and_English()
    {
        var localizer = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        foreach (var culture in new[] { "nl-NL", "en-US" })
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.All(BoardActivityList.Kinds, kind => Assert.False(localizer[$"Activity.{kind}"].ResourceNotFound, $"Activity.{kind} ({culture})"));
            Assert.All(CardFields.Names, field => Assert.False(localizer[$"ActivityField.{field}"].ResourceNotFound, $"ActivityField.{field} ({culture})"));
        }

        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
    }
}
