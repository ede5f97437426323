namespace NinetyNine.Web.Features.Boards;

/// <summary>What the filters above a board ask for; everything null or false shows every card.</summary>
public sealed record BoardFilterState(bool MineOnly = false, bool OverdueOnly = false, Guid? OwnerId = null, Guid? EmployerId = null, string? Label = null)
{
    public static BoardFilterState None { get; } = new();

    public bool IsActive => MineOnly || OverdueOnly || OwnerId is not null || EmployerId is not null || !string.IsNullOrEmpty(Label);
}

/// <summary>
/// Which cards a board shows: the filters first, then a window of the first cards of each column (long columns grow
/// by <see cref="PageSize"/> on request), and where a card dropped among the shown ones lands in the whole column.
/// </summary>
public static class BoardFilter
{
    /// <summary>How many cards a column shows at first, and how many more each "show more" adds.</summary>
    public const int PageSize = 20;

    /// <summary>
    /// How many cards per column the board shows as loaded with the page, before it is live: what fits on a screen. The
    /// first paint of a large board then costs little; the live board shows its <see cref="PageSize"/> at once after.
    /// </summary>
    public const int PreviewSize = 8;

    public static bool IsOverdue(CardState card, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(card);
        return !card.IsArchived && card.Fields.DueOn is { } due && due < today;
    }

    public static bool Matches(CardState card, BoardFilterState filter, Guid me, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(filter);
        return (!filter.MineOnly || card.Fields.OwnerId == me)
            && (!filter.OverdueOnly || IsOverdue(card, today))
            && (filter.OwnerId is not { } owner || card.Fields.OwnerId == owner)
            && (filter.EmployerId is not { } employer || card.Fields.Employers.Contains(employer))
            && (string.IsNullOrEmpty(filter.Label) || card.Fields.Labels.Contains(filter.Label, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The cards of one column that pass the filter, in order, cut to <paramref name="limit"/>; <paramref name="total"/> counts all that pass.</summary>
    public static IReadOnlyList<CardState> Window(IEnumerable<CardState> column, BoardFilterState filter, Guid me, DateOnly today, int limit, out int total)
    {
        ArgumentNullException.ThrowIfNull(column);
        var matching = column.Where(c => !c.IsArchived && Matches(c, filter, me, today)).OrderBy(c => c.Position).ToList();
        total = matching.Count;
        return matching.Count <= limit ? matching : matching.GetRange(0, Math.Max(0, limit));
    }

    /// <summary>The labels used on the cards, once each, sorted.</summary>
    public static IReadOnlyList<string> Labels(IEnumerable<CardState> cards) =>
        [.. cards.Where(c => !c.IsArchived).SelectMany(c => c.Fields.Labels).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase)];

    /// <summary>
    /// Where a card dropped at <paramref name="shownIndex"/> among the shown cards of a column goes in the whole column
    /// (<paramref name="column"/>: every card of the target column in order): before the shown card now at that index,
    /// or just after the last shown card; at the end when the column shows none.
    /// </summary>
    public static int TargetIndex(IReadOnlyList<CardState> column, IReadOnlyList<CardState> shown, Guid cardId, int shownIndex)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(shown);
        var others = column.Where(c => c.Id != cardId).Select(c => c.Id).ToList();
        var shownOthers = shown.Where(c => c.Id != cardId).ToList();
        if (shownOthers.Count == 0)
        {
            return others.Count;
        }

        if (shownIndex < 0)
        {
            return others.Count;
        }

        if (shownIndex < shownOthers.Count)
        {
            var before = others.IndexOf(shownOthers[shownIndex].Id);
            return before < 0 ? others.Count : before;
        }

        var last = others.IndexOf(shownOthers[^1].Id);
        return last < 0 ? others.Count : last + 1;
    }
}

/// <summary>A card to move: to which column, at which place (0 = top; beyond the end = bottom).</summary>
public readonly record struct CardMove(Guid CardId, Guid ColumnId, int Index);
