using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;

namespace NinetyNine.Domain.Networks;

/// <summary>
/// How often the core group meets: every <see cref="IntervalWeeks"/> weeks from a first meeting
/// (<see cref="Anchor"/>, whose weekday is the meeting day), starting at <see cref="StartTime"/> local time, for
/// <see cref="DurationMinutes"/>, and how the core group meets (<see cref="Mode"/>, with the call-in line, video link or
/// address in <see cref="ModeDetails"/>), which every meeting planned from it starts with.
/// </summary>
public sealed record MeetingCadence
{
    public const int DefaultIntervalWeeks = 3;

    private MeetingCadence() { }

    public MeetingCadence(DateOnly anchor, TimeOnly startTime, int intervalWeeks = DefaultIntervalWeeks, int durationMinutes = 60,
        MeetingMode mode = MeetingMode.Phone, string? modeDetails = null)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new DomainException("Meeting.UnknownMode");
        }

        if (intervalWeeks is < 1 or > 12)
        {
            throw new DomainException("Cadence.Interval");
        }

        if (durationMinutes is < 15 or > 480)
        {
            throw new DomainException("Cadence.Duration");
        }

        Anchor = anchor;
        StartTime = startTime;
        IntervalWeeks = intervalWeeks;
        DurationMinutes = durationMinutes;
        Mode = mode;
        ModeDetails = Guard.OptionalText(modeDetails, Meeting.ModeDetailsMaxLength, "Field.ModeDetails");
    }

    public DateOnly Anchor { get; private init; }
    public TimeOnly StartTime { get; private init; }
    public int IntervalWeeks { get; private init; }
    public int DurationMinutes { get; private init; }
    public MeetingMode Mode { get; private init; } = MeetingMode.Phone;
    public string? ModeDetails { get; private init; }

    /// <summary>The day of the week the core group meets.</summary>
    public DayOfWeek Weekday => Anchor.DayOfWeek;

    /// <summary>The first regular meeting that starts at or after <paramref name="localNow"/>.</summary>
    public DateTime NextAfter(DateTime localNow)
    {
        var first = Anchor.ToDateTime(StartTime);
        if (localNow <= first)
        {
            return first;
        }

        var period = TimeSpan.FromDays(7 * IntervalWeeks);
        var periods = (long)Math.Ceiling((localNow - first) / period);
        return first + (period * periods);
    }

    /// <summary>The regular meetings from the first one at or after <paramref name="localFrom"/> onwards, without end.</summary>
    public IEnumerable<DateTime> OccurrencesFrom(DateTime localFrom)
    {
        var period = TimeSpan.FromDays(7 * IntervalWeeks);
        for (var next = NextAfter(localFrom); ; next += period)
        {
            yield return next;
        }
    }
}
