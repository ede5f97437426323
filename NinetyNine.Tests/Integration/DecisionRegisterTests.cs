using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Decisions;
using NinetyNine.Web.Features.Members;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// The decision register and the employer timeline against the real database: decisions recorded through the domain,
/// who sees which, and scoping to the member's network. Own app: these tests add meetings, applications and a network.
/// </summary>
public sealed class DecisionRegisterTests(DecisionRegisterTests.Fixture fixture) : IClassFixture<DecisionRegisterTests.Fixture>
{
    private const string MeetingDecision = "Het netwerk organiseert in juni een werkgeversontbijt";
    private const string AgendaTitle = "Werkgeversontbijt voorbereiden";
    private const string AdmittedCompany = "Bakkerij Oldenzaal Registertest";
    private const string DeclinedCompany = "Uitzendbureau Registertest";
    private const string DeclinedRationale = "Geen eigen banen, alleen bemiddeling";
    private const string OtherNetworkDecision = "Besluit van Utrecht dat Twente nooit ziet";
    private const string OtherNetworkCompany = "Utrechtse Registertest BV";

    private AppFactory App => fixture.App;

    [Fact]
    public async Task The_register_lists_meeting_decisions_and_application_decisions_newest_first()
    {
        var rows = await ListAsync(AppFactory.CoreGroupMember);

        var meeting = Assert.Single(rows, r => r.Text == MeetingDecision);
        Assert.Equal(DecisionKind.Meeting, meeting.Kind);
        Assert.Equal(AgendaTitle, meeting.Subject);
        Assert.Null(meeting.Outcome);
        Assert.Equal(new DateOnly(2026, 5, 12), meeting.Date);
        Assert.Equal(fixture.MeetingStartsAt, meeting.MeetingStartsAt);
        Assert.Equal($"/meetings/{fixture.MeetingId}/minutes", meeting.Link);

        var admitted = Assert.Single(rows, r => r.Subject == AdmittedCompany);
        Assert.Equal(DecisionKind.Admission, admitted.Kind);
        Assert.Equal(DecisionOutcome.Admitted, admitted.Outcome);
        Assert.Equal(new DateOnly(2026, 5, 19), admitted.Date);
        Assert.Equal(fixture.MeetingId, admitted.MeetingId);
        Assert.Equal(fixture.MeetingStartsAt, admitted.MeetingStartsAt);
        Assert.Equal($"/applications/{fixture.AdmittedId}", admitted.Link);

        Assert.Equal(rows.OrderByDescending(r => r.Date).Select(r => r.Date), rows.Select(r => r.Date));
        Assert.True(rows.ToList().IndexOf(admitted) < rows.ToList().IndexOf(meeting), "The later admission comes before the earlier meeting decision.");
    }

    [Fact]
    public async Task Search_filters_subject_and_text_case_insensitively_and_the_kind_narrows()
    {
        var rows = await ListAsync(AppFactory.CoreGroupMember);

        var byText = DecisionRegister.Filter(rows, "  IN JUNI een WERKGEVERSONTBIJT ", null);
        Assert.Equal([MeetingDecision], byText.Select(r => r.Text));

        var byRationale = DecisionRegister.Filter(rows, "alleen BEMIDDELING", null);
        Assert.Equal([DeclinedCompany], byRationale.Select(r => r.Subject));

        // The declined company has two rows: deferred first, declined later.
        var bySubject = DecisionRegister.Filter(rows, "registertest", null);
        Assert.Equal([AdmittedCompany, DeclinedCompany, DeclinedCompany], bySubject.Select(r => r.Subject).Order(StringComparer.Ordinal));

        Assert.Empty(DecisionRegister.Filter(rows, "registertest", DecisionKind.Meeting));
        Assert.All(DecisionRegister.Filter(rows, null, DecisionKind.Admission), r => Assert.Equal(DecisionKind.Admission, r.Kind));
        Assert.Contains(DecisionRegister.Filter(rows, null, DecisionKind.Meeting), r => r.Text == MeetingDecision);
        Assert.Equal(rows.Count, DecisionRegister.Filter(rows, " ", null).Count);
        Assert.Empty(DecisionRegister.Filter(rows, "niets dat ergens voorkomt", null));
    }

