using NinetyNine.Domain.Networks;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

public class MeetingCadenceTests
{
    // Every three weeks on Monday at 09:00, from Monday 12 January 2026.
    private static readonly MeetingCadence ThreeWeekly = new(new DateOnly(2026, 1, 12), new TimeOnly(9, 0));
    private static readonly DateTime First = new(2026, 1, 12, 9, 0, 0);

    [Fact]
    public void Defaults_to_every_three_weeks_for_an_hour()
    {
        Assert.Equal(3, ThreeWeekly.IntervalWeeks);
        Assert.Equal(60, ThreeWeekly.DurationMinutes);
    }

    [Theory]
    [InlineData("2025-12-01T10:00:00")]
    [InlineData("2026-01-12T08:59:59")]
    [InlineData("2026-01-12T09:00:00")] // exactly at the anchor
    public void NextAfter_at_or_before_the_anchor_is_the_anchor(string now)
    {
        Assert.Equal(First, ThreeWeekly.NextAfter(Parse(now)));
    }

    [Theory]
    [InlineData("2026-02-02T09:00:00")] // second occurrence
    [InlineData("2026-02-23T09:00:00")] // third occurrence
    [InlineData("2027-01-04T09:00:00")] // 18th occurrence, 51 weeks on
    public void NextAfter_exactly_at_an_occurrence_is_that_occurrence(string occurrence)
    {
        Assert.Equal(Parse(occurrence), ThreeWeekly.NextAfter(Parse(occurrence)));
    }

    [Theory]
    [InlineData("2026-01-12T09:00:01", "2026-02-02T09:00:00")]
    [InlineData("2026-01-19T09:00:00", "2026-02-02T09:00:00")]
    [InlineData("2026-02-02T08:59:00", "2026-02-02T09:00:00")]
    [InlineData("2026-02-02T09:30:00", "2026-02-23T09:00:00")] // a meeting that has started is not the next one
    [InlineData("2026-02-10T12:00:00", "2026-02-23T09:00:00")]
    public void NextAfter_between_occurrences_is_the_next_one(string now, string expected)
    {
        Assert.Equal(Parse(expected), ThreeWeekly.NextAfter(Parse(now)));
    }

    [Fact]
    public void NextAfter_keeps_the_wall_clock_time_across_daylight_saving()
    {
        // 12 weeks after the anchor is 6 April 2026, in summer time: still 09:00 local.
        Assert.Equal(new DateTime(2026, 4, 6, 9, 0, 0), ThreeWeekly.NextAfter(new DateTime(2026, 3, 20, 9, 0, 0)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(12)]
    public void NextAfter_is_the_first_occurrence_at_or_after_now_for_any_moment(int intervalWeeks)
    {
        var cadence = new MeetingCadence(Today, new TimeOnly(19, 30), intervalWeeks, 90);
        var first = Today.ToDateTime(new TimeOnly(19, 30));
        var period = TimeSpan.FromDays(7 * intervalWeeks);
        var random = new Random(20260112 + intervalWeeks);

        for (var i = 0; i < 500; i++)
        {
            var now = first + TimeSpan.FromMinutes(random.Next(-60 * 24 * 30, 60 * 24 * 365 * 3));

            var next = cadence.NextAfter(now);

            Assert.True(next >= now, $"{next:O} is before {now:O}");
            Assert.True(next >= first);
            Assert.Equal(0, (next - first).Ticks % period.Ticks);
            Assert.True(next == first || next - now < period, $"{next:O} skips an occurrence after {now:O}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(13)]
    public void Interval_outside_1_to_12_weeks_is_refused(int weeks)
    {
        ThrowsCode("Cadence.Interval", () => _ = new MeetingCadence(Today, new TimeOnly(9, 0), weeks));
    }

    [Theory]
    [InlineData(14)]
    [InlineData(0)]
    [InlineData(481)]
    public void Duration_outside_15_minutes_to_8_hours_is_refused(int minutes)
    {
        ThrowsCode("Cadence.Duration", () => _ = new MeetingCadence(Today, new TimeOnly(9, 0), 3, minutes));
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(12, 480)]
    public void Bounds_themselves_are_accepted(int weeks, int minutes)
    {
        var cadence = new MeetingCadence(Today, new TimeOnly(9, 0), weeks, minutes);

        Assert.Equal(weeks, cadence.IntervalWeeks);
        Assert.Equal(minutes, cadence.DurationMinutes);
    }

    private static DateTime Parse(string value) =>
        DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
