using AngleSharp.Dom;
using Bunit;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Security;

namespace NinetyNine.Tests.Components;

/// <summary>
/// The card dialog's parts on their own (conflicts, the read-only fields) and the whole dialog on a live board of the
/// test app: a conflict made by a second person shows both values and "keep mine" wins; a reader gets no inputs.
/// </summary>
[Collection(LiveUiCollection.Name)]
public sealed class CardDialogTests : MudTestContext, IClassFixture<AppFactory>
{
    private static readonly Guid Sanne = Guid.NewGuid();
    private static readonly Guid Henk = Guid.NewGuid();
    private static readonly Guid Fietsfabriek = Guid.NewGuid();
    private static readonly IReadOnlyList<Choice> People = [new(Sanne, "Sanne de Vries"), new(Henk, "Henk Nijhuis")];
    private static readonly IReadOnlyList<Choice> Employers = [new(Fietsfabriek, "Fietsfabriek Vriezenveen")];
    private readonly AppFactory _app;

    public CardDialogTests(AppFactory app)
    {
        _app = app;
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(app.Services.GetRequiredService<BoardService>());
        Services.AddSingleton<IValidator<CardForm>>(new CardFormValidator(TimeProvider.System));
        Services.AddSingleton<IValidator<CardText>>(new CardTextValidator());
    }

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // ---- CardConflicts ---------------------------------------------------------------------------

    private IRenderedComponent<CardConflicts> RenderConflicts(IReadOnlyList<ConflictState> conflicts, List<ConflictState>? theirs = null, List<ConflictState>? mine = null) =>
        Render<CardConflicts>(p => p
            .Add(c => c.Conflicts, conflicts)
            .Add(c => c.People, People)
            .Add(c => c.Employers, Employers)
            .Add(c => c.OnKeepTheirs, EventCallback.Factory.Create<ConflictState>(this, c => theirs?.Add(c)))
            .Add(c => c.OnKeepMine, EventCallback.Factory.Create<ConflictState>(this, c => mine?.Add(c))));

    [Fact]
    public void Each_conflict_shows_its_field_the_saved_value_and_the_persons_own_by_name()
    {
        var view = RenderConflicts([
            new("Title", "Banenmarkt Hengelo", "Banenmarkt Almelo"),
            new("OwnerId", Sanne.ToString(), Henk.ToString()),
            new("DueOn", "2027-03-01", "—"),
            new("Employers", Fietsfabriek.ToString(), "—"),
        ]);

        var conflicts = view.FindAll("[data-testid=conflict]");
        Assert.Equal(4, conflicts.Count);
        Assert.Equal("Titel Nu opgeslagen: Banenmarkt Hengelo Uw versie: Banenmarkt Almelo Neem de opgeslagen versie Houd mijn versie", Text(conflicts[0]));
        Assert.Equal(("Sanne de Vries", "Henk Nijhuis"), (Text(conflicts[1].QuerySelector("[data-testid=conflict-theirs]")!), Text(conflicts[1].QuerySelector("[data-testid=conflict-mine]")!)));
        Assert.Equal(("1 mrt 2027", "—"), (Text(conflicts[2].QuerySelector("[data-testid=conflict-theirs]")!), Text(conflicts[2].QuerySelector("[data-testid=conflict-mine]")!)));
        Assert.Equal("Fietsfabriek Vriezenveen", Text(conflicts[3].QuerySelector("[data-testid=conflict-theirs]")!));
        Assert.Equal("Eigenaar", Text(conflicts[1].QuerySelector(".mud-typography-subtitle2")!));
    }

    [Fact]
    public void The_buttons_of_a_conflict_choose_for_that_field()
    {
        List<ConflictState> theirs = [], mine = [];
        var title = new ConflictState("Title", "A", "B");
        var labels = new ConflictState("Labels", "x, y", "z");
        var view = RenderConflicts([title, labels], theirs, mine);

        view.FindAll("[data-testid=keep-mine]")[1].Click();
        view.FindAll("[data-testid=keep-theirs]")[0].Click();

        Assert.Equal([labels], mine);
        Assert.Equal([title], theirs);
    }

    [Fact]
    public void Without_conflicts_nothing_is_shown()
    {
        var view = RenderConflicts([]);

        Assert.Empty(view.FindAll("[data-testid=conflicts]"));
    }

    // ---- CardFieldsView --------------------------------------------------------------------------

