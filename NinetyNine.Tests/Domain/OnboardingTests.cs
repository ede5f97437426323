using NinetyNine.Domain.Common;
using NinetyNine.Domain.Onboarding;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

/// <summary>The onboarding template and a newcomer's checklist.</summary>
public class OnboardingTests
{
    private static readonly DateOnly Admitted = new(2026, 12, 15);
    private static readonly DateTimeOffset Now = new(2026, 12, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Sanne = PersonId.New();
    private static readonly PersonId Contact = PersonId.New();

    private static readonly NetworkId Network = NetworkId.New();

    private static OnboardingTemplate Template() => OnboardingTemplate.Default(Network, Now.AddMonths(-1));

    private static OnboardingChecklist Started(OnboardingTemplate? template = null) =>
        OnboardingChecklist.Start(template ?? Template(), Network, EmployerId.New(), Contact, Admitted,
            new Dictionary<StepOwner, PersonId> { [StepOwner.Coordinator] = Sanne }, Now);

    [Fact]
    public void The_default_template_follows_the_case()
    {
        var template = Template();

        Assert.Equal(8, template.Current.Count);
        Assert.Equal("Welkomstgesprek", template.Current[0].Title);
        Assert.Contains(template.Current, s => s.Title == "Intentieverklaring ondertekend" && s.Owner == StepOwner.NewcomerContact);
        Assert.Contains(template.Current, s => s.Owner == StepOwner.Advisor);
    }

    [Fact]
    public void A_checklist_computes_due_dates_from_admission_and_resolves_the_assignees_it_knows()
    {
        var checklist = Started();

        Assert.Equal(Admitted.AddDays(7), checklist.Steps[0].DueOn);
        Assert.Equal(Sanne, checklist.Steps[0].AssigneeId);
        Assert.Equal(Contact, checklist.Steps[1].AssigneeId);
        Assert.Null(checklist.Steps.Single(s => s.Owner == StepOwner.CoreGroupBuddy).AssigneeId);
        Assert.Equal(1, checklist.TemplateVersion);
        Assert.False(checklist.IsComplete);
    }

    [Fact]
    public void Editing_the_template_never_changes_a_running_checklist()
    {
        var template = Template();
        var running = Started(template);

        template.Publish([new TemplateStep("Alleen nog dit", "", StepOwner.Coordinator, 3)], Now, "Sanne");

        Assert.Equal(2, template.CurrentVersion);
        Assert.Equal([2, 1], template.Versions.Select(v => v.Number));
        Assert.Equal("Sanne", template.Versions[0].PublishedBy);
        Assert.Equal(8, running.Steps.Count);
        Assert.Equal(8, template.StepsOf(1).Count);
        Assert.Single(Started(template).Steps);
        ThrowsCode("Onboarding.UnknownVersion", () => template.StepsOf(3));
    }

    [Fact]
    public void Tick_untick_with_reason_and_skip_with_reason_are_recorded_with_who_and_when()
    {
        var checklist = Started();

        checklist.Tick(0, Sanne, Now.AddDays(2));
        Assert.Equal((StepState.Done, Sanne, Now.AddDays(2)), (checklist.Steps[0].State, checklist.Steps[0].ChangedBy, checklist.Steps[0].ChangedAt));
        ThrowsCode("Onboarding.NotOpen", () => checklist.Tick(0, Sanne, Now));
        ThrowsCode("Onboarding.ReasonRequired", () => checklist.Untick(0, Sanne, " ", Now));

        checklist.Untick(0, Sanne, "Gesprek ging niet door", Now.AddDays(3));
        Assert.Equal((StepState.Open, "Gesprek ging niet door"), (checklist.Steps[0].State, checklist.Steps[0].Reason));
        ThrowsCode("Onboarding.AlreadyOpen", () => checklist.Untick(0, Sanne, "x", Now));

        ThrowsCode("Onboarding.ReasonRequired", () => checklist.Skip(7, Sanne, "", Now));
        checklist.Skip(7, Sanne, "Al bekend met de advocaten", Now.AddDays(4));
        Assert.Equal(StepState.Skipped, checklist.Steps[7].State);
    }

    [Fact]
    public void Complete_when_every_step_is_done_or_skipped()
    {
        var checklist = Started();
        for (var i = 0; i < checklist.Steps.Count - 1; i++)
        {
            checklist.Tick(i, Sanne, Now.AddDays(i));
        }

        Assert.False(checklist.IsComplete);
        checklist.Skip(checklist.Steps.Count - 1, Sanne, "Niet nodig", Now.AddDays(10));
        Assert.True(checklist.IsComplete);
        Assert.Null(checklist.NextStep);
        Assert.False(checklist.IsStalled(Now.AddYears(1)));
    }

    [Fact]
    public void Overdue_steps_the_next_step_and_a_stalled_checklist()
    {
        var checklist = Started();

        Assert.True(checklist.Steps[0].IsOverdue(Admitted.AddDays(8)));
        Assert.False(checklist.Steps[0].IsOverdue(Admitted.AddDays(7)));
        Assert.Equal("Welkomstgesprek", checklist.NextStep!.Title);
        Assert.False(checklist.IsStalled(Now.AddDays(13)));
        Assert.True(checklist.IsStalled(Now.AddDays(14)));
        checklist.Tick(0, Sanne, Now.AddDays(13));
        Assert.False(checklist.IsStalled(Now.AddDays(20)));
        Assert.False(checklist.Steps[0].IsOverdue(Admitted.AddDays(30)));
    }

    [Fact]
    public void Reassign_and_redate_but_never_before_the_admission()
    {
        var checklist = Started();
        var buddy = PersonId.New();

        checklist.Reassign(5, buddy);
        checklist.Redate(5, Admitted.AddDays(30));

        Assert.Equal((buddy, Admitted.AddDays(30)), (checklist.Steps[5].AssigneeId, checklist.Steps[5].DueOn));
        ThrowsCode("Onboarding.DueBeforeAdmission", () => checklist.Redate(5, Admitted.AddDays(-1)));
        ThrowsCode("Onboarding.UnknownStep", () => checklist.Tick(99, Sanne, Now));
    }

    [Fact]
    public void Completion_is_recorded_once_and_cleared_when_a_step_opens_again()
    {
        var checklist = Started();
        for (var i = 0; i < checklist.Steps.Count; i++)
        {
            checklist.Tick(i, Sanne, Now.AddDays(i));
        }

        Assert.Equal(Now.AddDays(7), checklist.CompletedAt);
        checklist.Untick(3, Sanne, "Toch nog niet voorgesteld", Now.AddDays(9));
        Assert.Null(checklist.CompletedAt);
        Assert.Equal(7, checklist.Finished);
        checklist.Tick(3, Sanne, Now.AddDays(10));
        Assert.Equal(Now.AddDays(10), checklist.CompletedAt);
    }

    [Fact]
    public void The_coordinator_may_do_everything_an_assignee_their_own_steps_and_the_contact_sees_the_checklist()
    {
        var checklist = Started();
        var stranger = PersonId.New();
        var buddy = PersonId.New();
        checklist.Reassign(5, buddy);

        Assert.True(checklist.MayView(stranger, isCoordinator: true));
        Assert.True(checklist.MayView(Contact, isCoordinator: false));
        Assert.True(checklist.MayView(buddy, isCoordinator: false));
        Assert.False(checklist.MayView(stranger, isCoordinator: false));

        Assert.True(checklist.MayWorkOn(1, Contact, isCoordinator: false));
        Assert.False(checklist.MayWorkOn(0, Contact, isCoordinator: false));
        Assert.True(checklist.MayWorkOn(5, buddy, isCoordinator: false));
        Assert.True(checklist.MayWorkOn(5, stranger, isCoordinator: true));
        Assert.False(checklist.MayWorkOn(5, stranger, isCoordinator: false));
    }

    [Fact]
    public void Comments_belong_to_an_existing_step_and_have_text()
    {
        var checklist = Started();

        checklist.Comment(1, Contact, "Jan", "Ligt bij de directeur ter ondertekening", Now.AddDays(1));

        Assert.Equal((1, "Jan"), (checklist.Comments.Single().Step, checklist.Comments.Single().AuthorName));
        ThrowsCode("Text.Required", () => checklist.Comment(1, Contact, "Jan", "  ", Now));
        ThrowsCode("Onboarding.UnknownStep", () => checklist.Comment(42, Contact, "Jan", "x", Now));
        ThrowsCode("Text.TooLong", () => checklist.Comment(1, Contact, "Jan", new string('x', StepComment.TextMaxLength + 1), Now));
    }

    [Fact]
    public void Overdue_count_and_next_step_follow_the_due_dates()
    {
        var checklist = Started();

        Assert.Equal(0, checklist.OverdueCount(Admitted.AddDays(7)));
        Assert.Equal(1, checklist.OverdueCount(Admitted.AddDays(8)));
        // Due after 14 days: letter of intent, communications, buddy.
        Assert.Equal(4, checklist.OverdueCount(Admitted.AddDays(15)));
        checklist.Tick(0, Sanne, Now);
        Assert.Equal("Intentieverklaring ondertekend", checklist.NextStep!.Title);
        ThrowsCode("Onboarding.DueTooLate", () => checklist.Redate(1, Admitted.AddYears(3)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void A_template_step_is_due_within_a_year_of_admission(int days)
    {
        ThrowsCode("Onboarding.DueOutOfRange", () => _ = new TemplateStep("Stap", "", StepOwner.Coordinator, days));
        ThrowsCode("Onboarding.StepCount", () => _ = new OnboardingTemplate(Network, [], Now, "Sanne"));
    }
}
