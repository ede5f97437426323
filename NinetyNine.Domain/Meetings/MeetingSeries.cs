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

    /// <summary>
    /// The cadence dates to plan: those among the next <paramref name="ahead"/> occurrences from now that no meeting holds
    /// yet and, when <paramref name="stillAhead"/> (the regular meetings still to come: planned, live or cancelled, not
    /// those closed early) is given, further free dates until that many are ahead again. A meeting closed before its date
    /// keeps its date, so the series never plans it twice, but it no longer counts as one of the next meetings.
    /// </summary>
    public static IReadOnlyList<DateTime> ToPlan(MeetingCadence cadence, IEnumerable<DateOnly> taken, DateTime localNow, int ahead = PlannedAhead, int? stillAhead = null)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        var held = taken.ToHashSet();
        List<DateTime> plan = [.. cadence.OccurrencesFrom(localNow).Take(ahead).Where(o => !held.Contains(DateOnly.FromDateTime(o)))];
        if (stillAhead is { } count)
        {
            // Bounded: a cadence gives a free date within a few steps; never look further than a few years.
            foreach (var occurrence in cadence.OccurrencesFrom(localNow).Take(200))
            {
                if (count + plan.Count >= ahead)
                {
                    break;
                }

                if (!held.Contains(DateOnly.FromDateTime(occurrence)) && !plan.Contains(occurrence))
                {
                    plan.Add(occurrence);
                }
            }

            plan.Sort();
        }

        return plan;
    }

    /// <summary>The first cadence date after <paramref name="after"/> that no meeting holds: where a new next meeting goes.</summary>
    public static DateTime FirstFree(MeetingCadence cadence, IEnumerable<DateOnly> taken, DateTime after)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        var held = taken.ToHashSet();
        return cadence.OccurrencesFrom(after.AddTicks(1)).First(o => !held.Contains(DateOnly.FromDateTime(o)));
    }
}
