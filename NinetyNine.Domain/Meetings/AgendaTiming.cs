namespace NinetyNine.Domain.Meetings;

/// <summary>One agenda item as far as time goes: its timebox (null: <see cref="Meeting.DefaultItemMinutes"/>) and whether it was discussed.</summary>
public readonly record struct TimedItem(Guid Id, int? TimeboxMinutes, bool Discussed)
{
    public int Minutes => TimeboxMinutes ?? Meeting.DefaultItemMinutes;
}

/// <summary>
/// How the agenda fits the meeting's time: when it is expected to end, whether that is past the meeting's planned end,
/// and how long the item under discussion has left. Before the call it counts from the start time; while live, from the
/// item under discussion (its timebox, or longer when it already runs over) plus the items not yet discussed.
/// </summary>
public sealed record AgendaTiming(DateTime PredictedEnd, DateTime EndsAt, TimeSpan? CurrentItemLeft)
{
    /// <summary>The agenda runs past the meeting's planned end.</summary>
    public bool RunsOver => PredictedEnd > EndsAt;

    /// <summary>Whole minutes the agenda runs past the meeting's end (0 when it fits).</summary>
    public int OverrunMinutes => RunsOver ? (int)Math.Ceiling((PredictedEnd - EndsAt).TotalMinutes) : 0;

    /// <summary>The item under discussion took longer than its timebox.</summary>
    public bool CurrentItemOverTime => CurrentItemLeft is { } left && left < TimeSpan.Zero;

    public static AgendaTiming Of(MeetingStatus status, DateTime startsAt, int durationMinutes, DateTime? startedAt,
        Guid? currentItemId, DateTime? currentItemStartedAt, IEnumerable<TimedItem> items, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        var endsAt = startsAt.AddMinutes(durationMinutes);
        if (status != MeetingStatus.Live)
        {
            return new((startedAt ?? startsAt).AddMinutes(list.Sum(i => i.Minutes)), endsAt, null);
        }

        var rest = list.Where(i => !i.Discussed && i.Id != currentItemId).Sum(i => i.Minutes);
        if (currentItemId is { } current && currentItemStartedAt is { } since && list.Exists(i => i.Id == current))
        {
            var item = list.Find(i => i.Id == current);
            var itemEnd = since.AddMinutes(item.Minutes);
            var left = itemEnd - now;
            return new((itemEnd > now ? itemEnd : now).AddMinutes(rest), endsAt, left);
        }

        var from = startedAt is { } started && started > now ? started : now;
        return new(from.AddMinutes(rest), endsAt, null);
    }
}
