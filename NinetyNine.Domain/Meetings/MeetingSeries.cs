using NinetyNine.Domain.Networks;

namespace NinetyNine.Domain.Meetings;

/// <summary>
/// The series of regular core group meetings that a network's cadence gives. A cadence date is "taken" once a
/// meeting stands for it (<see cref="Meeting.SeriesDate"/>), also when that meeting was moved or cancelled:
/// the series never plans a date twice, and a cancelled date stays cancelled.
/// </summary>
public static class MeetingSeries
{
    /// <summary>How many regular meetings are planned ahead, so the core group always sees the next ones.</summary>
    public const int PlannedAhead = 2;

    /// <summary>The cadence dates among the next <paramref name="ahead"/> occurrences from now that no meeting holds yet.</summary>
    public static IReadOnlyList<DateTime> ToPlan(MeetingCadence cadence, IEnumerable<DateOnly> taken, DateTime localNow, int ahead = PlannedAhead)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        var held = taken.ToHashSet();
        return [.. cadence.OccurrencesFrom(localNow).Take(ahead).Where(o => !held.Contains(DateOnly.FromDateTime(o)))];
    }

    /// <summary>The first cadence date after <paramref name="after"/> that no meeting holds: where a new next meeting goes.</summary>
    public static DateTime FirstFree(MeetingCadence cadence, IEnumerable<DateOnly> taken, DateTime after)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        var held = taken.ToHashSet();
        return cadence.OccurrencesFrom(after.AddTicks(1)).First(o => !held.Contains(DateOnly.FromDateTime(o)));
    }
}