    [Fact]
    public void The_read_only_fields_show_names_dates_money_and_safe_markdown_without_any_input()
    {
        var fields = new CardFieldsState("Banenmarkt", "**Tien** werkgevers <script>alert(1)</script>", Henk, new DateOnly(2027, 3, 1), [Fietsfabriek],
            ["gemeente", "UWV"], ["banen"], FundingStatus.Arranged, Fietsfabriek, 2500m);

        var view = Render<CardFieldsView>(p => p.Add(c => c.Fields, fields).Add(c => c.People, People).Add(c => c.Employers, Employers));

        Assert.Empty(view.FindAll("input, textarea, select, button"));
        Assert.Equal("Banenmarkt", Text(view.Find("[data-testid=card-title]")));
        var description = view.Find("[data-testid=card-description]");
        Assert.Equal("Tien", Text(description.QuerySelector("strong")!));
        Assert.Empty(description.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(1)</script>", description.TextContent, StringComparison.Ordinal);
        Assert.Equal("Henk Nijhuis", Text(view.Find("[data-testid=card-owner]")));
        Assert.Equal("1 mrt 2027", Text(view.Find("[data-testid=card-due]")));
        Assert.Equal("Fietsfabriek Vriezenveen", Text(view.Find("[data-testid=card-employers]")));
        Assert.Equal(["gemeente", "UWV"], view.FindAll("[data-testid=card-stakeholders] .mud-chip").Select(Text));
        Assert.Equal("Geregeld · door Fietsfabriek Vriezenveen · € 2.500,00", Text(view.Find("[data-testid=card-funding]")));
    }

    [Fact]
    public void A_preset_stakeholder_is_said_in_the_readers_language_and_a_typed_one_as_typed()
    {
        var fields = new CardFieldsState("Banenmarkt", "", null, null, [], ["gemeente", "SW-bedrijf", "Rotary Almelo"], [], FundingStatus.NotNeeded, null, null);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-GB");
            var english = Render<CardFieldsView>(p => p.Add(c => c.Fields, fields).Add(c => c.People, People).Add(c => c.Employers, Employers));
            Assert.Equal(["municipality", "sheltered employment company", "Rotary Almelo"], english.FindAll("[data-testid=card-stakeholders] .mud-chip").Select(Text));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }

        var dutch = Render<CardFieldsView>(p => p.Add(c => c.Fields, fields).Add(c => c.People, People).Add(c => c.Employers, Employers));
        Assert.Equal(["gemeente", "SW-bedrijf", "Rotary Almelo"], dutch.FindAll("[data-testid=card-stakeholders] .mud-chip").Select(Text));
    }

    [Fact]
    public void With_no_funding_needed_no_funder_or_amount_is_shown()
    {
        var fields = new CardFieldsState("Banenmarkt", "", null, null, [], [], [], FundingStatus.NotNeeded, Fietsfabriek, 2500m);

        var view = Render<CardFieldsView>(p => p.Add(c => c.Fields, fields).Add(c => c.People, People).Add(c => c.Employers, Employers));

        Assert.Equal("Niet nodig", Text(view.Find("[data-testid=card-funding]")));
        Assert.Equal("—", Text(view.Find("[data-testid=card-owner]")));
        Assert.Equal("Geen beschrijving.", Text(view.Find("[data-testid=card-description]")));
    }

    // ---- The whole dialog on a live board --------------------------------------------------------

    private async Task<(BoardLive Connection, CurrentMember Member)> ConnectAsync(string email, Guid boardId)
    {
        var connection = await HubLive.BoardAsync(_app, email, boardId);
        return (connection, await _app.MemberAsync(email));
    }

