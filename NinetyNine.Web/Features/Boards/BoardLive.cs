using NinetyNine.Web.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Boards;

/// <summary>The intents a board client can send, each with its operation id (the same id when resent).</summary>
public interface IBoardCommands
{
    Task<BoardResult> AddCardAsync(Guid operationId, Guid columnId, CardFieldsState fields);
    Task<BoardResult> MoveCardAsync(Guid operationId, Guid cardId, Guid columnId, int index);
    Task<BoardResult> EditCardAsync(Guid operationId, Guid cardId, CardFieldsState seen, CardFieldsState wanted);
    Task<BoardResult> ArchiveCardAsync(Guid operationId, Guid cardId);
    Task<BoardResult> RestoreCardAsync(Guid operationId, Guid cardId);
    Task<BoardResult> AddChecklistEntryAsync(Guid operationId, Guid cardId, string text);
    Task<BoardResult> SetChecklistEntryAsync(Guid operationId, Guid cardId, Guid entryId, bool done);
    Task<BoardResult> RemoveChecklistEntryAsync(Guid operationId, Guid cardId, Guid entryId);
    Task<BoardResult> CommentAsync(Guid operationId, Guid cardId, string text);
    Task<BoardResult> AskLegalAdviceAsync(Guid operationId, Guid cardId, string question);
    Task<BoardResult> AddColumnAsync(Guid operationId, string name);
    Task<BoardResult> RenameColumnAsync(Guid operationId, Guid columnId, string name);
    Task<BoardResult> MoveColumnAsync(Guid operationId, Guid columnId, int index);
    Task<BoardResult> ArchiveColumnAsync(Guid operationId, Guid columnId);
    Task<BoardResult> RestoreColumnAsync(Guid operationId, Guid columnId);
}

/// <summary>
/// One board kept live on the client: the <see cref="LiveClient{TSnapshot, TChange}"/> base orders, catches up and
/// resends; this part is the card map and the columns, and names the intents. The page builds it in-process
/// (<see cref="InProcess"/>); the tests and the benchmark give it a hub.
/// </summary>
public sealed class BoardLive(LiveSource<BoardSnapshot, BoardChange> source, IBoardCommands commands) : LiveClient<BoardSnapshot, BoardChange>(source)
{
    private readonly Dictionary<Guid, CardState> _cards = [];
    private BoardSnapshot? _board;
    private IReadOnlyList<ColumnState> _columns = [];
    private IReadOnlyList<ColumnState> _archivedColumns = [];

    public BoardSnapshot? Board => Read(() => _board);

    /// <summary>The board's live version: the sequence number of the last change applied.</summary>
    public long Version => Sequence;

    public IReadOnlyList<ColumnState> Columns => Read(() => _columns);
    public IReadOnlyList<ColumnState> ArchivedColumns => Read(() => _archivedColumns);

    /// <summary>The page's client: calls the service directly and follows the board's feed in this process.</summary>
    public static BoardLive InProcess(BoardService boards, CurrentMember member, Guid boardId)
    {
        ArgumentNullException.ThrowIfNull(boards);
        var source = new LiveSource<BoardSnapshot, BoardChange>(
            ct => boards.SnapshotAsync(member, boardId, ct),
            (since, ct) => boards.SinceAsync(member, boardId, since, ct),
            (receive, dropped) => boards.Subscribe(boardId, receive, dropped));
        return new BoardLive(source, new InProcessCommands(boards, member, boardId));
    }

    public CardState? Card(Guid id) => Read(() => _cards.GetValueOrDefault(id));

    /// <summary>The cards of a column that are not archived, in order.</summary>
    public IReadOnlyList<CardState> CardsIn(Guid columnId) =>
        Read<IReadOnlyList<CardState>>(() => [.. _cards.Values.Where(c => c.ColumnId == columnId && !c.IsArchived).OrderBy(c => c.Position)]);

    public IReadOnlyList<CardState> ArchivedCards() =>
        Read<IReadOnlyList<CardState>>(() => [.. _cards.Values.Where(c => c.IsArchived).OrderBy(c => c.Fields.Title, StringComparer.CurrentCulture)]);

    public IReadOnlyList<CardState> AllCards() => Read<IReadOnlyList<CardState>>(() => [.. _cards.Values]);

    public Task<BoardResult> AddCardAsync(Guid columnId, CardFieldsState fields) => Send(id => commands.AddCardAsync(id, columnId, fields));

    public Task<BoardResult> MoveAsync(Guid cardId, Guid columnId, int index) => Send(id => commands.MoveCardAsync(id, cardId, columnId, index));

    public Task<BoardResult> EditAsync(Guid cardId, CardFieldsState seen, CardFieldsState wanted) => Send(id => commands.EditCardAsync(id, cardId, seen, wanted));

    public Task<BoardResult> ArchiveCardAsync(Guid cardId) => Send(id => commands.ArchiveCardAsync(id, cardId));

    public Task<BoardResult> RestoreCardAsync(Guid cardId) => Send(id => commands.RestoreCardAsync(id, cardId));

    public Task<BoardResult> AddChecklistEntryAsync(Guid cardId, string text) => Send(id => commands.AddChecklistEntryAsync(id, cardId, text));

