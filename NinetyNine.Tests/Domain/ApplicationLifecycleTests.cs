using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

/// <summary>Submitted → Scheduled → Admitted / Declined / Deferred / Withdrawn, with the core group's private views.</summary>
public class ApplicationLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 15, 9, 30, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly MeetingDay = new(2026, 12, 15);
    private static readonly PersonId Marloes = PersonId.New();
    private static readonly PersonId Henk = PersonId.New();

    private static (SampleNetwork Sample, Application Application) Waiting()
    {
        var sample = SampleNetwork.Create();
        var form = ApplicationTests.ValidForm();
        form.Kvk = "90000001";
        form.ContactEmail = "info@nieuwkomer.nl";
        return (sample, Application.SubmitTo(sample.Network, [], form, Now.AddDays(-10)));
    }

    [Fact]
    public void Scheduling_puts_it_on_a_meeting_and_it_stays_open()
    {
        var (_, application) = Waiting();
        var meeting = MeetingId.New();

        application.ScheduleFor(meeting);

        Assert.Equal((ApplicationStatus.Scheduled, meeting), (application.Status, application.ScheduledMeetingId));
        Assert.True(application.IsOpen);
    }

    [Fact]
    public void Views_stay_private_to_their_author_until_the_vote_is_closed()
    {
        var (_, application) = Waiting();
        application.RecordView(Marloes, "Marloes ter Horst", Fit.Fits, "Sterke motivatie", Now);
        application.RecordView(Henk, "Henk Nijhuis", Fit.Doubt, null, Now);
        application.RecordView(Henk, "Henk Nijhuis", Fit.NoFit, "Te klein", Now.AddMinutes(1));

        Assert.Equal(2, application.ViewCount);
        Assert.Equal([Fit.Fits], application.ViewsVisibleTo(Marloes).Select(v => v.Fit));
        Assert.Equal([Fit.NoFit], application.ViewsVisibleTo(Henk).Select(v => v.Fit));
        Assert.Empty(application.ViewsVisibleTo(PersonId.New()));
        Assert.Null(application.Tally);

        application.CloseVote(Now.AddMinutes(5));

        Assert.Equal(2, application.ViewsVisibleTo(PersonId.New()).Count);
        Assert.Equal(1, application.Tally![Fit.Fits]);
        Assert.Equal(1, application.Tally[Fit.NoFit]);
        Assert.Equal(0, application.Tally[Fit.Doubt]);
        ThrowsCode("Application.VoteClosed", () => application.RecordView(Marloes, "Marloes ter Horst", Fit.NoFit, null, Now));
        ThrowsCode("Application.VoteClosed", () => application.CloseVote(Now));
    }

    [Fact]
    public void No_final_decision_while_the_vote_is_open_and_none_without_a_rationale()
    {
        var (_, application) = Waiting();

        ThrowsCode("Application.VoteStillOpen", () => application.Decide(DecisionOutcome.Admitted, "Past goed", MeetingDay, null, Now));
        application.CloseVote(Now);
        ThrowsCode("Application.RationaleRequired", () => application.Decide(DecisionOutcome.Admitted, "  ", MeetingDay, null, Now));

        Assert.True(application.IsOpen);
        Assert.Empty(application.Decisions);
    }

    [Fact]
    public void Admitting_records_outcome_date_meeting_and_rationale_once()
    {
        var (_, application) = Waiting();
        var meeting = MeetingId.New();
        application.ScheduleFor(meeting);
        application.CloseVote(Now);

        var decision = application.Decide(DecisionOutcome.Admitted, "Biedt twee leerwerkplekken; past bij het netwerk.", MeetingDay, meeting, Now);

        Assert.Equal(ApplicationStatus.Admitted, application.Status);
        Assert.Equal((DecisionOutcome.Admitted, MeetingDay, meeting), (decision.Outcome, decision.DecidedOn, decision.MeetingId));
        Assert.Same(decision, application.FinalDecision);
        Assert.False(application.IsOpen);
        ThrowsCode("Application.AlreadyDecided", () => application.Decide(DecisionOutcome.Declined, "Toch niet", MeetingDay, meeting, Now));
        ThrowsCode("Application.AlreadyDecided", () => application.Withdraw(Now));
        Assert.Single(application.Decisions);
    }

    [Fact]
    public void Deferring_sends_it_back_with_a_fresh_vote_and_keeps_the_decision_in_its_history()
    {
        var (_, application) = Waiting();
        application.ScheduleFor(MeetingId.New());
        application.RecordView(Marloes, "Marloes ter Horst", Fit.Doubt, null, Now);
        application.CloseVote(Now);

        application.Decide(DecisionOutcome.Deferred, "Eerst een kennismakingsbezoek.", MeetingDay, null, Now);

        Assert.Equal(ApplicationStatus.Deferred, application.Status);
        Assert.True(application.IsOpen);
        Assert.False(application.IsVoteClosed);
        Assert.Null(application.ScheduledMeetingId);
        Assert.Null(application.FinalDecision);
        application.RecordView(Marloes, "Marloes ter Horst", Fit.Fits, "Bezoek was goed", Now.AddDays(21));
        application.CloseVote(Now.AddDays(21));
        application.Decide(DecisionOutcome.Admitted, "Na het bezoek: past goed.", MeetingDay.AddDays(21), null, Now.AddDays(21));
        Assert.Equal([DecisionOutcome.Deferred, DecisionOutcome.Admitted], application.Decisions.Select(d => d.Outcome));
    }

    [Fact]
    public void A_withdrawn_application_takes_no_views_and_no_decision()
    {
        var (_, application) = Waiting();

        application.Withdraw(Now);

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        ThrowsCode("Application.AlreadyDecided", () => application.RecordView(Marloes, "Marloes ter Horst", Fit.Fits, null, Now));
        ThrowsCode("Application.AlreadyDecided", () => application.CloseVote(Now));
    }

    [Fact]
    public void An_admitted_employer_joins_the_network_listed_only_with_consent_and_its_contact_takes_part()
    {
        var (sample, application) = Waiting();
        application.CloseVote(Now);
        application.Decide(DecisionOutcome.Admitted, "Past goed.", MeetingDay, null, Now);

        var (employer, contact) = sample.Network.Admit(application, MeetingDay);

        Assert.Equal((application.CompanyName, application.Kvk, application.ConsentToBeListed, MeetingDay), (employer.Name, employer.Kvk, employer.ListedPublicly, employer.JoinedOn));
        Assert.Equal((application.ContactName, application.ContactEmail, employer.Id), (contact.Name, contact.Email, contact.EmployerId!.Value));
        Assert.True(sample.Network.HasRole(contact.Id, NetworkRole.Participant));
    }

    [Theory]
    [InlineData(DecisionOutcome.Declined)]
    [InlineData(DecisionOutcome.Deferred)]
    public void A_declined_or_undecided_application_cannot_make_anyone_a_member(DecisionOutcome outcome)
    {
        var (sample, application) = Waiting();
        application.CloseVote(Now);
        application.Decide(outcome, "Past (nog) niet.", MeetingDay, null, Now);
        var employers = sample.Network.Employers.Count;

        ThrowsCode("Application.NotAdmitted", () => sample.Network.Admit(application, MeetingDay));

        Assert.Equal(employers, sample.Network.Employers.Count);
    }

    [Fact]
    public void The_coordinator_keeps_notes_in_the_dossier()
    {
        var (_, application) = Waiting();

        application.AddNote("Gebeld; komt graag langs.", "Sanne Kuipers", Now);

        Assert.Equal("Gebeld; komt graag langs.", Assert.Single(application.Notes).Text);
        ThrowsCode("Text.Required", () => application.AddNote(" ", "Sanne Kuipers", Now));
    }
}