    [Fact]
    public async Task A_participant_sees_meeting_decisions_and_admissions_but_no_declined_application()
    {
        var core = await ListAsync(AppFactory.CoreGroupMember);
        var participant = await ListAsync(AppFactory.Participant);
        var advisor = await ListAsync(AppFactory.Advisor);

        Assert.Contains(core, r => r.Subject == DeclinedCompany && r.Outcome == DecisionOutcome.Declined);
        Assert.Contains(core, r => r.Subject == DeclinedCompany && r.Outcome == DecisionOutcome.Deferred);
        foreach (var rows in new[] { participant, advisor })
        {
            Assert.DoesNotContain(rows, r => r.Subject == DeclinedCompany);
            Assert.DoesNotContain(rows, r => r.Text.Contains("bemiddeling", StringComparison.Ordinal));
            Assert.Contains(rows, r => r.Text == MeetingDecision);
            var admitted = Assert.Single(rows, r => r.Subject == AdmittedCompany);
            Assert.Null(admitted.Link); // the dossier is the core group's
            Assert.All(rows.Where(r => r.Kind == DecisionKind.Admission), r => Assert.Equal(DecisionOutcome.Admitted, r.Outcome));
        }
    }

    [Fact]
    public async Task Another_networks_decisions_never_appear()
    {
        foreach (var email in new[] { AppFactory.Coordinator, AppFactory.CoreGroupMember, AppFactory.Participant })
        {
            var rows = await ListAsync(email);
            Assert.DoesNotContain(rows, r => r.Text == OtherNetworkDecision || r.Subject == OtherNetworkCompany);
        }

        // The other network's own register does show them, so the absence above is scoping, not a missing row.
        var other = await ListAsync(new Web.Security.CurrentMember(new System.Security.Claims.ClaimsPrincipal(), fixture.OtherNetworkId, fixture.OtherCoordinatorId));
        Assert.Contains(other, r => r.Text == OtherNetworkDecision);
        Assert.Contains(other, r => r.Subject == OtherNetworkCompany);
    }

    [Fact]
    public async Task The_timeline_of_an_admitted_employer_runs_from_application_to_roles()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<EmployerTimelineQueries>();
        var network = await App.NetworkAsync();
        var employer = network.Employers.Single(e => e.Name == AdmittedCompany);

        var core = (await queries.LoadAsync(await App.MemberAsync(AppFactory.CoreGroupMember), employer.Id))!;
        var participant = (await queries.LoadAsync(await App.MemberAsync(AppFactory.Participant), employer.Id))!;

        Assert.Equal(
            [TimelineEntryKind.Applied, TimelineEntryKind.Admitted, TimelineEntryKind.Joined, TimelineEntryKind.Role],
            core.Entries.Select(e => e.Kind));
        Assert.Equal(new DateOnly(2026, 5, 19), core.Entries[1].On);
        Assert.Equal(new DateOnly(2026, 5, 20), core.Entries[2].On);
        Assert.Equal(("Anna Bakker", NetworkRole.Participant), (core.Entries[3].PersonName, core.Entries[3].Role));
        Assert.Equal($"/applications/{fixture.AdmittedId}", core.Entries[0].Link);
        Assert.Null(participant.Entries[0].Link);
        Assert.Equal(core.Entries.Select(e => e.Kind), participant.Entries.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_seeded_employer_has_no_application_and_an_unknown_one_is_not_found()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<EmployerTimelineQueries>();
        var network = await App.NetworkAsync();
        var member = await App.MemberAsync(AppFactory.Participant);
        var seeded = network.Employers.First(e => e.Name != AdmittedCompany);

        var timeline = (await queries.LoadAsync(member, seeded.Id))!;

        Assert.Equal(TimelineEntryKind.Joined, timeline.Entries[0].Kind);
        Assert.DoesNotContain(timeline.Entries, e => e.Kind is TimelineEntryKind.Applied or TimelineEntryKind.Admitted);
        Assert.Null(await queries.LoadAsync(member, EmployerId.New()));
        Assert.Null(await queries.LoadAsync(member, fixture.OtherEmployerId));
    }

    private async Task<IReadOnlyList<DecisionRow>> ListAsync(string email) => await ListAsync(await App.MemberAsync(email));

