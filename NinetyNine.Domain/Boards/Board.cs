using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;

namespace NinetyNine.Domain.Boards;

/// <summary>A column of a board; archived columns are hidden and hold no cards.</summary>
public sealed class BoardColumn
{
    public const int NameMaxLength = 60;

    private BoardColumn()
    {
    }

    internal BoardColumn(string name, int position)
    {
        Id = ColumnId.New();
        Name = Guard.Text(name, NameMaxLength, "Field.ColumnName");
        Position = position;
    }

    public ColumnId Id { get; private set; }
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Place among the active columns, from 0.</summary>
    public int Position { get; internal set; }

    public bool IsArchived { get; internal set; }
}

/// <summary>A field whose value changed elsewhere since the person began editing: both values, nothing overwritten.</summary>
public sealed record FieldConflict(string Field, object? Theirs, object? Mine);

/// <summary>What an edit did: the fields it changed and the fields it left alone because of a conflict.</summary>
public sealed record EditOutcome(IReadOnlyList<string> Changed, IReadOnlyList<FieldConflict> Conflicts)
{
    public bool HasConflicts => Conflicts.Count > 0;
}

/// <summary>
/// A theme group's board: columns and cards. The positions of the cards that are not archived are dense (0..n-1)
/// and unique in each column, whatever is added, moved, archived or restored. Edits of a card are merged per field:
/// a field someone else changed since the editor saw it becomes a <see cref="FieldConflict"/>, never an overwrite.
/// </summary>
public sealed class Board : IAggregateRoot
{
    public const int MaxColumns = 12;
    public const int MaxCards = 5_000;
    private readonly List<BoardColumn> _columns = [];
    private readonly List<Card> _cards = [];

    private Board()
    {
    }

    public BoardId Id { get; private set; }
    public NetworkId NetworkId { get; private set; }
    public ThemeGroupId ThemeGroupId { get; private set; }
    public int Version { get; private set; }

    /// <summary>The active columns in order.</summary>
    public IReadOnlyList<BoardColumn> Columns => [.. _columns.Where(c => !c.IsArchived).OrderBy(c => c.Position)];

    public IReadOnlyList<BoardColumn> ArchivedColumns => [.. _columns.Where(c => c.IsArchived)];

    public IReadOnlyList<Card> Cards => _cards.AsReadOnly();

    /// <summary>The cards of a column that are not archived, in order.</summary>
    public IReadOnlyList<Card> CardsIn(ColumnId column) => [.. _cards.Where(c => c.ColumnId == column && !c.IsArchived).OrderBy(c => c.Position)];

    /// <summary>A new board with the default columns Idee, Gepland, Bezig, Afgerond.</summary>
    public static Board Open(ThemeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var board = new Board { Id = BoardId.New(), NetworkId = group.NetworkId, ThemeGroupId = group.Id };
        foreach (var name in new[] { "Idee", "Gepland", "Bezig", "Afgerond" })
        {
            board._columns.Add(new BoardColumn(name, board._columns.Count));
        }

        return board;
    }

    public BoardColumn AddColumn(string name)
    {
        if (Columns.Count >= MaxColumns)
        {
            throw new DomainException("Board.TooManyColumns", MaxColumns);
        }

        var column = new BoardColumn(name, Columns.Count);
        EnsureUniqueName(column.Name, column.Id);
        _columns.Add(column);
        return column;
    }

    public void RenameColumn(ColumnId id, string name)
    {
        var column = ActiveColumn(id);
        var trimmed = Guard.Text(name, BoardColumn.NameMaxLength, "Field.ColumnName");
        EnsureUniqueName(trimmed, id);
        column.Name = trimmed;
    }

    /// <summary>Moves a column to another place among the active columns.</summary>
    public void MoveColumn(ColumnId id, int toIndex)
    {
        var column = ActiveColumn(id);
        var order = Columns.ToList();
        order.Remove(column);
        order.Insert(Math.Clamp(toIndex, 0, order.Count), column);
        Renumber(order);
    }

    /// <summary>Archives an empty column; one holding cards is refused (move or archive its cards first).</summary>
    public void ArchiveColumn(ColumnId id)
    {
        var column = ActiveColumn(id);
        if (CardsIn(id).Count > 0)
        {
            throw new DomainException("Board.ColumnNotEmpty", column.Name, CardsIn(id).Count);
        }

        if (Columns.Count == 1)
        {
            throw new DomainException("Board.LastColumn");
        }

        column.IsArchived = true;
        Renumber(Columns);
    }

