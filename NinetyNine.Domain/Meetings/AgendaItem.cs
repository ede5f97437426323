using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Meetings;

/// <summary>One point on a meeting's agenda (agendapunt). Its position is dense and unique in the agenda.</summary>
public sealed class AgendaItem
{
    public const int TitleMaxLength = 200;

    private AgendaItem() { }

    internal AgendaItem(string title, int position, bool standing)
    {
        Id = AgendaItemId.New();
        Title = Guard.Text(title, TitleMaxLength, "Field.AgendaTitle");
        Position = position;
        IsStanding = standing;
    }

    public AgendaItemId Id { get; private set; }
    public string Title { get; private set; } = string.Empty;

    /// <summary>Zero-based place in the agenda.</summary>
    public int Position { get; internal set; }

    /// <summary>True for the standing agenda of the case (the four recurring items).</summary>
    public bool IsStanding { get; private set; }

    internal void Retitle(string title) => Title = Guard.Text(title, TitleMaxLength, "Field.AgendaTitle");
}