    public Task<BoardResult> SetChecklistEntryAsync(Guid cardId, Guid entryId, bool done) => Send(id => commands.SetChecklistEntryAsync(id, cardId, entryId, done));

    public Task<BoardResult> RemoveChecklistEntryAsync(Guid cardId, Guid entryId) => Send(id => commands.RemoveChecklistEntryAsync(id, cardId, entryId));

    public Task<BoardResult> CommentAsync(Guid cardId, string text) => Send(id => commands.CommentAsync(id, cardId, text));

    public Task<BoardResult> AskLegalAdviceAsync(Guid cardId, string question) => Send(id => commands.AskLegalAdviceAsync(id, cardId, question));

    public Task<BoardResult> AddColumnAsync(string name) => Send(id => commands.AddColumnAsync(id, name));

    public Task<BoardResult> RenameColumnAsync(Guid columnId, string name) => Send(id => commands.RenameColumnAsync(id, columnId, name));

    public Task<BoardResult> MoveColumnAsync(Guid columnId, int index) => Send(id => commands.MoveColumnAsync(id, columnId, index));

    public Task<BoardResult> ArchiveColumnAsync(Guid columnId) => Send(id => commands.ArchiveColumnAsync(id, columnId));

    public Task<BoardResult> RestoreColumnAsync(Guid columnId) => Send(id => commands.RestoreColumnAsync(id, columnId));

    protected override long SequenceOf(BoardChange change) => change.Version;

    protected override long SequenceOf(BoardSnapshot snapshot) => snapshot.Version;

    protected override void Load(BoardSnapshot snapshot)
    {
        _board = snapshot;
        _cards.Clear();
        foreach (var card in snapshot.Cards)
        {
            _cards[card.Id] = card;
        }

        _columns = snapshot.Columns;
        _archivedColumns = snapshot.ArchivedColumns;
    }

    protected override IReadOnlyCollection<Guid> Apply(BoardChange change)
    {
        foreach (var card in change.Cards)
        {
            _cards[card.Id] = card;
        }

        if (change.Columns is not null)
        {
            _columns = change.Columns;
            _archivedColumns = change.ArchivedColumns ?? [];
        }

        return [.. change.Cards.Select(c => c.Id)];
    }

    private Task<BoardResult> Send(Func<Guid, Task<BoardResult>> send)
    {
        var operationId = Guid.NewGuid();
        return SendAsync(operationId, () => send(operationId), BoardResult.Refused);
    }

    private sealed class InProcessCommands(BoardService boards, CurrentMember member, Guid boardId) : IBoardCommands
    {
        public Task<BoardResult> AddCardAsync(Guid operationId, Guid columnId, CardFieldsState fields) => boards.AddCardAsync(member, boardId, operationId, columnId, fields);

        public Task<BoardResult> MoveCardAsync(Guid operationId, Guid cardId, Guid columnId, int index) =>
            boards.MoveCardAsync(member, boardId, operationId, cardId, columnId, index);

        public Task<BoardResult> EditCardAsync(Guid operationId, Guid cardId, CardFieldsState seen, CardFieldsState wanted) =>
            boards.EditCardAsync(member, boardId, operationId, cardId, seen, wanted);

        public Task<BoardResult> ArchiveCardAsync(Guid operationId, Guid cardId) => boards.ArchiveCardAsync(member, boardId, operationId, cardId);

        public Task<BoardResult> RestoreCardAsync(Guid operationId, Guid cardId) => boards.RestoreCardAsync(member, boardId, operationId, cardId);

        public Task<BoardResult> AddChecklistEntryAsync(Guid operationId, Guid cardId, string text) => boards.AddChecklistEntryAsync(member, boardId, operationId, cardId, text);

        public Task<BoardResult> SetChecklistEntryAsync(Guid operationId, Guid cardId, Guid entryId, bool done) =>
            boards.SetChecklistEntryAsync(member, boardId, operationId, cardId, entryId, done);

        public Task<BoardResult> RemoveChecklistEntryAsync(Guid operationId, Guid cardId, Guid entryId) =>
            boards.RemoveChecklistEntryAsync(member, boardId, operationId, cardId, entryId);

        public Task<BoardResult> CommentAsync(Guid operationId, Guid cardId, string text) => boards.CommentAsync(member, boardId, operationId, cardId, text);

        public Task<BoardResult> AskLegalAdviceAsync(Guid operationId, Guid cardId, string question) =>
            boards.AskLegalAdviceAsync(member, boardId, operationId, cardId, question);

        public Task<BoardResult> AddColumnAsync(Guid operationId, string name) => boards.AddColumnAsync(member, boardId, operationId, name);

        public Task<BoardResult> RenameColumnAsync(Guid operationId, Guid columnId, string name) => boards.RenameColumnAsync(member, boardId, operationId, columnId, name);

        public Task<BoardResult> MoveColumnAsync(Guid operationId, Guid columnId, int index) => boards.MoveColumnAsync(member, boardId, operationId, columnId, index);

        public Task<BoardResult> ArchiveColumnAsync(Guid operationId, Guid columnId) => boards.ArchiveColumnAsync(member, boardId, operationId, columnId);

        public Task<BoardResult> RestoreColumnAsync(Guid operationId, Guid columnId) => boards.RestoreColumnAsync(member, boardId, operationId, columnId);
    }
}