    public void RestoreColumn(ColumnId id)
    {
        var column = _columns.FirstOrDefault(c => c.Id == id && c.IsArchived) ?? throw new DomainException("Board.UnknownColumn");
        EnsureUniqueName(column.Name, id);
        column.IsArchived = false;
        column.Position = Columns.Count - 1;
        Renumber(Columns.Where(c => c != column).Append(column));
    }

    /// <summary>A new card at the bottom of a column.</summary>
    public Card AddCard(ColumnId column, CardFields fields, PersonId by, DateTimeOffset now, CardOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _ = ActiveColumn(column);
        if (_cards.Count >= MaxCards)
        {
            throw new DomainException("Board.TooManyCards", MaxCards);
        }

        var normalised = fields.Normalised();
        EnsureSaneDueDate(normalised, DateOnly.FromDateTime(now.DateTime));
        var card = new Card(column, CardsIn(column).Count, normalised, by, now) { Origin = origin };
        _cards.Add(card);
        return card;
    }

    /// <summary>Moves a card to a place in a column (the same or another); the others close up or make room.</summary>
    public void MoveCard(CardId id, ColumnId toColumn, int toIndex)
    {
        var card = ActiveCard(id);
        _ = ActiveColumn(toColumn);
        var from = card.ColumnId;
        var source = CardsIn(from).Where(c => c != card).ToList();
        var target = from == toColumn ? source : CardsIn(toColumn).ToList();
        target.Insert(Math.Clamp(toIndex, 0, target.Count), card);
        card.ColumnId = toColumn;
        Renumber(target);
        if (from != toColumn)
        {
            Renumber(source);
        }

        card.Revision++;
    }

    /// <summary>
    /// Applies an edit made on <paramref name="seen"/>: a field the person changed is taken when nobody else changed it
    /// since (or changed it to the same value); otherwise it is reported as a conflict with both values and kept as is.
    /// </summary>
    public EditOutcome EditCard(CardId id, CardFields seen, CardFields wanted)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(wanted);
        var card = ActiveCard(id);
        var mine = wanted.Normalised();
        EnsureSaneDueDate(mine, DateOnly.FromDateTime(card.CreatedAt.DateTime));
        var current = card.Fields;
        var next = current;
        var changed = new List<string>();
        var conflicts = new List<FieldConflict>();
        foreach (var field in CardFields.Names)
        {
            var before = seen.Get(field);
            var want = mine.Get(field);
            var now = current.Get(field);
            if (CardFields.SameValue(want, before) || CardFields.SameValue(want, now))
            {
                continue; // Not changed by this person, or already what they want.
            }

            if (CardFields.SameValue(now, before))
            {
                next = next.With(field, mine);
                changed.Add(field);
            }
            else
            {
                conflicts.Add(new FieldConflict(field, now, want));
            }
        }

        if (changed.Count > 0)
        {
            card.Fields = next;
            card.Revision++;
        }

