using NinetyNine.Domain.Boards;
using NinetyNine.Web.Live;

namespace NinetyNine.Web.Features.Boards;

// The messages of a live board, shared by the hub and every client (the Blazor page included).

/// <summary>The fields of a card as the form edits them (ids as Guids, lists as arrays).</summary>
public sealed record CardFieldsState(
    string Title,
    string Description,
    Guid? OwnerId,
    DateOnly? DueOn,
    IReadOnlyList<Guid> Employers,
    IReadOnlyList<string> Stakeholders,
    IReadOnlyList<string> Labels,
    FundingStatus Funding,
    Guid? FundedBy,
    decimal? FundingAmount);

/// <summary>A field that changed elsewhere since the editor saw it: both values, as the form shows them.</summary>
public sealed record ConflictState(string Field, string Theirs, string Mine);

/// <summary>
/// What the server answers the sender: accepted (with the sequence number of the change, the board's live version),
/// refused with a reason, or accepted in part with conflicts that were not overwritten.
/// </summary>
public sealed record BoardResult(bool Accepted, string? Error, long Version, Guid? CardId = null, IReadOnlyList<ConflictState>? Conflicts = null) : ILiveResult
{
    public static BoardResult Refused(string error) => new(false, error, 0);
}

public sealed record ColumnState(Guid Id, string Name, int Position);

public sealed record CommentState(Guid Id, string AuthorName, string Text, DateTimeOffset At);

public sealed record CardState(
    Guid Id,
    Guid ColumnId,
    int Position,
    int Revision,
    CardFieldsState Fields,
    string? OwnerName,
    IReadOnlyList<ChecklistEntry> Checklist,
    IReadOnlyList<CommentState> Comments,
    LegalAdvice? LegalAdvice,
    IReadOnlyList<LegalAdvice> EarlierLegalAdvice,
    CardOrigin? Origin,
    bool IsArchived,
    bool AcceptsLegalQuestion);

/// <summary>A person or employer a card can name.</summary>
public sealed record Choice(Guid Id, string Name);

/// <summary>The whole board as it is now, at <see cref="Version"/>, with what its forms offer.</summary>
public sealed record BoardSnapshot(
    Guid Id,
    Guid ThemeGroupId,
    string ThemeGroupName,
    long Version,
    bool CanEdit,
    IReadOnlyList<ColumnState> Columns,
    IReadOnlyList<ColumnState> ArchivedColumns,
    IReadOnlyList<CardState> Cards,
    IReadOnlyList<Choice> People,
    IReadOnlyList<Choice> Employers);

/// <summary>
/// An accepted change, published to everyone with the board open: the board's live version (its sequence number, one
/// more than the previous change), the cards it touched as they are now, and the columns when they changed. A client that misses a version
/// asks for the board again.
/// </summary>
public sealed record BoardChange(Guid BoardId, long Version, IReadOnlyList<CardState> Cards, IReadOnlyList<ColumnState>? Columns, IReadOnlyList<ColumnState>? ArchivedColumns);

public interface IBoardClient
{
    Task BoardChanged(BoardChange change);

    /// <summary>A legal question of the network was asked, answered or its card changed: the lawyers' queue is to be read again.</summary>
    Task AdviceChanged();
}
