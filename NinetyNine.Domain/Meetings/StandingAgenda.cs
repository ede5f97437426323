namespace NinetyNine.Domain.Meetings;

/// <summary>
/// The recurring agenda of a core group meeting, as the network itself describes it.
/// These are the network's own (Dutch) words and become data of each meeting.
/// </summary>
public static class StandingAgenda
{
    public static IReadOnlyList<string> Items { get; } =
    [
        "Aanmelding en toelating van nieuwe deelnemers",
        "Updates over de themagroepen vanuit de kartrekkers",
        "Communicatie over en zichtbaarheid van het netwerk",
        "Verdere ontwikkelingen en behoeften",
    ];
}
