using System.Net;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Web.Features.Meetings.Calendar;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

public sealed class CalendarTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_meeting_downloads_as_a_valid_ics_event_in_Amsterdam_time_with_a_link_back()
    {
        var meetingId = await HubClients.NewMeetingAsync(app, new DateTime(2027, 3, 2, 8, 0, 0));
        var client = await SignedInClient.SignInAsync(app, AppFactory.Participant);

        var response = await client.GetAsync($"/meetings/{meetingId}.ics");
        var ics = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var meeting = Assert.Single(calendar.Events);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Europe/Amsterdam", meeting.Start!.TzId);
        Assert.Equal(new DateTime(2027, 3, 2, 8, 0, 0), meeting.Start.Value);
        Assert.Equal(new DateTime(2027, 3, 2, 9, 0, 0), meeting.End!.Value);
        Assert.EndsWith($"/meetings/{meetingId}", meeting.Url!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Aanmelding en toelating van nieuwe deelnemers", meeting.Description, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
        AssertAmsterdamWithRules(calendar, ics);
    }

    /// <summary>The file's VTIMEZONE, read back by the parser, is Europe/Amsterdam with its winter and summer rules (RFC 5545 requires them).</summary>
    internal static void AssertAmsterdamWithRules(Ical.Net.Calendar calendar, string ics)
    {
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Amsterdam", zone.TzId);
        var standard = Assert.Single(zone.TimeZoneInfos, i => i.Name == "STANDARD" && i.RecurrenceRule is not null);
        var daylight = Assert.Single(zone.TimeZoneInfos, i => i.Name == "DAYLIGHT" && i.RecurrenceRule is not null);
        Assert.Equal(TimeSpan.FromHours(1), standard.OffsetTo!.Offset);
        Assert.Equal(TimeSpan.FromHours(2), daylight.OffsetTo!.Offset);
        // Summer time starts on the last Sunday of March and ends on the last Sunday of October.
        Assert.Equal(3, daylight.RecurrenceRule!.ByMonth.Single());
        Assert.Equal(10, standard.RecurrenceRule!.ByMonth.Single());
        Assert.Contains("TZOFFSETTO:+0200", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_personal_feed_works_without_a_cookie_and_only_with_a_valid_token()
    {
        var meetingId = await HubClients.NewMeetingAsync(app, new DateTime(2027, 4, 6, 8, 0, 0));
        var member = await app.MemberAsync(AppFactory.CoreGroupMember);
        var feed = await app.Services.GetRequiredService<CalendarFeeds>().PathForAsync(member.User);
        var anonymous = SignedInClient.Anonymous(app);

        var feedText = await anonymous.GetStringAsync(feed);
        var calendar = Ical.Net.Calendar.Load(feedText)!;
        var tampered = await anonymous.GetAsync(feed.Replace(".ics", "x.ics", StringComparison.Ordinal));

        Assert.Contains(calendar.Events, e => e.Uid == $"{meetingId}@ninetynine");
        Assert.All(calendar.Events, e => Assert.StartsWith("Kerngroepoverleg 99vanTwente", e.Summary, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        AssertAmsterdamWithRules(calendar, feedText);
    }

    [Fact]
    public async Task A_single_meeting_needs_sign_in()
    {
        var meetingId = await HubClients.NewMeetingAsync(app);

        var response = await SignedInClient.Anonymous(app).GetAsync($"/meetings/{meetingId}.ics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