    private async Task<IReadOnlyList<DecisionRow>> ListAsync(Web.Security.CurrentMember member)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DecisionRegister>().ListAsync(member);
    }

    /// <summary>An app with one meeting decision, an admitted and a declined (first deferred) application, and a second network.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public AppFactory App { get; } = new();
        public MeetingId MeetingId { get; private set; }
        public DateTime MeetingStartsAt { get; } = new(2026, 5, 12, 8, 0, 0);
        public ApplicationId AdmittedId { get; private set; }
        public NetworkId OtherNetworkId { get; private set; }
        public PersonId OtherCoordinatorId { get; private set; }
        public EmployerId OtherEmployerId { get; private set; }

        public async Task InitializeAsync()
        {
            var now = new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.FromHours(2));
            await using var db = await App.DbFactory.CreateDbContextAsync();
            var network = await db.Networks.SingleAsync(n => n.Slug == "99vantwente");

            var meeting = Meeting.Schedule(network.Id, MeetingStartsAt, 60, MeetingMode.Phone, "Inbellen: 053 000 0000", MeetingStartsAt);
            var item = meeting.AddAgendaItem(AgendaTitle);
            meeting.RecordDecision(item.Id, MeetingDecision, MeetingStartsAt.AddMinutes(20));
            db.Meetings.Add(meeting);
            MeetingId = meeting.Id;

            var admitted = Application.SubmitTo(network, [], Form(AdmittedCompany, "09100001", "anna@bakkerij.example", "Anna Bakker"), now);
            admitted.CloseVote(now.AddDays(10));
            admitted.Decide(DecisionOutcome.Admitted, "Biedt twee banen in de bakkerij", new DateOnly(2026, 5, 19), meeting.Id, now.AddDays(18));
            network.Admit(admitted, new DateOnly(2026, 5, 20));
            AdmittedId = admitted.Id;

            var declined = Application.SubmitTo(network, [admitted], Form(DeclinedCompany, "09100002", "info@uitzend.example", "Piet Uitzend"), now);
            declined.Decide(DecisionOutcome.Deferred, "Eerst navragen hoe het bureau zelf werkgever is", new DateOnly(2026, 5, 12), meeting.Id, now.AddDays(11));
            declined.CloseVote(now.AddDays(25));
            declined.Decide(DecisionOutcome.Declined, DeclinedRationale, new DateOnly(2026, 6, 2), null, now.AddDays(32));
            db.Applications.AddRange(admitted, declined);

            var other = Network.Found("99vanUtrecht", "99vanutrecht-register", "Utrecht", new MeetingCadence(new DateOnly(2026, 1, 6), new TimeOnly(9, 0)),
                "Coördinator Utrecht", EmailAddress.Parse("coordinator@99vanutrecht-register.example"), null, new DateOnly(2026, 1, 1));
            var otherMeeting = Meeting.Schedule(other.Id, MeetingStartsAt, 60, MeetingMode.Phone, null, MeetingStartsAt);
            otherMeeting.RecordDecision(otherMeeting.Agenda[0].Id, OtherNetworkDecision, MeetingStartsAt.AddMinutes(5));
            var otherApplication = Application.SubmitTo(other, [], Form(OtherNetworkCompany, "09100003", "info@utrecht.example", "Ut Recht"), now);
            otherApplication.CloseVote(now);
            otherApplication.Decide(DecisionOutcome.Admitted, "Past bij Utrecht", new DateOnly(2026, 5, 12), null, now);
            OtherEmployerId = other.Admit(otherApplication, new DateOnly(2026, 5, 13)).Employer.Id;
            OtherNetworkId = other.Id;
            OtherCoordinatorId = other.Coordinator.Id;
            db.Networks.Add(other);
            db.Meetings.Add(otherMeeting);
            db.Applications.Add(otherApplication);

            await db.SaveChangesAsync();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();

        private static SubmitApplication Form(string company, string kvk, string email, string contact) => new()
        {
            CompanyName = company,
            Kvk = kvk,
            Sector = "Voeding",
            Town = "Oldenzaal",
            Employees = 25,
            ContactName = contact,
            ContactEmail = email,
            Motivation = "Wij willen banen creëren voor mensen met een arbeidsbeperking.",
            Offers = Offer.Jobs,
        };
    }
}
