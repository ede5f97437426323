using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Data;

/// <summary>What was done on a board, for its history: who did what to which card, when. Written with the change.</summary>
public sealed class BoardActivityRecord
{
    public const int DetailMaxLength = 300;

    public long Id { get; set; }
    public BoardId BoardId { get; set; }
    public CardId? CardId { get; set; }

    /// <summary>The card's title at the time (cards can be renamed).</summary>
    public string? CardTitle { get; set; }

    public string Kind { get; set; } = string.Empty;
    public string? Detail { get; set; }
    public PersonId PersonId { get; set; }
    public string PersonName { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
}
