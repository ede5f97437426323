using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Dashboard;
using NinetyNine.Web.Features.Onboarding;

namespace NinetyNine.Tests.Components;

/// <summary>The onboarding screens' components: one checklist step, the coordinator's overview and the two dashboard cards.</summary>
public sealed class OnboardingComponentTests : MudTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 15, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.Date);
    private static readonly Guid Sanne = Guid.NewGuid();

    private static StepSnapshot Step(
        int position = 2,
        string title = "Welkomstgesprek",
        StepState state = StepState.Open,
        DateOnly? dueOn = null,
        bool overdue = false,
        string? assignee = "Sanne de Vries",
        string? changedBy = null,
        DateTimeOffset? changedAt = null,
        string? reason = null,
        IReadOnlyList<CommentSnapshot>? comments = null) =>
        new(position, title, "Kennismaken op locatie", StepOwner.Coordinator, dueOn ?? Today.AddDays(7),
            assignee is null ? null : Sanne, assignee, state, changedBy, changedAt, reason, overdue, comments ?? []);

    private IRenderedComponent<ChecklistStepView> RenderStep(
        StepSnapshot step, bool mayWork = true, bool isCoordinator = false, List<StepSnapshot>? toggled = null, List<StepActionRequest>? actions = null) =>
        Render<ChecklistStepView>(p => p
            .Add(c => c.Step, step)
            .Add(c => c.MayWork, mayWork)
            .Add(c => c.IsCoordinator, isCoordinator)
            .Add(c => c.Now, Now)
            .Add(c => c.OnToggle, EventCallback.Factory.Create<StepSnapshot>(this, s => toggled?.Add(s)))
            .Add(c => c.OnAction, EventCallback.Factory.Create<StepActionRequest>(this, a => actions?.Add(a))));

    /// <summary>MudMenu renders its items into the popover provider, so the provider has to be on the page before the menu opens.</summary>
    private (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<ChecklistStepView> Step) RenderStepWithMenu(
        StepSnapshot step, bool isCoordinator, List<StepActionRequest>? actions = null)
    {
        var popovers = Render<MudPopoverProvider>();
        var view = RenderStep(step, mayWork: true, isCoordinator: isCoordinator, actions: actions);
        view.Find("[data-testid=step-menu] button").Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-testid=menu-comment]")));
        return (popovers, view);
    }

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // ---- ChecklistStepView -----------------------------------------------------------------------

    [Fact]
    public void An_open_overdue_step_is_marked_overdue_in_red_with_its_due_date()
    {
        var view = RenderStep(Step(dueOn: new DateOnly(2026, 12, 1), overdue: true));

        var paper = view.Find("[data-testid=step-2]");
        Assert.Contains("step-overdue", paper.ClassList);
        Assert.Contains("step-open", paper.ClassList);
        var due = view.Find("[data-testid=step-due]");
        Assert.Contains("mud-error-text", due.ClassList);
        Assert.Equal("Te laat: uiterlijk 1 dec 2026", Text(due));
    }

    [Fact]
    public void An_open_step_in_time_is_neither_red_nor_marked_overdue()
    {
        var view = RenderStep(Step(dueOn: new DateOnly(2026, 12, 22), overdue: false));

        Assert.DoesNotContain("step-overdue", view.Find("[data-testid=step-2]").ClassList);
        var due = view.Find("[data-testid=step-due]");
        Assert.DoesNotContain("mud-error-text", due.ClassList);
        Assert.Equal("Uiterlijk 22 dec 2026", Text(due));
    }

    [Fact]
    public void A_done_step_shows_who_ticked_it_and_when_and_no_due_date()
    {
        var view = RenderStep(Step(state: StepState.Done, changedBy: "Henk Nijhuis", changedAt: Now.AddHours(-2)));

        Assert.Equal("Afgevinkt door Henk Nijhuis, 2 uur geleden", Text(view.Find("[data-testid=step-history]")));
        Assert.Empty(view.FindAll("[data-testid=step-due]"));
        Assert.Equal("Done", view.Find("[data-testid=step-2]").GetAttribute("data-state"));
        var checkbox = view.Find("input[type=checkbox][data-testid=step-toggle]");
        Assert.True(checkbox.HasAttribute("checked"));
        Assert.Equal("Vinkje bij „Welkomstgesprek” weghalen", checkbox.GetAttribute("aria-label"));
    }

    [Fact]
    public void A_skipped_step_shows_who_skipped_it_with_the_reason()
    {
        var view = RenderStep(Step(state: StepState.Skipped, changedBy: "Sanne de Vries", changedAt: Now.AddDays(-3), reason: "Niet van toepassing voor een eenmanszaak"));

        var history = view.Find("[data-testid=step-history]");
        Assert.Equal("Overgeslagen door Sanne de Vries, 3 dagen geleden: Niet van toepassing voor een eenmanszaak", Text(history));
        Assert.Equal("Niet van toepassing voor een eenmanszaak", history.QuerySelector("em")!.TextContent);
        Assert.Contains("step-skipped", view.Find("[data-testid=step-2]").ClassList);
    }

    [Fact]
    public void Without_permission_the_checkbox_is_disabled_and_there_is_no_menu()
    {
        var view = RenderStep(Step(), mayWork: false, isCoordinator: false);

        var checkbox = view.Find("input[type=checkbox]");
        Assert.True(checkbox.HasAttribute("disabled"));
        Assert.Empty(view.FindAll("[data-testid=step-menu]"));
        Assert.Empty(view.FindAll("button"));
    }

    [Fact]
    public void With_permission_the_checkbox_is_enabled_and_clicking_it_raises_OnToggle_with_the_step()
    {
        var step = Step();
        var toggled = new List<StepSnapshot>();
        var view = RenderStep(step, mayWork: true, toggled: toggled);

        var checkbox = view.Find("input[type=checkbox]");
        Assert.False(checkbox.HasAttribute("disabled"));
        Assert.False(checkbox.HasAttribute("checked"));
        Assert.Equal("Stap „Welkomstgesprek” afvinken", checkbox.GetAttribute("aria-label"));
        checkbox.Change(true);

        Assert.Equal([step], toggled);
    }

    [Fact]
    public void A_skipped_step_is_reopened_through_an_untick_action_not_a_toggle()
    {
        var step = Step(state: StepState.Skipped, changedBy: "Sanne de Vries", changedAt: Now.AddDays(-1), reason: "Later");
        var toggled = new List<StepSnapshot>();
        var actions = new List<StepActionRequest>();
        var view = RenderStep(step, mayWork: true, toggled: toggled, actions: actions);

        Assert.Empty(view.FindAll("input[type=checkbox]"));
        var reopen = view.Find("button[data-testid=step-toggle]");
        Assert.Equal("Stap „Welkomstgesprek” weer openen", reopen.GetAttribute("aria-label"));
        reopen.Click();

        Assert.Empty(toggled);
        Assert.Equal([new StepActionRequest(step, StepActionKind.Untick)], actions);
    }

    [Fact]
    public void The_coordinator_may_comment_skip_reassign_and_redate()
    {
        var (popovers, view) = RenderStepWithMenu(Step(), isCoordinator: true);

        Assert.Equal("Acties voor „Welkomstgesprek”", view.Find("[data-testid=step-menu] button").GetAttribute("aria-label"));
        Assert.Single(popovers.FindAll("[data-testid=menu-comment]"));
        Assert.Single(popovers.FindAll("[data-testid=menu-skip]"));
        Assert.Single(popovers.FindAll("[data-testid=menu-reassign]"));
        Assert.Single(popovers.FindAll("[data-testid=menu-redate]"));
        Assert.Equal("Overslaan", Text(popovers.Find("[data-testid=menu-skip]")));
    }

    [Fact]
    public void The_coordinator_cannot_skip_a_step_that_is_already_done()
    {
        var (popovers, _) = RenderStepWithMenu(Step(state: StepState.Done, changedBy: "Henk Nijhuis", changedAt: Now.AddHours(-1)), isCoordinator: true);

        Assert.Empty(popovers.FindAll("[data-testid=menu-skip]"));
        Assert.Single(popovers.FindAll("[data-testid=menu-reassign]"));
        Assert.Single(popovers.FindAll("[data-testid=menu-redate]"));
    }

    [Fact]
    public void An_assignee_may_only_comment()
    {
        var (popovers, _) = RenderStepWithMenu(Step(), isCoordinator: false);

        Assert.Equal("Opmerking toevoegen", Text(popovers.Find("[data-testid=menu-comment]")));
        Assert.Empty(popovers.FindAll("[data-testid=menu-skip]"));
        Assert.Empty(popovers.FindAll("[data-testid=menu-reassign]"));
        Assert.Empty(popovers.FindAll("[data-testid=menu-redate]"));
    }

    [Theory]
    [InlineData("menu-comment", StepActionKind.Comment)]
    [InlineData("menu-skip", StepActionKind.Skip)]
    [InlineData("menu-reassign", StepActionKind.Reassign)]
    [InlineData("menu-redate", StepActionKind.Redate)]
    public void Choosing_a_menu_item_raises_OnAction_with_its_kind(string testId, StepActionKind kind)
    {
        var step = Step();
        var actions = new List<StepActionRequest>();
        var (popovers, _) = RenderStepWithMenu(step, isCoordinator: true, actions);

        popovers.Find($"[data-testid={testId}]").Click();

        Assert.Equal([new StepActionRequest(step, kind)], actions);
    }

    [Fact]
    public void Comments_show_their_author_and_text_escaped()
    {
        CommentSnapshot[] comments =
        [
            new(Guid.NewGuid(), "Henk Nijhuis", "Gebeld, terugbellen na de vakantie", Now.AddDays(-1)),
            new(Guid.NewGuid(), "Anna Bakker", "<script>alert(1)</script> & meer", Now.AddMinutes(-5)),
        ];

        var view = RenderStep(Step(comments: comments));

        var rendered = view.FindAll("[data-testid=step-comment]");
        Assert.Equal(2, rendered.Count);
        Assert.Equal("Henk Nijhuis", rendered[0].QuerySelector("strong")!.TextContent);
        Assert.Contains("Gebeld, terugbellen na de vakantie", rendered[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("gisteren", rendered[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Anna Bakker", rendered[1].QuerySelector("strong")!.TextContent);
        Assert.Contains("<script>alert(1)</script> & meer", rendered[1].TextContent, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("script"));
    }

    [Fact]
    public void An_unassigned_step_says_so_next_to_its_owner_role()
    {
        var view = RenderStep(Step(assignee: null));

        Assert.Equal("Nog niet toegewezen · Netwerkcoördinator", Text(view.Find("[data-testid=step-assignee]")));
    }

    [Fact]
    public void An_assigned_step_names_its_assignee()
    {
        var view = RenderStep(Step(assignee: "Sanne de Vries"));

        var assignee = Text(view.Find("[data-testid=step-assignee]"));
        Assert.StartsWith("Sanne de Vries", assignee, StringComparison.Ordinal);
        Assert.DoesNotContain("Nog niet toegewezen", assignee, StringComparison.Ordinal);
    }

    // ---- OnboardingOverview ----------------------------------------------------------------------

    private static OnboardingRow Row(string employer, string? contact = null, int overdue = 0, bool stalled = false, bool completed = false, int finished = 3) =>
        new(Guid.NewGuid(), Guid.NewGuid(), employer, contact, completed ? 8 : finished, 8,
            completed ? null : "Intentieverklaring ondertekend", completed ? null : Today.AddDays(3),
            overdue, 30, stalled, completed ? Now.AddDays(-2) : null);

    private static readonly OnboardingRow OnTrack = Row("Bakkerij Oude Mors", "Anna Bakker");
    private static readonly OnboardingRow Late = Row("Wevers Bouw", "Joost Hulshof", overdue: 2);
    private static readonly OnboardingRow Stuck = Row("Zorggroep Ōmura", "Ayşe Ünal", stalled: true);
    private static readonly OnboardingRow Done = Row("Café 't Hoekje", "Henk Nijhuis", completed: true);
    private static readonly OnboardingRow[] Rows = [OnTrack, Late, Stuck, Done];

    private IRenderedComponent<OnboardingOverview> RenderOverview() => Render<OnboardingOverview>(p => p.Add(c => c.Rows, Rows));

    private static List<string> Employers(IRenderedComponent<OnboardingOverview> overview) =>
        [.. overview.FindAll("[data-testid=onboarding-link]").Select(a => a.TextContent.Trim())];

    private static void Choose(IRenderedComponent<OnboardingOverview> overview, string filter) =>
        overview.Find($"[data-testid={filter}]").Click();

    [Fact]
    public void By_default_only_running_onboardings_show()
    {
        var overview = RenderOverview();

        Assert.Equal(["Bakkerij Oude Mors", "Wevers Bouw", "Zorggroep Ōmura"], Employers(overview));
        Assert.Contains("mud-chip-selected", overview.Find("[data-testid=filter-running]").ClassList);
    }

    [Fact]
    public void Aandacht_nodig_shows_only_running_rows_that_are_stalled_or_overdue()
    {
        var completedButLate = Row("Uitzendbureau Twente", overdue: 1, stalled: true, completed: true);
        var overview = Render<OnboardingOverview>(p => p.Add(c => c.Rows, [.. Rows, completedButLate]));

        Choose(overview, "filter-attention");

        overview.WaitForAssertion(() => Assert.Equal(["Wevers Bouw", "Zorggroep Ōmura"], Employers(overview)));
    }

    [Fact]
    public void Afgerond_shows_only_completed_onboardings_and_Alle_shows_every_one()
    {
        var overview = RenderOverview();

        Choose(overview, "filter-completed");
        overview.WaitForAssertion(() => Assert.Equal(["Café 't Hoekje"], Employers(overview)));
        Assert.Equal("Ingewerkt", Text(overview.Find("tbody tr .mud-chip")));

        Choose(overview, "filter-all");
        overview.WaitForAssertion(() => Assert.Equal(4, Employers(overview).Count));
    }

    [Theory]
    [InlineData("wevers", "Wevers Bouw")]
    [InlineData("  ÜNAL ", "Zorggroep Ōmura")]
    [InlineData("anna bak", "Bakkerij Oude Mors")]
    public void The_search_filters_by_employer_or_contact_name(string search, string expected)
    {
        var overview = RenderOverview();

        overview.Find("input[data-testid=onboarding-search]").Input(search);

        overview.WaitForAssertion(() => Assert.Equal([expected], Employers(overview)), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void The_search_combines_with_the_filter()
    {
        var overview = RenderOverview();

        overview.Find("input[data-testid=onboarding-search]").Input("henk");
        overview.WaitForAssertion(() => Assert.Contains("Geen nieuwe deelnemers in deze selectie.", overview.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(3));

        Choose(overview, "filter-completed");
        overview.WaitForAssertion(() => Assert.Equal(["Café 't Hoekje"], Employers(overview)));
    }

    [Fact]
    public void A_stalled_row_stands_out_with_a_chip()
    {
        var overview = RenderOverview();

        var rows = overview.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        var stalled = Assert.Single(rows, r => r.ClassList.Contains("row-stalled"));
        Assert.Contains("Zorggroep Ōmura", stalled.TextContent, StringComparison.Ordinal);
        Assert.Equal("Vastgelopen", Text(stalled.QuerySelector("[data-testid=stalled]")!));
        Assert.Single(overview.FindAll("[data-testid=stalled]"));
    }

    [Fact]
    public void Each_row_links_to_its_checklist_and_shows_the_overdue_count()
    {
        var overview = RenderOverview();

        var links = overview.FindAll("a[data-testid=onboarding-link]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/onboarding/{OnTrack.Id}", $"/onboarding/{Late.Id}", $"/onboarding/{Stuck.Id}"], links);
        Assert.Equal(["0", "2", "0"], overview.FindAll("[data-testid=overdue-count]").Select(e => e.TextContent.Trim()));
    }

    // ---- Dashboard cards -------------------------------------------------------------------------

    private static MyStep Mine(int n, bool overdue = false) =>
        new(Guid.NewGuid(), $"Werkgever {n}", n, $"Stap {n}", Today.AddDays(overdue ? -n : n), overdue);

    [Fact]
    public void My_steps_link_to_their_checklist_and_flag_the_overdue_ones()
    {
        MyStep[] steps = [Mine(1, overdue: true), Mine(2)];

        var card = Render<MyOnboardingStepsCard>(p => p.Add(c => c.Steps, steps));

        var items = card.FindAll("[data-testid=my-step]");
        Assert.Equal(2, items.Count);
        Assert.Equal($"/onboarding/{steps[0].ChecklistId}", items[0].GetAttribute("href") ?? items[0].QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal($"/onboarding/{steps[1].ChecklistId}", items[1].GetAttribute("href") ?? items[1].QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains("Stap 1", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Werkgever 1 · Te laat: uiterlijk 14 dec 2026", Text(items[0]), StringComparison.Ordinal);
        Assert.NotNull(items[0].QuerySelector(".mud-error-text"));
        Assert.Contains("Werkgever 2 · Uiterlijk 17 dec 2026", Text(items[1]), StringComparison.Ordinal);
        Assert.Null(items[1].QuerySelector(".mud-error-text"));
        Assert.DoesNotContain("En nog", card.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, 6, null)]
    [InlineData(7, 6, "En nog 1 stappen.")]
    [InlineData(10, 6, "En nog 4 stappen.")]
    public void My_steps_shows_at_most_six_and_counts_the_rest(int count, int shown, string? more)
    {
        var steps = Enumerable.Range(1, count).Select(n => Mine(n)).ToArray();

        var card = Render<MyOnboardingStepsCard>(p => p.Add(c => c.Steps, steps));

        Assert.Equal(shown, card.FindAll("[data-testid=my-step]").Count);
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(card.Find(".mud-card-header .mud-chip")));
        if (more is null)
        {
            Assert.DoesNotContain("En nog", card.Markup, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(more, card.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_summary_card_shows_running_overdue_and_stalled()
    {
        var card = Render<OnboardingSummaryCard>(p => p.Add(c => c.Summary, new OnboardingSummary(5, 3, 1)));

        Assert.Equal("5", Text(card.Find("[data-testid=summary-running]")));
        Assert.Equal("3", Text(card.Find("[data-testid=summary-overdue]")));
        Assert.Equal("1", Text(card.Find("[data-testid=summary-stalled]")));
        Assert.Contains("mud-error-text", card.Find("[data-testid=summary-overdue]").ClassList);
        Assert.Contains("mud-warning-text", card.Find("[data-testid=summary-stalled]").ClassList);
        Assert.Contains("in onboarding", card.Markup, StringComparison.Ordinal);
        Assert.Single(card.FindAll("a[href='/onboarding']"));
    }

    [Fact]
    public void The_summary_card_does_not_colour_zeroes()
    {
        var card = Render<OnboardingSummaryCard>(p => p.Add(c => c.Summary, new OnboardingSummary(2, 0, 0)));

        Assert.Equal("2", Text(card.Find("[data-testid=summary-running]")));
        Assert.Equal("0", Text(card.Find("[data-testid=summary-overdue]")));
        Assert.DoesNotContain("mud-error-text", card.Find("[data-testid=summary-overdue]").ClassList);
        Assert.DoesNotContain("mud-warning-text", card.Find("[data-testid=summary-stalled]").ClassList);
    }
}
