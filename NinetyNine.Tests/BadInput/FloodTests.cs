using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Meetings;
using NinetyNine.Tests.Domain;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Dashboard;
using NinetyNine.Web.Features.Public;
using Application = NinetyNine.Domain.Applications.Application;

namespace NinetyNine.Tests.BadInput;

/// <summary>A flood of applications: item 1 holds 30, the rest wait for a meeting where the coordinator sees them, and none drops off.</summary>
public sealed class FloodDomainTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0);

    private static List<Application> Applications(SampleNetwork sample, int count) =>
    [
        .. Enumerable.Range(0, count).Select(i =>
        {
            var form = ApplicationTests.ValidForm();
            form.CompanyName = $"Bedrijf {i:D2}";
            form.Kvk = (20_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Application.Submit(sample.Network.Id, form, new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(i));
        }),
    ];

    [Fact]
    public void A_meeting_takes_thirty_oldest_first_the_rest_await_the_next_meeting_with_room()
    {
        var sample = SampleNetwork.Create();
        var waiting = Applications(sample, AgendaItem.MaxTopics + 5);
        var first = Meeting.Schedule(sample.Network.Id, Start, 60, MeetingMode.Phone, null, Start);
        var second = Meeting.Schedule(sample.Network.Id, Start.AddDays(21), 60, MeetingMode.Phone, null, Start);

        AgendaPreparation.Prepare(first, sample.Network, [], waiting);

        Assert.False(first.HasRoomForApplication);
        Assert.Equal(waiting.Take(AgendaItem.MaxTopics).Select(a => a.Id), waiting.Where(a => a.ScheduledMeetingId == first.Id).Select(a => a.Id));
        var awaiting = waiting.Where(a => a.IsAwaitingMeeting).ToList();
        Assert.Equal(["Bedrijf 30", "Bedrijf 31", "Bedrijf 32", "Bedrijf 33", "Bedrijf 34"], awaiting.Select(a => a.CompanyName));

        AgendaPreparation.Prepare(second, sample.Network, [], awaiting);

        Assert.DoesNotContain(waiting, a => a.IsAwaitingMeeting);
        Assert.Equal(5, second.Agenda.Single(i => i.Standing == StandingItem.Applications).Topics.Count);
        Assert.True(second.HasRoomForApplication);
    }
}

/// <summary>The same through the public form's service, with the two meetings the series keeps planned.</summary>
public sealed class FloodTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Seventy_applications_fill_the_next_meetings_and_the_rest_are_listed_as_awaiting_a_meeting()
    {
        var service = app.Services.GetRequiredService<PublicNetworkService>();
        for (var i = 0; i < 70; i++)
        {
            await service.ApplyAsync("99vantwente", new SubmitApplication
            {
                CompanyName = $"Vloed {i:D2} BV", Kvk = (30_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Sector = "Bouw",
                Town = "Almelo", Employees = 5, ContactName = "Piet", ContactEmail = $"piet{i}@vloed.example", Motivation = "Wij doen mee.", Offers = Offer.Jobs,
            });
        }

        await using var db = await app.DbFactory.CreateDbContextAsync();
        var open = await db.Applications.AsNoTracking().Where(a => ApplicationStatuses.Open.Contains(a.Status)).ToListAsync();
        var planned = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Planned).ToListAsync();
        // None drops off: each open application is on a planned meeting's agenda, or awaiting a meeting.
        Assert.All(open, a => Assert.True(
            a.IsAwaitingMeeting ? planned.All(m => !m.HasTopic(AgendaTopicKind.Application, a.Id.Value)) : planned.Any(m => m.Id == a.ScheduledMeetingId && m.HasTopic(AgendaTopicKind.Application, a.Id.Value)),
            $"{a.CompanyName} is neither on an agenda nor awaiting a meeting"));
        Assert.True(planned.Count(m => !m.HasRoomForApplication) >= 2, "the flood spills onto the second meeting before it waits");
        var awaiting = open.Where(a => a.IsAwaitingMeeting).ToList();
        Assert.NotEmpty(awaiting);

        var coordinator = await SignedInClient.SignInAsync(app, AppFactory.Coordinator);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/applications"));
        Assert.Contains($"Wacht op een overleg ({awaiting.Count})", page, StringComparison.Ordinal);
        Assert.All(awaiting, a => Assert.Contains(a.CompanyName, page, StringComparison.Ordinal));

        var summary = await app.Services.CreateScope().ServiceProvider.GetRequiredService<DashboardQueries>()
            .LoadAsync(await app.MemberAsync(AppFactory.Coordinator));
        Assert.Equal(awaiting.Select(a => a.Id.Value).Order(), summary.OpenApplications.Where(a => a.AwaitingMeeting).Select(a => a.Id.Value).Order());
    }
}
