using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Features.Meetings;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Security;
using NinetyNine.Tests.Support;
using static NinetyNine.Tests.Support.HubClients;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// The series on the real app and database: planning ahead, the prepared agenda, and the coordinator moving,
/// cancelling and adding meetings. Its own app, because these tests change the demo network's series.
/// </summary>
public sealed class MeetingSeriesIntegrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private MeetingSeriesService Series => app.Services.GetRequiredService<MeetingSeriesService>();

    private async Task<List<Meeting>> RegularUpcomingAsync()
    {
        var network = await app.NetworkAsync();
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var now = network.LocalNow(TimeProvider.System);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.NetworkId == network.Id && m.SeriesDate != null && m.Status == MeetingStatus.Planned)
            .ToListAsync();
        return [.. meetings.Where(m => m.StartsAt > now).OrderBy(m => m.StartsAt)];
    }

    [Fact]
    public async Task The_series_keeps_the_next_two_cadence_meetings_planned_once_each_with_a_prepared_agenda()
    {
        var network = await app.NetworkAsync();
        // Several callers at once (the worker, two pages): the unique series index keeps one meeting per date.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Series.EnsureUpcomingAsync(network.Id)));
        Assert.Equal(0, await Series.EnsureUpcomingAsync(network.Id));

        var upcoming = await RegularUpcomingAsync();
        Assert.True(upcoming.Count >= MeetingSeries.PlannedAhead, $"{upcoming.Count} regular meetings planned");
        Assert.Equal(upcoming.Count, upcoming.Select(m => m.SeriesDate).Distinct().Count());
        var expected = network.Cadence.OccurrencesFrom(network.LocalNow(TimeProvider.System)).Take(MeetingSeries.PlannedAhead);
        // By cadence date: another test of this class may have moved one of them.
        Assert.Equal(expected.Select(DateOnly.FromDateTime), upcoming.Take(MeetingSeries.PlannedAhead).Select(m => m.SeriesDate!.Value));

        await using var db = await app.DbFactory.CreateDbContextAsync();
        var groups = await db.ThemeGroups.AsNoTracking().OrderBy(g => g.Position).ToListAsync();
        var applications = await db.Applications.AsNoTracking().ToListAsync();
        foreach (var meeting in upcoming.Take(MeetingSeries.PlannedAhead))
        {
            var updates = meeting.Agenda.Single(i => i.Standing == StandingItem.ThemeGroupUpdates);
            Assert.Equal(groups.Select(g => g.Name), updates.Topics.Select(t => t.Title));
            Assert.Equal(groups.Select(g => network.PersonById(g.LeadPersonId!.Value).Name), updates.Topics.Select(t => t.Presenter));
        }

        // Every waiting application is on exactly one open agenda: the first one.
        foreach (var application in applications)
        {
            Assert.Single(upcoming, m => m.HasTopic(AgendaTopicKind.Application, application.Id.Value));
            Assert.True(upcoming[0].HasTopic(AgendaTopicKind.Application, application.Id.Value));
        }
    }

    [Fact]
    public async Task The_coordinator_moves_a_meeting_live_for_everyone_and_it_keeps_its_place_in_the_series()
    {
        var network = await app.NetworkAsync();
        await Series.EnsureUpcomingAsync(network.Id);
        var meeting = (await RegularUpcomingAsync())[^1];
        await using var coordinator = await AgendaAsync(app, AppFactory.Coordinator, meeting.Id.Value);
        await using var follower = await AgendaAsync(app, AppFactory.Participant, meeting.Id.Value);
        var moved = meeting.StartsAt.AddDays(2).AddHours(4);

        await coordinator.RescheduleAsync(moved, 90, MeetingMode.InPerson, "Stadhuis Hengelo, zaal 2");

        await EventuallyAsync(() => follower.Meeting?.StartsAt == moved, "the follower sees the new time");
        Assert.Equal((90, MeetingMode.InPerson, "Stadhuis Hengelo, zaal 2"), (follower.Meeting!.DurationMinutes, follower.Meeting.Mode, follower.Meeting.ModeDetails));
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var stored = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id);
        Assert.Equal((moved, meeting.SeriesDate), (stored.StartsAt, stored.SeriesDate));
        Assert.Equal(0, await Series.EnsureUpcomingAsync(network.Id));
    }

    [Theory]
    [InlineData(AppFactory.CoreGroupMember, nameof(AgendaHub.Reschedule))]
    [InlineData(AppFactory.CoreGroupMember, nameof(AgendaHub.CancelMeeting))]
    [InlineData(AppFactory.Participant, nameof(AgendaHub.CancelMeeting))]
    public async Task Only_the_coordinator_may_move_or_cancel_a_meeting(string email, string intent)
    {
        var meetingId = await NewMeetingAsync(app, DateTime.Today.AddDays(40).AddHours(9));
        await using var client = await AgendaAsync(app, email, meetingId);
        string? refusal = null;
        client.Refused += message => refusal = message;

        _ = intent == nameof(AgendaHub.Reschedule)
            ? await client.RescheduleAsync(client.Meeting!.StartsAt, 30, client.Meeting.Mode, client.Meeting.ModeDetails)
            : await client.CancelMeetingAsync();

        await EventuallyAsync(() => refusal is not null, "the refusal arrives");
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var stored = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == new MeetingId(meetingId));
        Assert.Equal((MeetingStatus.Planned, 60), (stored.Status, stored.DurationMinutes));
    }

    [Fact]
    public async Task Cancelling_tells_everyone_and_passes_the_agenda_to_the_next_meeting_also_when_that_one_was_moved()
    {
        var cancelledId = await NewMeetingAsync(app, DateTime.Today.AddDays(300).AddHours(9));
        var nextId = await NewMeetingAsync(app, DateTime.Today.AddDays(321).AddHours(9));
        await using var next = await AgendaAsync(app, AppFactory.Coordinator, nextId);
        var movedTo = DateTime.Today.AddDays(323).AddHours(14);
        await next.RescheduleAsync(movedTo, 60, MeetingMode.Video, "https://meet.example.nl/kerngroep");
        await EventuallyAsync(() => next.Meeting?.StartsAt == movedTo, "the next meeting is moved");
        await using var coordinator = await AgendaAsync(app, AppFactory.Coordinator, cancelledId);
        await using var follower = await AgendaAsync(app, AppFactory.CoreGroupMember, cancelledId);
        await coordinator.AddItemAsync("Werkbezoek Hofman");
        await EventuallyAsync(() => coordinator.Items.Count == 5, "the item is added");
        await coordinator.AddActionAsync(coordinator.Items[4].Id, "Datum prikken", owner: "Sanne");
        await EventuallyAsync(() => coordinator.Items[4].Actions.Count == 1, "the action is added");

        await coordinator.CancelMeetingAsync();

        await EventuallyAsync(() => follower.Meeting?.Status == MeetingStatus.Cancelled, "the follower sees the cancellation");
        await EventuallyAsync(() => coordinator.Meeting?.Status == MeetingStatus.Cancelled && !coordinator.CanEdit, "the coordinator's page stops editing");
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var stored = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == new MeetingId(nextId));
        Assert.Contains(stored.Agenda, i => i.Title == "Werkbezoek Hofman");
        Assert.Equal(["Datum prikken"], stored.Agenda.SelectMany(i => i.ActionItems).Select(a => a.Text).Distinct());
    }

    [Fact]
    public async Task Removing_a_topic_reaches_every_client()
    {
        var network = await app.NetworkAsync();
        await Series.EnsureUpcomingAsync(network.Id);
        var meeting = (await RegularUpcomingAsync())[0];
        await using var a = await AgendaAsync(app, AppFactory.Coordinator, meeting.Id.Value);
        await using var b = await AgendaAsync(app, AppFactory.CoreGroupMember, meeting.Id.Value);
        var updates = a.Items.First(i => i.Topics.Any(t => t.Kind == AgendaTopicKind.ThemeGroupUpdate));
        var removed = updates.Topics[^1];

        await a.RemoveTopicAsync(updates.Id, removed.Id);

        await EventuallyAsync(() => b.Items.Single(i => i.Id == updates.Id).Topics.Count == updates.Topics.Count - 1, "b sees the topic go");
        Assert.DoesNotContain(b.Items.Single(i => i.Id == updates.Id).Topics, t => t.Id == removed.Id);
    }

    [Fact]
    public async Task The_coordinator_plans_an_extra_meeting_with_a_prepared_agenda()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var plan = new PlanMeeting { Date = DateTime.Today.AddDays(10), Time = new TimeSpan(16, 0, 0), DurationMinutes = 45, Mode = MeetingMode.Video, ModeDetails = "https://meet.example.nl/extra" };

        var id = await Series.PlanExtraAsync(coordinator, plan);

        await using var db = await app.DbFactory.CreateDbContextAsync();
        var extra = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Null(extra.SeriesDate);
        Assert.Equal((DateTime.Today.AddDays(10).AddHours(16), 45, MeetingMode.Video), (extra.StartsAt, extra.DurationMinutes, extra.Mode));
        Assert.Equal(4, extra.Agenda.Single(i => i.Standing == StandingItem.ThemeGroupUpdates).Topics.Count);
    }

    [Fact]
    public async Task An_extra_meeting_by_someone_else_or_with_bad_input_is_refused_and_nothing_is_saved()
    {
        var coreGroup = await app.MemberAsync(AppFactory.CoreGroupMember);
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var good = new PlanMeeting { Date = DateTime.Today.AddDays(11), Time = new TimeSpan(15, 0, 0) };
        var past = new PlanMeeting { Date = DateTime.Today.AddDays(-1), Time = new TimeSpan(15, 0, 0) };
        await using var before = await app.DbFactory.CreateDbContextAsync();
        var count = await before.Meetings.CountAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Series.PlanExtraAsync(coreGroup, good));
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => Series.PlanExtraAsync(coordinator, past));

        Assert.Equal(nameof(PlanMeeting.Date), Assert.Single(invalid.Errors).PropertyName);
        await using var after = await app.DbFactory.CreateDbContextAsync();
        Assert.Equal(count, await after.Meetings.CountAsync());
    }
}
