using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Tests.Domain;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Applications;
using NinetyNine.Web.Features.Members;
using NinetyNine.Web.Features.Onboarding;
using NinetyNine.Web.Security;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// Onboarding on the real app: admission starts the checklist, who may do what (through the hub, as any client could),
/// two people ticking at once, the template's versions, and the timeline's "onboarded".
/// </summary>
public sealed class OnboardingServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private OnboardingService Onboarding => app.Services.GetRequiredService<OnboardingService>();

    /// <summary>A new employer with its own checklist: contact and buddy as given, the coordinator for the coordinator's steps.</summary>
    private async Task<Guid> NewChecklistAsync(string company, string? contactEmail = AppFactory.Participant, string? buddyEmail = AppFactory.SecondCoreGroupMember,
        DateOnly? admittedOn = null)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var network = await db.Networks.SingleAsync(n => n.Slug == "99vantwente");
        var on = admittedOn ?? DateOnly.FromDateTime(DateTime.Today);
        var employer = network.AddEmployer(company, KvkNumber.Parse($"8{Math.Abs(company.GetHashCode(StringComparison.Ordinal)) % 10_000_000:0000000}"), "Zorg", "Hengelo", on, 1, false);
        var template = await Onboarding.CurrentTemplateAsync(network.Id);
        var known = new Dictionary<StepOwner, PersonId> { [StepOwner.Coordinator] = network.Coordinator.Id };
        if (buddyEmail is not null)
        {
            known[StepOwner.CoreGroupBuddy] = network.People.Single(p => p.Email.Value == buddyEmail).Id;
        }

        PersonId? contact = contactEmail is null ? null : network.People.Single(p => p.Email.Value == contactEmail).Id;
        var startedAt = admittedOn is null ? DateTimeOffset.UtcNow : new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var checklist = OnboardingChecklist.Start(template, network.Id, employer.Id, contact, on, known, startedAt);
        db.OnboardingChecklists.Add(checklist);
        await db.SaveChangesAsync();
        return checklist.Id.Value;
    }

    private static int StepOf(ChecklistSnapshot c, StepOwner owner) => c.Steps.First(s => s.Owner == owner).Position;

    [Fact]
    public async Task Admission_starts_a_checklist_from_the_current_template_with_due_dates_and_known_assignees()
    {
        var network = await app.NetworkAsync();
        var form = ApplicationTests.ValidForm();
        form.Kvk = "72000001";
        form.CompanyName = "Houthandel Delden";
        form.ContactEmail = "info@houthandel-delden.example";
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            var application = Application.SubmitTo(network, [], form, DateTimeOffset.UtcNow);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            form.Kvk = application.Id.Value.ToString(); // keep the id at hand
        }

        var id = new ApplicationId(Guid.Parse(form.Kvk));
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using var scope = app.Services.CreateAsyncScope();
        var admission = scope.ServiceProvider.GetRequiredService<AdmissionService>();
        foreach (var email in new[] { AppFactory.CoreGroupMember, AppFactory.SecondCoreGroupMember })
        {
            await admission.RecordViewAsync(await app.MemberAsync(email), id, Fit.Fits, null);
        }

        await admission.CloseVoteAsync(coordinator, id);
        var participant = await admission.DecideAsync(coordinator, id, new DecideOnApplication { Outcome = DecisionOutcome.Admitted, Rationale = "Past goed bij het netwerk." });

        await using var check = await app.DbFactory.CreateDbContextAsync();
        var employer = (await check.Networks.AsNoTracking().SingleAsync(n => n.Id == network.Id)).Employers.Single(e => e.Name == "Houthandel Delden");
        var checklist = await check.OnboardingChecklists.AsNoTracking().SingleAsync(c => c.EmployerId == employer.Id);
        var today = employer.JoinedOn;
        Assert.Equal(today, checklist.AdmittedOn);
        Assert.Equal(OnboardingTemplate.DefaultSteps.Count, checklist.Steps.Count);
        Assert.Equal(today.AddDays(7), checklist.Steps[0].DueOn);
        Assert.Equal(network.Coordinator.Id, checklist.Steps[0].AssigneeId);
        Assert.Equal(participant!.PersonId, checklist.ContactId);
        Assert.Equal(participant.PersonId, checklist.Steps.First(s => s.Owner == StepOwner.NewcomerContact).AssigneeId);
        // Two lawyers in the demo network: the coordinator chooses; the buddy is never guessed.
        Assert.Null(checklist.Steps.First(s => s.Owner == StepOwner.Advisor).AssigneeId);
        Assert.Null(checklist.Steps.First(s => s.Owner == StepOwner.CoreGroupBuddy).AssigneeId);
        Assert.Contains(await Onboarding.OverviewAsync(coordinator), r => r.EmployerName == "Houthandel Delden" && r.Finished == 0);
    }

    [Fact]
    public async Task The_newcomers_contact_sees_their_checklist_and_ticks_only_their_own_steps()
    {
        var id = await NewChecklistAsync("Bloemisterij Borne");
        var contact = await app.MemberAsync(AppFactory.Participant);
        var snapshot = (await Onboarding.SnapshotAsync(contact, id))!;

        var own = await Onboarding.TickAsync(contact, id, Guid.NewGuid(), StepOf(snapshot, StepOwner.NewcomerContact));
        var others = await Onboarding.TickAsync(contact, id, Guid.NewGuid(), StepOf(snapshot, StepOwner.Coordinator));
        var skip = await Onboarding.SkipAsync(contact, id, Guid.NewGuid(), StepOf(snapshot, StepOwner.NewcomerContact) + 5, "x");
        var comment = await Onboarding.CommentAsync(contact, id, Guid.NewGuid(), StepOf(snapshot, StepOwner.NewcomerContact), "Getekend retour gestuurd");

        Assert.True(own.Accepted);
        Assert.False(others.Accepted);
        Assert.Equal(Text.Get("Onboarding.NotYourStep"), others.Error);
        Assert.False(skip.Accepted);
        Assert.True(comment.Accepted);
        var after = (await Onboarding.SnapshotAsync(contact, id))!;
        Assert.Equal(1, after.Finished);
        Assert.Equal("Ahmet Yilmaz", after.Steps[StepOf(snapshot, StepOwner.NewcomerContact)].ChangedByName);
        Assert.Equal("Getekend retour gestuurd", after.Steps[StepOf(snapshot, StepOwner.NewcomerContact)].Comments.Single().Text);
    }

    [Theory]
    [InlineData(AppFactory.CoreGroupMember)]
    [InlineData(AppFactory.Advisor)]
    [InlineData(AppFactory.ThemeLead)]
    public async Task Others_have_no_access_even_when_they_call_the_hub_directly(string email)
    {
        var id = await NewChecklistAsync($"Kapsalon {email.Length}{email[0]}");
        var outsider = await app.MemberAsync(email);

        Assert.Null(await Onboarding.SnapshotAsync(outsider, id));
        Assert.Null(await Onboarding.ChecklistOfAsync(outsider, (await SnapshotAsCoordinatorAsync(id)).EmployerId is var e ? new EmployerId(e) : default));
        await Assert.ThrowsAsync<ForbiddenException>(() => Onboarding.OverviewAsync(outsider));
        await Assert.ThrowsAsync<ForbiddenException>(() => Onboarding.TemplateAsync(outsider));

        await using var hub = await HubClients.ConnectionAsync(app, email, hubPath: OnboardingHub.Path);
        await hub.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ChecklistSnapshot>(nameof(OnboardingHub.Join), id));
        var result = await hub.InvokeAsync<ChecklistResult>(nameof(OnboardingHub.Tick), id, Guid.NewGuid(), 0);
        Assert.False(result.Accepted);
        Assert.Equal(0, (await SnapshotAsCoordinatorAsync(id)).Finished);
    }

    [Fact]
    public async Task An_assigned_buddy_may_tick_their_step_but_only_the_coordinator_skips_reassigns_and_redates()
    {
        var id = await NewChecklistAsync("Transport Hof van Twente");
        var buddy = await app.MemberAsync(AppFactory.SecondCoreGroupMember);
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var snapshot = (await Onboarding.SnapshotAsync(buddy, id))!;
        var buddyStep = StepOf(snapshot, StepOwner.CoreGroupBuddy);
        var advisorStep = StepOf(snapshot, StepOwner.Advisor);
        var lawyer = snapshot.People.Single(p => p.Name == "mr. Eva Lammers").Id;

        Assert.True((await Onboarding.TickAsync(buddy, id, Guid.NewGuid(), buddyStep)).Accepted);
        Assert.False((await Onboarding.ReassignAsync(buddy, id, Guid.NewGuid(), advisorStep, buddy.PersonId.Value)).Accepted);
        Assert.False((await Onboarding.RedateAsync(buddy, id, Guid.NewGuid(), buddyStep, snapshot.AdmittedOn.AddDays(3))).Accepted);

        Assert.True((await Onboarding.ReassignAsync(coordinator, id, Guid.NewGuid(), advisorStep, lawyer)).Accepted);
        Assert.True((await Onboarding.RedateAsync(coordinator, id, Guid.NewGuid(), advisorStep, snapshot.AdmittedOn.AddDays(60))).Accepted);
        var before = await Onboarding.RedateAsync(coordinator, id, Guid.NewGuid(), advisorStep, snapshot.AdmittedOn.AddDays(-1));
        Assert.Equal(Text.Get("Onboarding.DueBeforeAdmission"), before.Error);
        var stranger = await Onboarding.ReassignAsync(coordinator, id, Guid.NewGuid(), advisorStep, Guid.NewGuid());
        Assert.Equal(Text.Get("Onboarding.UnknownPerson"), stranger.Error);
        Assert.True((await Onboarding.SkipAsync(coordinator, id, Guid.NewGuid(), 0, "Al eerder kennisgemaakt")).Accepted);

        var after = await SnapshotAsCoordinatorAsync(id);
        Assert.Equal(("mr. Eva Lammers", snapshot.AdmittedOn.AddDays(60)), (after.Steps[advisorStep].AssigneeName, after.Steps[advisorStep].DueOn));
        Assert.Equal((StepState.Skipped, "Al eerder kennisgemaakt"), (after.Steps[0].State, after.Steps[0].Reason));
        Assert.Equal(StepState.Done, after.Steps[buddyStep].State);
        // The lawyer now has a step: she may open the checklist and finds the step on her dashboard.
        var eva = await app.MemberAsync(AppFactory.Advisor);
        Assert.NotNull(await Onboarding.SnapshotAsync(eva, id));
        Assert.Contains(await Onboarding.MyStepsAsync(eva), s => s.ChecklistId == id && s.Position == advisorStep);
    }

    [Fact]
    public async Task Two_people_ticking_at_once_through_the_hub_both_keep_their_tick_and_both_screens_agree()
    {
        var id = await NewChecklistAsync("Metaalwerk Tubbergen");
        var (coordinator, coordinatorHub) = await HubLive.ChecklistAsync(app, AppFactory.Coordinator, id);
        var (contact, contactHub) = await HubLive.ChecklistAsync(app, AppFactory.Participant, id);
        await using var _ = coordinatorHub;
        await using var __ = contactHub;
        var contactSteps = coordinator.Checklist!.Steps.Where(s => s.Owner == StepOwner.NewcomerContact).Select(s => s.Position).ToList();
        var coordinatorSteps = coordinator.Checklist.Steps.Where(s => s.Owner == StepOwner.Coordinator).Select(s => s.Position).ToList();

        // Every tick of both at the same moment, several times over.
        var results = await Task.WhenAll(
            coordinatorSteps.Select(coordinator.TickAsync).Concat(contactSteps.Select(contact.TickAsync)));

        Assert.All(results, r => Assert.True(r.Accepted, r.Error));
        var expected = coordinatorSteps.Concat(contactSteps).Order().ToList();
        await HubClients.EventuallyAsync(() =>
            coordinator.Checklist!.Sequence == contact.Checklist!.Sequence
            && contact.Checklist.Steps.Where(s => s.State == StepState.Done).Select(s => s.Position).SequenceEqual(expected), "both clients show every tick");
        var stored = await SnapshotAsCoordinatorAsync(id);
        Assert.Equal(expected, stored.Steps.Where(s => s.State == StepState.Done).Select(s => s.Position));
        Assert.Equal(stored.Sequence, coordinator.Checklist!.Sequence);
        Assert.Equal(results.Select(r => r.Sequence).Order(), results.Select(r => r.Sequence).Distinct().Order());
    }

    [Fact]
    public async Task Ticking_the_same_step_twice_at_once_keeps_one_tick_and_tells_the_second_person()
    {
        var id = await NewChecklistAsync("Bakkerij Goor");
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var contact = await app.MemberAsync(AppFactory.Participant);
        var step = StepOf((await Onboarding.SnapshotAsync(contact, id))!, StepOwner.NewcomerContact);

        var results = await Task.WhenAll(
            Onboarding.TickAsync(coordinator, id, Guid.NewGuid(), step),
            Onboarding.TickAsync(contact, id, Guid.NewGuid(), step));

        Assert.Single(results, r => r.Accepted);
        Assert.Equal(Text.Get("Onboarding.NotOpen"), results.Single(r => !r.Accepted).Error);
    }

    [Fact]
    public async Task Publishing_the_template_keeps_running_checklists_and_refuses_an_edit_of_an_older_version()
    {
        var running = await NewChecklistAsync("Groothandel Oldenzaal");
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var template = await Onboarding.TemplateAsync(coordinator);
        var mine = PublishTemplate.From(template);
        var theirs = PublishTemplate.From(template);
        mine.Steps.Add(new TemplateStepForm { Title = "Werkbezoek", Explanation = "Bezoek op de werkvloer.", Owner = StepOwner.CoreGroupBuddy, DueAfterDays = 30 });
        theirs.Steps.RemoveAt(0);

        var published = await Onboarding.PublishAsync(coordinator, mine);
        var stale = await Assert.ThrowsAsync<DomainException>(() => Onboarding.PublishAsync(coordinator, theirs));

        Assert.Equal(template.CurrentVersion + 1, published.CurrentVersion);
        Assert.Equal("Onboarding.StaleTemplate", stale.Code);
        Assert.Equal("Werkbezoek", (await Onboarding.TemplateAsync(coordinator)).Current[^1].Title);
        Assert.Equal(template.Current.Count, (await SnapshotAsCoordinatorAsync(running)).Steps.Count);
        Assert.Equal(template.Current.Count, (await Onboarding.TemplateAsync(coordinator)).StepsOf(template.CurrentVersion).Count);
        var invalid = new PublishTemplate { BasedOnVersion = published.CurrentVersion, Steps = [new TemplateStepForm { Title = " ", Owner = StepOwner.Coordinator }] };
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Onboarding.PublishAsync(coordinator, invalid));
        var participant = await app.MemberAsync(AppFactory.Participant);
        await Assert.ThrowsAsync<ForbiddenException>(() => Onboarding.PublishAsync(participant, PublishTemplate.From(published)));
    }

    [Fact]
    public async Task Completing_every_step_marks_the_employer_onboarded_on_its_timeline_and_reopening_takes_it_back()
    {
        var id = await NewChecklistAsync("Drukkerij Haaksbergen");
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var snapshot = await SnapshotAsCoordinatorAsync(id);
        await using var scope = app.Services.CreateAsyncScope();
        var timelines = scope.ServiceProvider.GetRequiredService<EmployerTimelineQueries>();

        foreach (var step in snapshot.Steps.SkipLast(1))
        {
            Assert.True((await Onboarding.TickAsync(coordinator, id, Guid.NewGuid(), step.Position)).Accepted);
        }

        var running = (await timelines.LoadAsync(coordinator, new EmployerId(snapshot.EmployerId)))!;
        Assert.DoesNotContain(running.Entries, e => e.Kind == TimelineEntryKind.Onboarded);
        Assert.Equal((snapshot.Steps.Count - 1, false), (running.Onboarding!.Finished, running.Onboarding.Complete));

        await Onboarding.SkipAsync(coordinator, id, Guid.NewGuid(), snapshot.Steps[^1].Position, "Niet van toepassing");
        var done = (await timelines.LoadAsync(coordinator, new EmployerId(snapshot.EmployerId)))!;
        var onboarded = Assert.Single(done.Entries, e => e.Kind == TimelineEntryKind.Onboarded);
        Assert.Equal($"/onboarding/{id}", onboarded.Link);
        Assert.Contains(await Onboarding.OverviewAsync(coordinator), r => r.Id == id && r.CompletedAt is not null && r.NextStep is null);
        // Any member sees "onboarded"; only those who may open the checklist get its link.
        var lead = await app.MemberAsync(AppFactory.ThemeLead);
        Assert.Null(Assert.Single((await timelines.LoadAsync(lead, new EmployerId(snapshot.EmployerId)))!.Entries, e => e.Kind == TimelineEntryKind.Onboarded).Link);

        await Onboarding.UntickAsync(coordinator, id, Guid.NewGuid(), 0, "Welkomstgesprek moet over");
        Assert.DoesNotContain((await timelines.LoadAsync(coordinator, new EmployerId(snapshot.EmployerId)))!.Entries, e => e.Kind == TimelineEntryKind.Onboarded);
    }

    [Fact]
    public async Task The_overview_flags_a_stalled_and_overdue_newcomer_and_the_summary_counts_them()
    {
        // Admitted and started 40 days ago, never touched since.
        var id = await NewChecklistAsync("Schilders Rijssen", admittedOn: DateOnly.FromDateTime(DateTime.Today.AddDays(-40)));

        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var row = (await Onboarding.OverviewAsync(coordinator)).Single(r => r.Id == id);
        var summary = await Onboarding.SummaryAsync(coordinator);

        Assert.True(row.Stalled);
        Assert.Equal(40, row.DaysSinceAdmission);
        Assert.True(row.Overdue >= 5, $"{row.Overdue} overdue");
        Assert.Equal("Welkomstgesprek", row.NextStep);
        Assert.True(summary.Stalled >= 1);
        Assert.True(summary.OverdueSteps >= row.Overdue);
    }

    private async Task<ChecklistSnapshot> SnapshotAsCoordinatorAsync(Guid id) =>
        (await Onboarding.SnapshotAsync(await app.MemberAsync(AppFactory.Coordinator), id))!;
}
