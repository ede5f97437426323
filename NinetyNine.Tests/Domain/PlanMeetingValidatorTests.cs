using Microsoft.Extensions.Time.Testing;
using NinetyNine.Domain.Meetings;

namespace NinetyNine.Tests.Domain;

public class PlanMeetingValidatorTests
{
    // 1 December 2026, 10:00 in Amsterdam (09:00 UTC).
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private static readonly PlanMeetingValidator Validator = new(Time);

    private static PlanMeeting Valid() => new()
    {
        Date = new DateTime(2026, 12, 8),
        Time = new TimeSpan(9, 30, 0),
        DurationMinutes = 60,
        Mode = MeetingMode.Video,
        ModeDetails = "https://meet.example.nl/kerngroep",
    };

    [Fact]
    public void A_complete_plan_in_the_future_is_valid_and_combines_date_and_time()
    {
        var plan = Valid();

        Assert.True(Validator.Validate(plan).IsValid);
        Assert.Equal(new DateTime(2026, 12, 8, 9, 30, 0), plan.StartsAt);
    }

    [Theory]
    [InlineData("date", "Date", "Datum is verplicht.")]
    [InlineData("time", "Time", "Begintijd is verplicht.")]
    [InlineData("past", "Date", "Kies een moment in de toekomst.")]
    [InlineData("short", "DurationMinutes", "Een overleg duurt tussen 15 minuten en 8 uur.")]
    [InlineData("long", "DurationMinutes", "Een overleg duurt tussen 15 minuten en 8 uur.")]
    [InlineData("details", "ModeDetails", "Locatie, inbelgegevens of videolink")]
    [InlineData("script", "ModeDetails", "Locatie, inbelgegevens of videolink")]
    [InlineData("mode", "Mode", "Kies hoe het overleg plaatsvindt: op locatie, telefonisch of via video.")]
    public void Each_mistake_gets_a_specific_message_at_its_field(string mistake, string field, string message)
    {
        using var dutch = UiCulture.Dutch();
        var plan = Valid();
        switch (mistake)
        {
            case "date": plan.Date = null; break;
            case "time": plan.Time = null; break;
            case "past": plan.Date = new DateTime(2026, 12, 1); plan.Time = new TimeSpan(9, 0, 0); break;
            case "short": plan.DurationMinutes = 10; break;
            case "long": plan.DurationMinutes = 600; break;
            case "details": plan.ModeDetails = new string('x', Meeting.ModeDetailsMaxLength + 1); break;
            case "script": plan.ModeDetails = "<script>alert(1)</script>"; break;
            case "mode": plan.Mode = (MeetingMode)0; break;
        }

        var error = Assert.Single(Validator.Validate(plan).Errors);
        Assert.Equal(field, error.PropertyName);
        Assert.Contains(message, error.ErrorMessage, StringComparison.Ordinal);
    }
}
