using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Features.Applications;
using NinetyNine.Web.Security;
using NinetyNine.Tests.Domain;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>The core group's workflow on the real app: private views, closing the vote, the decision and what follows from it.</summary>
public sealed class AdmissionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly AsyncServiceScope _scope = app.Services.CreateAsyncScope();

    private AdmissionService Admission => _scope.ServiceProvider.GetRequiredService<AdmissionService>();

    private async Task<(ApplicationId Id, MeetingId Meeting)> NewApplicationAsync(string kvk, string company, bool consent = true)
    {
        var network = await app.NetworkAsync();
        var form = ApplicationTests.ValidForm();
        form.Kvk = kvk;
        form.CompanyName = company;
        form.ContactEmail = $"info@{kvk}.example";
        form.ConsentToBeListed = consent;
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var application = Application.SubmitTo(network, [], form, DateTimeOffset.UtcNow);
        var meeting = Meeting.Schedule(network.Id, DateTime.Today.AddDays(5).AddHours(9), 60, MeetingMode.Phone, null, DateTime.Today.AddDays(5).AddHours(9));
        meeting.PutOnAgenda(application);
        application.ScheduleFor(meeting.Id);
        db.Applications.Add(application);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (application.Id, meeting.Id);
    }

    [Fact]
    public async Task Views_stay_private_until_the_coordinator_closes_the_vote()
    {
        var (id, _) = await NewApplicationAsync("70000001", "Garage Noord");
        var marloes = await app.MemberAsync(AppFactory.CoreGroupMember);
        var henk = await app.MemberAsync(AppFactory.SecondCoreGroupMember);
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);

        await Admission.RecordViewAsync(marloes, id, Fit.Fits, "Sterke motivatie");
        await Admission.RecordViewAsync(henk, id, Fit.Doubt, "Eerst kennismaken");

        var henksDossier = (await Admission.DossierAsync(henk, id))!;
        Assert.Equal(2, henksDossier.Application.ViewCount);
        Assert.Equal([Fit.Doubt], henksDossier.Views.Select(v => v.Fit));
        Assert.Empty((await Admission.DossierAsync(coordinator, id))!.Views);
        Assert.Null(henksDossier.Application.Tally);

        await Admission.CloseVoteAsync(coordinator, id);

        var afterwards = (await Admission.DossierAsync(henk, id))!;
        Assert.Equal(["Henk Nijhuis", "Marloes ter Horst"], afterwards.Views.Select(v => v.PersonName).Order());
        Assert.Equal(1, afterwards.Application.Tally![Fit.Fits]);
        await Assert.ThrowsAsync<DomainException>(() => Admission.RecordViewAsync(marloes, id, Fit.NoFit, null));
    }

    [Theory]
    [InlineData(AppFactory.Participant)]
    [InlineData(AppFactory.Advisor)]
    [InlineData(AppFactory.ThemeLead)]
    public async Task Someone_outside_the_core_group_cannot_see_the_dossier_or_give_a_view(string email)
    {
        var (id, _) = await NewApplicationAsync($"7100000{email.Length % 10}", $"Bedrijf {email}");
        var outsider = await app.MemberAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() => Admission.DossierAsync(outsider, id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Admission.RecordViewAsync(outsider, id, Fit.Fits, null));
        await Assert.ThrowsAsync<ForbiddenException>(() => Admission.CloseVoteAsync(outsider, id));
    }

    [Fact]
    public async Task Only_the_coordinator_closes_the_vote_and_decides()
    {
        var (id, _) = await NewApplicationAsync("72000001", "Drukkerij West");
        var marloes = await app.MemberAsync(AppFactory.CoreGroupMember);

        await Assert.ThrowsAsync<ForbiddenException>(() => Admission.CloseVoteAsync(marloes, id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Admission.DecideAsync(marloes, id,
            new DecideOnApplication { Outcome = DecisionOutcome.Admitted, Rationale = "Past" }));
    }

    [Fact]
    public async Task Admitting_adds_the_employer_and_its_contact_puts_the_decision_in_the_minutes_and_informs_the_applicant()
    {
        var (id, meetingId) = await NewApplicationAsync("73000001", "Meubelfabriek Oost", consent: false);
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await Admission.CloseVoteAsync(coordinator, id);

        await Admission.DecideAsync(coordinator, id, new DecideOnApplication
        {
            Outcome = DecisionOutcome.Admitted,
            Rationale = "Biedt drie werkplekken en past bij de regio.",
            MeetingId = meetingId.Value,
        });

        await using var db = await app.DbFactory.CreateDbContextAsync();
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Equal(ApplicationStatus.Admitted, application.Status);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == application.NetworkId);
        var employer = Assert.Single(network.Employers, e => e.Kvk == application.Kvk);
        Assert.False(employer.ListedPublicly);
        var contact = Assert.Single(network.People, p => p.Email == application.ContactEmail);
        Assert.True(network.HasRole(contact.Id, NetworkRole.Participant));
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId);
        var minutes = meeting.Agenda.Single(i => i.Standing == StandingItem.Applications).Decisions;
        Assert.Contains(minutes, d => d.Text.StartsWith("Meubelfabriek Oost: toegelaten", StringComparison.Ordinal) && d.Text.Contains("drie werkplekken", StringComparison.Ordinal));
        var email = Assert.Single(await db.OutboxMessages.AsNoTracking().Where(m => m.ApplicationId == id).ToListAsync());
        Assert.Equal(application.ContactEmail.Value, email.To);
        Assert.DoesNotContain("drie werkplekken", email.Body, StringComparison.Ordinal);

        // The register shows the decision once (the admission row), though it is in the minutes too.
        await using var scope = app.Services.CreateAsyncScope();
        var register = await scope.ServiceProvider.GetRequiredService<NinetyNine.Web.Features.Decisions.DecisionRegister>().ListAsync(coordinator);
        var row = Assert.Single(register, r => r.Subject == "Meubelfabriek Oost" || r.Text.StartsWith("Meubelfabriek Oost", StringComparison.Ordinal));
        Assert.Equal(DecisionOutcome.Admitted, row.Outcome);

        await Assert.ThrowsAsync<DomainException>(() => Admission.DecideAsync(coordinator, id,
            new DecideOnApplication { Outcome = DecisionOutcome.Declined, Rationale = "Toch niet" }));
    }

    [Fact]
    public async Task A_decline_goes_into_the_minutes_without_its_rationale_which_stays_in_the_dossier()
    {
        var (id, meetingId) = await NewApplicationAsync("73500001", "Kapsalon Midden");
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await Admission.CloseVoteAsync(coordinator, id);

        await Admission.DecideAsync(coordinator, id, new DecideOnApplication
        {
            Outcome = DecisionOutcome.Declined,
            Rationale = "Vertrouwelijk: de eigenaar heeft een lopend conflict met de gemeente.",
            MeetingId = meetingId.Value,
        });

        await using var db = await app.DbFactory.CreateDbContextAsync();
        var minutes = (await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId)).Agenda.SelectMany(i => i.Decisions).ToList();
        var decision = Assert.Single(minutes, d => d.Text.StartsWith("Kapsalon Midden: afgewezen", StringComparison.Ordinal));
        Assert.DoesNotContain("Vertrouwelijk", decision.Text, StringComparison.Ordinal);
        Assert.Contains("Vertrouwelijk", (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id)).FinalDecision!.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_without_a_rationale_is_refused_and_nothing_changes()
    {
        var (id, _) = await NewApplicationAsync("74000001", "Hotel Zuid");
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await Admission.CloseVoteAsync(coordinator, id);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Admission.DecideAsync(coordinator, id,
            new DecideOnApplication { Outcome = DecisionOutcome.Declined, Rationale = "   " }));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(DecideOnApplication.Rationale));
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.True(application.IsOpen);
        Assert.Empty(application.Decisions);
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.ApplicationId == id));
    }
}