        return new EditOutcome(changed, conflicts);
    }

    public void ArchiveCard(CardId id)
    {
        var card = ActiveCard(id);
        card.IsArchived = true;
        card.Revision++;
        Renumber(CardsIn(card.ColumnId));
    }

    /// <summary>Brings an archived card back at the bottom of its column (the first column when that one is archived).</summary>
    public void RestoreCard(CardId id)
    {
        var card = _cards.FirstOrDefault(c => c.Id == id && c.IsArchived) ?? throw new DomainException("Board.UnknownCard");
        if (_columns.Single(c => c.Id == card.ColumnId).IsArchived)
        {
            card.ColumnId = Columns[0].Id;
        }

        card.Position = CardsIn(card.ColumnId).Count;
        card.IsArchived = false;
        card.Revision++;
    }

    public ChecklistEntry AddChecklistEntry(CardId id, string text)
    {
        var card = ActiveCard(id);
        if (card.Checklist.Count >= ChecklistEntry.MaxEntries)
        {
            throw new DomainException("Board.TooManyEntries", ChecklistEntry.MaxEntries);
        }

        var entry = new ChecklistEntry(Guid.CreateVersion7(), Guard.Text(text, ChecklistEntry.TextMaxLength, "Field.ChecklistEntry"), false);
        card.Checklist = [.. card.Checklist, entry];
        card.Revision++;
        return entry;
    }

    public void SetChecklistEntry(CardId id, Guid entryId, bool done)
    {
        var card = ActiveCard(id);
        var entry = card.Checklist.FirstOrDefault(e => e.Id == entryId) ?? throw new DomainException("Board.UnknownEntry");
        card.Checklist = [.. card.Checklist.Select(e => e == entry ? e with { Done = done } : e)];
        card.Revision++;
    }

    public void RemoveChecklistEntry(CardId id, Guid entryId)
    {
        var card = ActiveCard(id);
        var entry = card.Checklist.FirstOrDefault(e => e.Id == entryId) ?? throw new DomainException("Board.UnknownEntry");
        card.Checklist = [.. card.Checklist.Where(e => e != entry)];
        card.Revision++;
    }

    public CardComment Comment(CardId id, PersonId by, string authorName, string text, DateTimeOffset now)
    {
        var card = Card(id);
        var comment = new CardComment(by, authorName, text, now);
        card.AddComment(comment);
        card.Revision++;
        return comment;
    }

    /// <summary>
    /// Asks the network's lawyers a question on a card; one open question per card. An answered question before it
    /// stays with the card, among its earlier questions.
    /// </summary>
    public void AskLegalAdvice(CardId id, string question, string askedBy, DateTimeOffset now)
    {
        var card = ActiveCard(id);
        if (!card.AcceptsLegalQuestion)
        {
            throw new DomainException("Board.AdviceAlreadyAsked");
        }

        var asked = Guard.Text(question, LegalAdvice.TextMaxLength, "Field.LegalQuestion");
        if (card.LegalAdvice is { } answered)
        {
            card.EarlierLegalAdvice = [.. card.EarlierLegalAdvice, answered];
        }

        card.LegalAdvice = new LegalAdvice(asked, askedBy, now);
        card.Revision++;
    }

    public void AnswerLegalAdvice(CardId id, string answer, string answeredBy, DateTimeOffset now)
    {
        var card = Card(id);
        if (card.LegalAdvice is not { IsOpen: true } advice)
        {
            throw new DomainException("Board.NoOpenQuestion");
        }

        card.LegalAdvice = advice with { Answer = Guard.Text(answer, LegalAdvice.TextMaxLength, "Field.LegalAnswer"), AnsweredBy = answeredBy, AnsweredAt = now };
        card.Revision++;
    }

    public Card Card(CardId id) => _cards.FirstOrDefault(c => c.Id == id) ?? throw new DomainException("Board.UnknownCard");

    void IAggregateRoot.BumpVersion() => Version++;

    /// <summary>For tests and checks: every column's active cards are numbered 0..n-1.</summary>
    public bool PositionsAreDense() =>
        _columns.All(column => CardsIn(column.Id).Select(c => c.Position).SequenceEqual(Enumerable.Range(0, CardsIn(column.Id).Count)));

    /// <summary>A card's due date lies within the sane range (<see cref="DateRules"/>) around the day it was made.</summary>
    private static void EnsureSaneDueDate(CardFields fields, DateOnly anchor)
    {
        if (fields.DueOn is { } due)
        {
            DateRules.Ensure(due, anchor, "Field.DueOn");
        }
    }

    private Card ActiveCard(CardId id)
    {
        var card = Card(id);
        return card.IsArchived ? throw new DomainException("Board.CardArchived") : card;
    }

    private BoardColumn ActiveColumn(ColumnId id) =>
        _columns.FirstOrDefault(c => c.Id == id && !c.IsArchived) ?? throw new DomainException("Board.UnknownColumn");

    private void EnsureUniqueName(string name, ColumnId except)
    {
        if (Columns.Any(c => c.Id != except && string.Equals(c.Name, name, StringComparison.CurrentCultureIgnoreCase)))
        {
            throw new DomainException("Board.ColumnNameTaken", name);
        }
    }

    private static void Renumber(IEnumerable<BoardColumn> columns)
    {
        var i = 0;
        foreach (var column in columns)
        {
            column.Position = i++;
        }
    }

    private static void Renumber(IEnumerable<Card> cards)
    {
        var i = 0;
        foreach (var card in cards)
        {
            if (card.Position != i)
            {
                card.Position = i;
                card.Revision++;
            }

            i++;
        }
    }
}