    private async Task<Guid> BoardIdAsync()
    {
        await using var db = await _app.DbFactory.CreateDbContextAsync();
        var groupId = await db.ThemeGroups.Where(g => g.Name == "Werkgelegenheid creëren").Select(g => g.Id).SingleAsync();
        return (await _app.Services.GetRequiredService<BoardService>().BoardOfAsync(await _app.MemberAsync(AppFactory.Coordinator), groupId))!.Value;
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(BoardLive connection, Guid cardId, CurrentMember member)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<CardDialog> { { d => d.Connection, connection }, { d => d.CardId, cardId }, { d => d.Member, member } };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<CardDialog>("Kaart", parameters));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[data-testid=card-dialog]")));
        return provider;
    }

    [Fact]
    public async Task A_stale_title_shows_as_a_conflict_in_the_dialog_and_keep_mine_saves_it()
    {
        var boardId = await BoardIdAsync();
        var (coordinator, _) = await ConnectAsync(AppFactory.Coordinator, boardId);
        var (henk, henkMember) = await ConnectAsync(AppFactory.SecondCoreGroupMember, boardId);
        await using var _1 = coordinator;
        await using var _2 = henk;
        var added = await coordinator.AddCardAsync(coordinator.Columns[0].Id, BoardService.StateOf(CardFields.New("Banenmarkt")));
        var cardId = added.CardId!.Value;
        await HubClients.EventuallyAsync(() => henk.Card(cardId) is not null, "Henk holds the card");
        var dialog = await OpenAsync(henk, cardId, henkMember);

        dialog.Find("input[data-testid=card-title]").Input("Banenmarkt Almelo");
        dialog.Find("input[data-testid=label-text]").Input("banen");
        var seen = coordinator.Card(cardId)!.Fields;
        Assert.True((await coordinator.EditAsync(cardId, seen, seen with { Title = "Banenmarkt Hengelo" })).Accepted);
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("[data-testid=card-changed]")));
        Assert.Equal("Banenmarkt Almelo", dialog.Find("input[data-testid=card-title]").GetAttribute("value"));

        dialog.Find("button[data-testid=save-card]").Click();

        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("[data-testid=conflict]")));
        var conflict = dialog.Find("[data-testid=conflict]");
        Assert.Equal("Titel Nu opgeslagen: Banenmarkt Hengelo Uw versie: Banenmarkt Almelo Neem de opgeslagen versie Houd mijn versie", Text(conflict));
        Assert.Equal("Banenmarkt Hengelo", coordinator.Card(cardId)!.Fields.Title);
        await HubClients.EventuallyAsync(() => coordinator.Card(cardId)!.Fields.Labels.SequenceEqual(["banen"]), "the label, not in conflict, was saved");
        Assert.Equal("Banenmarkt Almelo", dialog.Find("input[data-testid=card-title]").GetAttribute("value"));

        // Saving again without a choice does not overwrite the other person's title.
        dialog.Find("button[data-testid=save-card]").Click();
        dialog.WaitForAssertion(() => Assert.Single(dialog.FindAll("[data-testid=conflict]")));
        // The conflict was already on screen: wait until that second save has finished (the choices are enabled again).
        dialog.WaitForAssertion(() => Assert.False(dialog.Find("button[data-testid=keep-mine]").HasAttribute("disabled")));
        Assert.Equal("Banenmarkt Hengelo", coordinator.Card(cardId)!.Fields.Title);

        dialog.Find("button[data-testid=keep-mine]").Click();

        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("[data-testid=conflict]")));
        await HubClients.EventuallyAsync(() => coordinator.Card(cardId)!.Fields.Title == "Banenmarkt Almelo", "Henk's title is saved");
        dialog.WaitForAssertion(() => Assert.Equal("Banenmarkt Almelo", Text(dialog.Find("[data-testid=card-dialog-title]"))));
        Assert.Empty(dialog.FindAll("[data-testid=card-changed]"));
    }

    [Fact]
    public async Task Keep_theirs_takes_the_saved_value_into_the_form_without_sending()
    {
        var boardId = await BoardIdAsync();
        var (coordinator, _) = await ConnectAsync(AppFactory.Coordinator, boardId);
        var (henk, henkMember) = await ConnectAsync(AppFactory.SecondCoreGroupMember, boardId);
        await using var _1 = coordinator;
        await using var _2 = henk;
        var cardId = (await coordinator.AddCardAsync(coordinator.Columns[0].Id, BoardService.StateOf(CardFields.New("Stageplekken")))).CardId!.Value;
        await HubClients.EventuallyAsync(() => henk.Card(cardId) is not null, "Henk holds the card");
        var dialog = await OpenAsync(henk, cardId, henkMember);
        dialog.Find("input[data-testid=card-title]").Input("Stageplekken Almelo");
        var seen = coordinator.Card(cardId)!.Fields;
        await coordinator.EditAsync(cardId, seen, seen with { Title = "Stageplekken Hengelo" });
        dialog.Find("button[data-testid=save-card]").Click();
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("[data-testid=conflict]")));
        var revision = coordinator.Card(cardId)!.Revision;

        dialog.Find("button[data-testid=keep-theirs]").Click();

        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("[data-testid=conflict]")));
        Assert.Equal("Stageplekken Hengelo", dialog.Find("input[data-testid=card-title]").GetAttribute("value"));
        Assert.Equal(revision, coordinator.Card(cardId)!.Revision);
    }

    [Fact]
    public async Task A_reader_sees_the_card_with_its_checklist_and_history_but_no_input()
    {
        var boardId = await BoardIdAsync();
        var (coordinator, _) = await ConnectAsync(AppFactory.Coordinator, boardId);
        var (reader, readerMember) = await ConnectAsync(AppFactory.CoreGroupMember, boardId);
        await using var _1 = coordinator;
        await using var _2 = reader;
        var cardId = (await coordinator.AddCardAsync(coordinator.Columns[0].Id, BoardService.StateOf(CardFields.New("Leesbaar")))).CardId!.Value;
        await coordinator.AddChecklistEntryAsync(cardId, "Zaal reserveren");
        await coordinator.CommentAsync(cardId, "Goed idee");
        await HubClients.EventuallyAsync(() => reader.Card(cardId) is { Comments.Count: 1, Checklist.Count: 1 }, "the reader holds the card");

        var dialog = await OpenAsync(reader, cardId, readerMember);

        Assert.Empty(dialog.FindAll("[data-testid=card-dialog] input, [data-testid=card-dialog] textarea"));
        Assert.Empty(dialog.FindAll("[data-testid=save-card], [data-testid=add-comment], [data-testid=archive-card], [data-testid=archive-card-icon], [data-testid=add-entry]"));
        Assert.Empty(dialog.FindAll("[data-testid=card-fields-view] [data-testid=card-title]"));
        Assert.Equal("Leesbaar", Text(dialog.Find("[data-testid=card-dialog-title]")));
        Assert.Equal("Zaal reserveren", Text(dialog.Find("[data-testid=checklist-entry]")));
        Assert.StartsWith("Sanne", Text(dialog.Find("[data-testid=comment-author]")), StringComparison.Ordinal);
        dialog.WaitForAssertion(() => Assert.Equal(3, dialog.FindAll("[data-testid=card-history] [data-testid=activity-item]").Count));
        Assert.Equal("Sanne Kuipers reageerde op „Leesbaar”", Text(dialog.Find("[data-testid=card-history] [data-testid=activity-item] span")));
    }

    [Fact]
    public async Task Asking_again_after_an_answer_keeps_the_answer_under_earlier_questions()
    {
        var boardId = await BoardIdAsync();
        var (coordinator, member) = await ConnectAsync(AppFactory.Coordinator, boardId);
        await using var _ = coordinator;
        var cardId = (await coordinator.AddCardAsync(coordinator.Columns[0].Id, BoardService.StateOf(CardFields.New("Proefplaatsing")))).CardId!.Value;
        await coordinator.AskLegalAdviceAsync(cardId, "Mag een proefplaatsing langer dan twee maanden?");
        var eva = await _app.MemberAsync(AppFactory.Advisor);
        Assert.True((await _app.Services.GetRequiredService<AdviceService>().AnswerAsync(eva, boardId, Guid.NewGuid(), cardId,
            new AdviceAnswerForm { Answer = "Ja, met instemming van het UWV." })).Accepted);
        await HubClients.EventuallyAsync(() => coordinator.Card(cardId)?.LegalAdvice?.Answer is not null, "the answer is on the card");
        var dialog = await OpenAsync(coordinator, cardId, member);
        Assert.Equal("Ja, met instemming van het UWV.", Text(dialog.Find("[data-testid=legal-answer] .card-text")));
        Assert.Empty(dialog.FindAll("[data-testid=legal-earlier]"));

        dialog.Find("textarea[data-testid=legal-question]").Input("En als de proefplaatsing wordt verlengd?");
        dialog.Find("button[data-testid=ask-legal]").Click();

        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("[data-testid=legal-open]")));
        Assert.Equal("En als de proefplaatsing wordt verlengd?", Text(dialog.Find("[data-testid=legal-asked]")));
        Assert.Equal("Eerdere vragen (1)", Text(dialog.Find("[data-testid=card-legal] h4")));
        var earlier = dialog.Find("[data-testid=legal-earlier]");
        Assert.Equal("Mag een proefplaatsing langer dan twee maanden?", Text(earlier.QuerySelector("[data-testid=earlier-asked]")!));
        Assert.StartsWith("Ja, met instemming van het UWV. Beantwoord door mr. Eva Lammers", Text(earlier.QuerySelector("[data-testid=earlier-answer]")!), StringComparison.Ordinal);
    }
}
