using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Meetings;

/// <summary>The four recurring points of every core group meeting, in the order the network uses.</summary>
public enum StandingItem
{
    /// <summary>1. Applications of new participants (aanmelding en toelating): every waiting application goes here.</summary>
    Applications = 1,

    /// <summary>2. Updates from the theme groups by their leads (kartrekkers): one slot per theme group.</summary>
    ThemeGroupUpdates = 2,

    /// <summary>3. Communication about and visibility of the network.</summary>
    Communication = 3,

    /// <summary>4. Further developments and needs.</summary>
    Developments = 4,
}

/// <summary>
/// The recurring agenda of a core group meeting, as the network itself describes it.
/// These are the network's own (Dutch) words and become data of each meeting.
/// </summary>
public static class StandingAgenda
{
    public static IReadOnlyList<(StandingItem Kind, string Title)> Entries { get; } =
    [
        (StandingItem.Applications, "Aanmelding en toelating van nieuwe deelnemers"),
        (StandingItem.ThemeGroupUpdates, "Updates over de themagroepen vanuit de kartrekkers"),
        (StandingItem.Communication, "Communicatie over en zichtbaarheid van het netwerk"),
        (StandingItem.Developments, "Verdere ontwikkelingen en behoeften"),
    ];

    /// <summary>The titles, in order.</summary>
    public static IReadOnlyList<string> Items { get; } = [.. Entries.Select(e => e.Title)];

    public static string TitleOf(StandingItem kind) => Entries.Single(i => i.Kind == kind).Title;

    /// <summary>The case's standing agenda as a network's own list (what a network founded from the 99van template starts with).</summary>
    public static IReadOnlyList<StandingAgendaItem> Default { get; } = [.. Entries.Select(e => new StandingAgendaItem(e.Title, e.Kind))];
}

/// <summary>
/// One item of a network's own standing agenda: its title, and which of the recurring items it is (the applications
/// go under <see cref="StandingItem.Applications"/>, the theme groups' updates under <see cref="StandingItem.ThemeGroupUpdates"/>);
/// null for an item the network added itself. Every meeting planned from it starts with these items, in this order.
/// </summary>
public sealed record StandingAgendaItem
{
    public const int MaxItems = 12;

    public StandingAgendaItem(string title, StandingItem? kind = null)
    {
        Title = Guard.Text(title, AgendaItem.TitleMaxLength, "Field.AgendaTitle");
        Kind = kind is null || Enum.IsDefined(kind.Value) ? kind : throw new DomainException("StandingAgenda.UnknownKind");
    }

    public string Title { get; }
    public StandingItem? Kind { get; }
}