public class ApplicationAnonymisingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 15, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);

    private static Application Waiting()
    {
        var sample = SampleNetwork.Create();
        var form = ApplicationTests.ValidForm();
        form.Kvk = "90000002";
        return Application.SubmitTo(sample.Network, [], form, Now);
    }

    [Fact]
    public void A_declined_application_is_due_after_the_retention_and_keeps_only_business_data_and_the_decision()
    {
        var application = Waiting();
        application.RecordView(PersonId.New(), "Marloes ter Horst", Fit.NoFit, "Persoonlijke opmerking", Now);
        application.AddNote("Gebeld met Ayşe", "Sanne", Now);
        application.CloseVote(Now);
        application.Decide(DecisionOutcome.Declined, "Past niet.", new DateOnly(2026, 12, 15), null, Now);

        Assert.False(application.IsDueForAnonymising(Now.AddDays(364), Year));
        Assert.True(application.IsDueForAnonymising(Now.AddDays(365), Year));
        application.Anonymise(Now.AddDays(365));

        Assert.DoesNotContain("Ayşe", application.ContactName, StringComparison.Ordinal);
        Assert.EndsWith("@example.invalid", application.ContactEmail.Value, StringComparison.Ordinal);
        Assert.Null(application.ContactPhone);
        Assert.Empty(application.Notes);
        Assert.Equal(0, application.ViewCount);
        Assert.Equal("Bäckerei Ünal & Zn.", application.CompanyName);
        Assert.Equal("Past niet.", Assert.Single(application.Decisions).Rationale);
        Assert.False(application.IsDueForAnonymising(Now.AddDays(800), Year));
    }

    [Fact]
    public void Open_and_admitted_applications_are_never_anonymised()
    {
        var open = Waiting();
        var admitted = Waiting();
        admitted.CloseVote(Now);
        admitted.Decide(DecisionOutcome.Admitted, "Past.", new DateOnly(2026, 12, 15), null, Now);

        Assert.False(open.IsDueForAnonymising(Now.AddYears(5), Year));
        Assert.False(admitted.IsDueForAnonymising(Now.AddYears(5), Year));
        DomainFixtures.ThrowsCode("Application.NotEnded", () => open.Anonymise(Now));
        DomainFixtures.ThrowsCode("Application.NotEnded", () => admitted.Anonymise(Now));
    }
}