/// <summary>Privacy of applications: anonymised after the retention period, erased on request.</summary>
public sealed class ApplicationPrivacyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Declined_and_withdrawn_applications_lose_their_personal_data_after_the_retention_period_and_open_ones_do_not()
    {
        var network = await app.NetworkAsync();
        var longAgo = DateTimeOffset.UtcNow.AddMonths(-13);
        Application Apply(string kvk)
        {
            var form = ApplicationTests.ValidForm();
            form.Kvk = kvk;
            form.ContactEmail = $"contact@{kvk}.example";
            return Application.SubmitTo(network, [], form, longAgo);
        }

        var declined = Apply("75000001");
        declined.CloseVote(longAgo);
        declined.Decide(DecisionOutcome.Declined, "Past niet bij de regio.", DateOnly.FromDateTime(longAgo.Date), null, longAgo);
        var withdrawnRecently = Apply("75000002");
        withdrawnRecently.Withdraw(DateTimeOffset.UtcNow.AddMonths(-2));
        var open = Apply("75000003");
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            db.Applications.AddRange(declined, withdrawnRecently, open);
            db.OutboxMessages.Add(NinetyNine.Web.Features.Outbox.OutboxMessage.Create(network.Id, declined.Id, "contact@75000001.example", "Uw aanmelding", "Tekst", "nl", longAgo));
            await db.SaveChangesAsync();
        }

        var count = await app.Services.GetRequiredService<ApplicationRetention>().AnonymiseDueAsync();

        // The app's own daily run (started with the host) may have taken it first; then this call finds nothing left to do.
        Assert.InRange(count, 0, 1);
        await using var after = await app.DbFactory.CreateDbContextAsync();
        var anonymised = await after.Applications.AsNoTracking().SingleAsync(a => a.Id == declined.Id);
        Assert.NotNull(anonymised.AnonymisedAt);
        Assert.DoesNotContain("contact@75000001", anonymised.ContactEmail.Value, StringComparison.Ordinal);
        Assert.Null(anonymised.ContactPhone);
        Assert.Equal("Past niet bij de regio.", Assert.Single(anonymised.Decisions).Rationale);
        Assert.False(await after.OutboxMessages.AnyAsync(m => m.ApplicationId == declined.Id));
        Assert.Equal("contact@75000002.example", (await after.Applications.AsNoTracking().SingleAsync(a => a.Id == withdrawnRecently.Id)).ContactEmail.Value);
        Assert.Null((await after.Applications.AsNoTracking().SingleAsync(a => a.Id == open.Id)).AnonymisedAt);
    }

    [Fact]
    public async Task The_coordinator_erases_an_application_on_request_and_nobody_else_may()
    {
        var network = await app.NetworkAsync();
        var form = ApplicationTests.ValidForm();
        form.Kvk = "76000001";
        var application = Application.SubmitTo(network, [], form, DateTimeOffset.UtcNow);
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            db.Applications.Add(application);
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var admission = scope.ServiceProvider.GetRequiredService<AdmissionService>();
        var marloes = await app.MemberAsync(AppFactory.CoreGroupMember);
        await Assert.ThrowsAsync<ForbiddenException>(() => admission.EraseAsync(marloes, application.Id));
        await admission.EraseAsync(await app.MemberAsync(AppFactory.Coordinator), application.Id);

        await using var after = await app.DbFactory.CreateDbContextAsync();
        Assert.False(await after.Applications.AnyAsync(a => a.Id == application.Id));
    }
}
