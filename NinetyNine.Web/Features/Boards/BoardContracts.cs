using NinetyNine.Domain.Boards;

namespace NinetyNine.Web.Features.Boards;

// The messages of a live board, shared by the hub and every client (the Blazor page included).

public enum BoardCommandKind
{
    /// <summary>A new card at the bottom of <see cref="BoardCommand.ColumnId"/>; <see cref="BoardCommand.Wanted"/> holds its fields.</summary>
    AddCard = 1,

    /// <summary>To <see cref="BoardCommand.ColumnId"/> at <see cref="BoardCommand.Index"/>.</summary>
    MoveCard,

    /// <summary>An edit of the fields: <see cref="BoardCommand.Seen"/> as the person saw them, <see cref="BoardCommand.Wanted"/> as they want them.</summary>
    EditCard,

    ArchiveCard,
    RestoreCard,
    AddChecklistEntry,
    SetChecklistEntry,
    RemoveChecklistEntry,
    Comment,
    AskLegalAdvice,
    AddColumn,
    RenameColumn,
    MoveColumn,
    ArchiveColumn,
    RestoreColumn,
}

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

/// <summary>One change a client asks for; what it carries depends on <see cref="Kind"/>.</summary>
public sealed record BoardCommand(
    Guid BoardId,
    BoardCommandKind Kind,
    Guid? CardId = null,
    Guid? ColumnId = null,
    int? Index = null,
    string? Text = null,
    Guid? EntryId = null,
    bool? Flag = null,
    CardFieldsState? Seen = null,
    CardFieldsState? Wanted = null);

/// <summary>A field that changed elsewhere since the editor saw it: both values, as the form shows them.</summary>
public sealed record ConflictState(string Field, string Theirs, string Mine);

/// <summary>
/// What the server answers the sender: accepted (with the board version it made), refused with a reason, or accepted
/// in part with conflicts that were not overwritten.
/// </summary>
public sealed record BoardResult(bool Accepted, string? Error, int Version, Guid? CardId = null, IReadOnlyList<ConflictState>? Conflicts = null)
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
    int Version,
    bool CanEdit,
    IReadOnlyList<ColumnState> Columns,
    IReadOnlyList<ColumnState> ArchivedColumns,
    IReadOnlyList<CardState> Cards,
    IReadOnlyList<Choice> People,
    IReadOnlyList<Choice> Employers);

/// <summary>
/// An accepted change, broadcast to everyone with the board open: the board's new version (one more than the previous
/// change), the cards it touched as they are now, and the columns when they changed. A client that misses a version
/// asks for the board again.
/// </summary>
public sealed record BoardChange(Guid BoardId, int Version, IReadOnlyList<CardState> Cards, IReadOnlyList<ColumnState>? Columns, IReadOnlyList<ColumnState>? ArchivedColumns);

public interface IBoardClient
{
    Task BoardChanged(BoardChange change);

    /// <summary>A legal question of the network was asked, answered or its card changed: the lawyers' queue is to be read again.</summary>
    Task AdviceChanged();
}
