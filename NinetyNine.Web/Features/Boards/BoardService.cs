using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;
using NinetyNine.Web.Data;
using NinetyNine.Web.Live;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Boards;

/// <summary>Who may do what on a board.</summary>
public enum BoardAccess
{
    None = 0,
    Read = 1,
    Edit = 2,
}

/// <summary>
/// Where a theme group's board changes: every change is checked against who may make it (the coordinator and the
/// group's lead and member employers edit; the core group and other participants read; lawyers only through the advice
/// queue), applied to the <see cref="Board"/> aggregate, saved with a line in the board's history, and broadcast with
/// the board's new version. Changes to one board pass one at a time on this server; the board stays loaded between
/// them, and a save made elsewhere in the meantime is caught by its version and applied again on a fresh load.
/// </summary>
public sealed class BoardService(IDbContextFactory<NinetyNineDb> dbFactory, LiveCore live, AgendaService agenda)
{
    /// <summary>The board as a live aggregate of the core.</summary>
    public static readonly LiveKind<Board> Kind = new("board",
        (db, id, ct) => db.Boards.AsSplitQuery().SingleOrDefaultAsync(b => b.Id == new BoardId(id), ct), b => b.NetworkId, "Board.Unknown");

    /// <summary>The feed topic of a network's lawyers' queue (its id is the network's): a signal, no order.</summary>
    public const string AdviceTopic = "advice";

    /// <summary>What the advice feed carries: the queue is to be read again.</summary>
    public sealed record AdviceSignal(Guid NetworkId);
    private readonly ConcurrentDictionary<Guid, CachedSnapshot> _snapshots = new();

    /// <summary>What this person may do on a theme group's board.</summary>
    public static BoardAccess AccessOf(CurrentMember member, Network network, ThemeGroup group) => AccessOf(LiveCaller.Of(member, network), group);

    /// <summary>What this person may do on a theme group's board, by their rights as the network has them now.</summary>
    public static BoardAccess AccessOf(LiveCaller caller, ThemeGroup group)
    {
        var access = CurrentAccessOf(caller, group);
        // An archived group's board stays readable for who could see it, and changes no more.
        return group.IsArchived && access == BoardAccess.Edit ? BoardAccess.Read : access;
    }

    private static BoardAccess CurrentAccessOf(LiveCaller caller, ThemeGroup group)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(group);
        var network = caller.Network;
        if (group.NetworkId != caller.Member.NetworkId || !caller.IsActive)
        {
            return BoardAccess.None;
        }

        if (caller.IsCoordinator)
        {
            return BoardAccess.Edit;
        }

        if (caller.Person is not { } person)
        {
            return BoardAccess.None;
        }

        if (group.MayWorkOnBoard(person))
        {
            return BoardAccess.Edit;
        }

        // Lawyers see the questions put to them and those cards, not the boards themselves.
        var roles = network.RolesOf(person.Id);
        return roles.Any(r => r is NetworkRole.CoreGroupMember or NetworkRole.Participant) ? BoardAccess.Read : BoardAccess.None;
    }

    /// <summary>The board of a theme group (opened with the default columns on first use); null when the person may not see it.</summary>
    /// <summary>Whether the member's network has this theme group at all (a page tells "not found" from "no access").</summary>
    public async Task<bool> ThemeGroupExistsAsync(CurrentMember member, ThemeGroupId groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ThemeGroups.AsNoTracking().AnyAsync(g => g.Id == groupId && g.NetworkId == member.NetworkId, cancellationToken);
    }

    public async Task<Guid?> BoardOfAsync(CurrentMember member, ThemeGroupId groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.ThemeGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId && g.NetworkId == member.NetworkId, cancellationToken);
        if (group is null)
        {
            return null;
        }

        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        if (AccessOf(member, network, group) == BoardAccess.None)
        {
            return null;
        }

        if (await db.Boards.Where(b => b.ThemeGroupId == groupId).Select(b => (Guid?)b.Id.Value).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var board = Board.Open(group);
        db.Boards.Add(board);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return board.Id.Value;
        }
        catch (DbUpdateException)
        {
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await again.Boards.Where(b => b.ThemeGroupId == groupId).Select(b => b.Id.Value).SingleAsync(cancellationToken);
        }
    }

    /// <summary>The board as this person may see it; null when they may not.</summary>
    public async Task<BoardSnapshot?> SnapshotAsync(CurrentMember member, Guid boardId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sequence = await LiveCore.SequenceAsync(db, Kind.Name, boardId, cancellationToken);
        var head = await db.Boards.AsNoTracking()
            .Where(b => b.Id == new BoardId(boardId) && b.NetworkId == member.NetworkId)
            .Select(b => new { b.Version, b.NetworkId, b.ThemeGroupId })
            .SingleOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var (network, group) = await ContextAsync(db, head.NetworkId, head.ThemeGroupId, cancellationToken);
        var access = AccessOf(member, network, group);
        if (access == BoardAccess.None)
        {
            return null;
        }

        // A board of a thousand cards is read once per version: the page, its live connection and every other viewer share it.
        if (!_snapshots.TryGetValue(boardId, out var cached)
            || (cached.BoardVersion, cached.NetworkVersion, cached.GroupVersion) != (head.Version, network.Version, group.Version))
        {
            var board = await db.Boards.AsNoTracking().AsSplitQuery().SingleAsync(b => b.Id == new BoardId(boardId), cancellationToken);
            cached = new CachedSnapshot(board.Version, network.Version, group.Version, Snapshot(board, network, group, canEdit: false));
            _snapshots[boardId] = cached;
        }

        return cached.Snapshot with { Version = sequence, CanEdit = access == BoardAccess.Edit };
    }

    /// <summary>A board as last read, with the versions of the board, network (names) and group it was read at.</summary>
    private sealed record CachedSnapshot(int BoardVersion, int NetworkVersion, int GroupVersion, BoardSnapshot Snapshot);

    /// <summary>The board's history, newest first: of one card, or of the whole board.</summary>
    public async Task<IReadOnlyList<BoardActivityRecord>> HistoryAsync(CurrentMember member, Guid boardId, Guid? cardId = null, int take = 100,
        CancellationToken cancellationToken = default)
    {
        if (await SnapshotAsync(member, boardId, cancellationToken) is null)
        {
            throw new ForbiddenException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.BoardActivities.AsNoTracking().Where(a => a.BoardId == new BoardId(boardId));
        if (cardId is { } card)
        {
            query = query.Where(a => a.CardId == new CardId(card));
        }

        return await query.OrderByDescending(a => a.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
    }

    /// <summary>The changes after <paramref name="since"/> for a client that fell behind; null: take a snapshot.</summary>
    public async Task<IReadOnlyList<BoardChange>?> SinceAsync(CurrentMember member, Guid boardId, long since, CancellationToken cancellationToken = default) =>
        await SnapshotAsync(member, boardId, cancellationToken) is null ? null : await live.SinceAsync<BoardChange>(Kind.Name, boardId, since, cancellationToken);

    /// <summary>Follows a board's accepted changes (for a page in this process); see <see cref="ILiveFeed.Subscribe"/>.</summary>
    public ILiveSubscription Subscribe(Guid boardId, Action<BoardChange> receive, Action dropped) =>
        live.Feed.Subscribe(Kind.Name, boardId, e =>
        {
            receive((BoardChange)e.Change);
            return Task.CompletedTask;
        }, dropped);

    /// <summary>Follows the signal that a legal question of the network was asked or answered (the lawyers' queue).</summary>
    public ILiveSubscription SubscribeAdvice(NetworkId networkId, Action signal) =>
        live.Feed.Subscribe(AdviceTopic, networkId.Value, _ =>
        {
            signal();
            return Task.CompletedTask;
        });

    /// <summary>A new card at the bottom of a column.</summary>
    public Task<BoardResult> AddCardAsync(CurrentMember member, Guid boardId, Guid operationId, Guid columnId, CardFieldsState fields,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, boardId, operationId, nameof(Board.AddCard), (turn, log) =>
        {
            var added = turn.Aggregate.AddCard(new ColumnId(columnId), FieldsOf(fields ?? throw new DomainException("Board.UnknownCard")).EnsurePartOf(turn.Caller.Network), turn.Caller.PersonId, turn.Now);
            log("CardAdded", added, ColumnName(turn.Aggregate, added.ColumnId));
            return new BoardResult(true, null, 0, added.Id.Value);
        }, cancellationToken);

    /// <summary>A card to a column at a position (from 0; beyond the end: at the bottom).</summary>
    public Task<BoardResult> MoveCardAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, Guid columnId, int index,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, boardId, operationId, nameof(Board.MoveCard), (turn, log) =>
        {
            var board = turn.Aggregate;
            var moving = board.Card(new CardId(cardId));
            var from = moving.ColumnId;
            board.MoveCard(moving.Id, new ColumnId(columnId), index);
            log("CardMoved", moving, from == moving.ColumnId ? ColumnName(board, from) : $"{ColumnName(board, from)} → {ColumnName(board, moving.ColumnId)}");
            return new BoardResult(true, null, 0, cardId);
        }, cancellationToken);

    /// <summary>
    /// An edit of a card's fields: <paramref name="seen"/> as the person saw them, <paramref name="wanted"/> as they want
    /// them. A field someone else changed meanwhile is not overwritten: it comes back as a conflict.
    /// </summary>
    public Task<BoardResult> EditCardAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, CardFieldsState seen, CardFieldsState wanted,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, boardId, operationId, nameof(Board.EditCard), (turn, log) =>
        {
            var edited = turn.Aggregate.Card(new CardId(cardId));
            var outcome = turn.Aggregate.EditCard(edited.Id, FieldsOf(seen ?? throw new DomainException("Board.UnknownCard")),
                FieldsOf(wanted ?? throw new DomainException("Board.UnknownCard")).EnsurePartOf(turn.Caller.Network, edited.Fields));
            if (outcome.Changed.Count > 0)
            {
                log("CardEdited", edited, string.Join(", ", outcome.Changed));
            }

            return new BoardResult(true, null, 0, cardId, [.. outcome.Conflicts.Select(x => new ConflictState(x.Field, Show(x.Theirs), Show(x.Mine)))]);
        }, cancellationToken);

    public Task<BoardResult> ArchiveCardAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, CancellationToken cancellationToken = default) =>
        OnCardAsync(member, boardId, operationId, cardId, nameof(Board.ArchiveCard), (board, card, log) =>
        {
            board.ArchiveCard(card.Id);
            log("CardArchived", card, null);
        }, cancellationToken);

    public Task<BoardResult> RestoreCardAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, CancellationToken cancellationToken = default) =>
        OnCardAsync(member, boardId, operationId, cardId, nameof(Board.RestoreCard), (board, card, log) =>
        {
            board.RestoreCard(card.Id);
            log("CardRestored", card, ColumnName(board, card.ColumnId));
        }, cancellationToken);

    public Task<BoardResult> AddChecklistEntryAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, string text,
        CancellationToken cancellationToken = default) =>
        OnCardAsync(member, boardId, operationId, cardId, nameof(Board.AddChecklistEntry), (board, card, log) =>
        {
            board.AddChecklistEntry(card.Id, text ?? string.Empty);
            log("ChecklistAdded", card, text);
        }, cancellationToken);

    public Task<BoardResult> SetChecklistEntryAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, Guid entryId, bool done,
        CancellationToken cancellationToken = default) =>
        OnCardAsync(member, boardId, operationId, cardId, nameof(Board.SetChecklistEntry), (board, card, log) =>
        {
            board.SetChecklistEntry(card.Id, entryId, done);
            log(done ? "ChecklistDone" : "ChecklistOpen", card, card.Checklist.FirstOrDefault(e => e.Id == entryId)?.Text);
        }, cancellationToken);

    public Task<BoardResult> RemoveChecklistEntryAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, Guid entryId,
        CancellationToken cancellationToken = default) =>
        OnCardAsync(member, boardId, operationId, cardId, nameof(Board.RemoveChecklistEntry), (board, card, log) =>
        {
            var text = card.Checklist.FirstOrDefault(e => e.Id == entryId)?.Text;
            board.RemoveChecklistEntry(card.Id, entryId);
            log("ChecklistRemoved", card, text);
        }, cancellationToken);

    public Task<BoardResult> CommentAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, string text,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, boardId, operationId, nameof(Board.Comment), (turn, log) =>
        {
            var card = turn.Aggregate.Card(new CardId(cardId));
            turn.Aggregate.Comment(card.Id, turn.Caller.PersonId, turn.Caller.Name, text ?? string.Empty, turn.Now);
            log("Commented", card, null);
            return new BoardResult(true, null, 0, cardId);
        }, cancellationToken);

    /// <summary>A legal question on a card for the network's lawyers.</summary>
    public Task<BoardResult> AskLegalAdviceAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, string question,
        CancellationToken cancellationToken = default) =>
        EditAsync(member, boardId, operationId, nameof(Board.AskLegalAdvice), (turn, log) =>
        {
            var card = turn.Aggregate.Card(new CardId(cardId));
            turn.Aggregate.AskLegalAdvice(card.Id, question ?? string.Empty, turn.Caller.Name, turn.Now);
            log("LegalAsked", card, null);
            return new BoardResult(true, null, 0, cardId);
        }, cancellationToken);

    public Task<BoardResult> AddColumnAsync(CurrentMember member, Guid boardId, Guid operationId, string name, CancellationToken cancellationToken = default) =>
        EditAsync(member, boardId, operationId, nameof(Board.AddColumn), (turn, log) =>
        {
            log("ColumnAdded", null, turn.Aggregate.AddColumn(name ?? string.Empty).Name);
            return new BoardResult(true, null, 0);
        }, cancellationToken);

    public Task<BoardResult> RenameColumnAsync(CurrentMember member, Guid boardId, Guid operationId, Guid columnId, string name,
        CancellationToken cancellationToken = default) =>
        OnColumnAsync(member, boardId, operationId, columnId, nameof(Board.RenameColumn), (board, column, log) =>
        {
            var old = ColumnName(board, column);
            board.RenameColumn(column, name ?? string.Empty);
            log("ColumnRenamed", null, $"{old} → {ColumnName(board, column)}");
        }, cancellationToken);

    public Task<BoardResult> MoveColumnAsync(CurrentMember member, Guid boardId, Guid operationId, Guid columnId, int index,
        CancellationToken cancellationToken = default) =>
        OnColumnAsync(member, boardId, operationId, columnId, nameof(Board.MoveColumn), (board, column, log) =>
        {
            board.MoveColumn(column, index);
            log("ColumnMoved", null, ColumnName(board, column));
        }, cancellationToken);

    public Task<BoardResult> ArchiveColumnAsync(CurrentMember member, Guid boardId, Guid operationId, Guid columnId, CancellationToken cancellationToken = default) =>
        OnColumnAsync(member, boardId, operationId, columnId, nameof(Board.ArchiveColumn), (board, column, log) =>
        {
            board.ArchiveColumn(column);
            log("ColumnArchived", null, ColumnName(board, column));
        }, cancellationToken);

    public Task<BoardResult> RestoreColumnAsync(CurrentMember member, Guid boardId, Guid operationId, Guid columnId, CancellationToken cancellationToken = default) =>
        OnColumnAsync(member, boardId, operationId, columnId, nameof(Board.RestoreColumn), (board, column, log) =>
        {
            board.RestoreColumn(column);
            log("ColumnRestored", null, ColumnName(board, column));
        }, cancellationToken);

    /// <summary>
    /// A lawyer's answer to the open legal question of a card, through the board's own line so everyone with the board
    /// open sees it arrive. Only the network's advisors and the coordinator may answer (they need not see the board).
    /// </summary>
    internal Task<BoardResult> AnswerLegalAdviceAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, string answer,
        CancellationToken cancellationToken = default) =>
        RunAsync(member, boardId, operationId, "AnswerLegalAdvice", (caller, _) => MayAnswerLegalQuestions(caller), (turn, log) =>
        {
            var card = turn.Aggregate.Card(new CardId(cardId));
            turn.Aggregate.AnswerLegalAdvice(card.Id, answer, turn.Caller.Name, turn.Now);
            log("LegalAnswered", card, null);
            return new BoardResult(true, null, 0, card.Id.Value);
        }, cancellationToken);

    /// <summary>
    /// A core group meeting's action item becomes a card at the bottom of the board's first column, linked to where it
    /// came from. The coordinator only; a second card for the same action on this board is refused.
    /// </summary>
    internal Task<BoardResult> AddCardFromMeetingAsync(CurrentMember member, Guid boardId, CardFields fields, CardOrigin origin,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return RunAsync(member, boardId, Guid.NewGuid(), "CardFromMeeting", (caller, _) => caller.IsCoordinator, (turn, log) =>
        {
            var board = turn.Aggregate;
            if (board.Cards.Any(c => c.Origin?.ActionId == origin.ActionId))
            {
                throw new DomainException("Board.ActionAlreadyOnBoard");
            }

            var card = board.AddCard(board.Columns[0].Id, fields.EnsurePartOf(turn.Caller.Network), turn.Caller.PersonId, turn.Now, origin);
            log("CardFromMeeting", card, board.Columns[0].Name);
            return new BoardResult(true, null, 0, card.Id.Value);
        }, cancellationToken);
    }

    /// <summary>The network's lawyers (advisors) and the coordinator answer legal questions.</summary>
    public static bool MayAnswerLegalQuestions(CurrentMember member, Network network) => MayAnswerLegalQuestions(LiveCaller.Of(member, network));

    public static bool MayAnswerLegalQuestions(LiveCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Network.Id == caller.Member.NetworkId && (caller.IsCoordinator || caller.Has(NetworkRole.Advisor));
    }

    /// <summary>A history line of the board: what happened, to which card, with a detail.</summary>
    private delegate void LogLine(string kind, Card? card, string? detail);

    private Task<BoardResult> EditAsync(CurrentMember member, Guid boardId, Guid operationId, string operation,
        Func<LiveTurn<Board>, LogLine, BoardResult> change, CancellationToken cancellationToken) =>
        RunAsync(member, boardId, operationId, operation, (caller, group) => AccessOf(caller, group) == BoardAccess.Edit, change, cancellationToken);

    private Task<BoardResult> OnCardAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, string operation,
        Action<Board, Card, LogLine> change, CancellationToken cancellationToken) =>
        EditAsync(member, boardId, operationId, operation, (turn, log) =>
        {
            change(turn.Aggregate, turn.Aggregate.Card(new CardId(cardId)), log);
            return new BoardResult(true, null, 0, cardId);
        }, cancellationToken);

    private Task<BoardResult> OnColumnAsync(CurrentMember member, Guid boardId, Guid operationId, Guid columnId, string operation,
        Action<Board, ColumnId, LogLine> change, CancellationToken cancellationToken) =>
        EditAsync(member, boardId, operationId, operation, (turn, log) =>
        {
            change(turn.Aggregate, new ColumnId(columnId), log);
            return new BoardResult(true, null, 0);
        }, cancellationToken);

    /// <summary>
    /// One intent through the live core: checked by <paramref name="allowed"/> on the caller's current rights, applied,
    /// saved with its history lines and operation record, published as the cards and columns it touched. After the turn,
    /// the meetings whose actions became touched cards and the lawyers' queue are told.
    /// </summary>
    private async Task<BoardResult> RunAsync(CurrentMember member, Guid boardId, Guid operationId, string operation, Func<LiveCaller, ThemeGroup, bool> allowed,
        Func<LiveTurn<Board>, LogLine, BoardResult> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        BoardResult? result = null;
        List<Card> touched = [];
        var columnsChanged = false;
        var outcome = await live.RunAsync(Kind, member, boardId, operationId, operation, async turn =>
        {
            var board = turn.Aggregate;
            var group = await turn.Db.ThemeGroups.AsNoTracking().SingleAsync(g => g.Id == board.ThemeGroupId, cancellationToken);
            if (!allowed(turn.Caller, group))
            {
                throw new ForbiddenException(Text.Get("Board.ReadOnly"));
            }

            var revisions = board.Cards.ToDictionary(c => c.Id, c => c.Revision);
            var columns = ColumnsKey(board);
            result = change(turn, (kind, card, detail) => Log(turn.Db, board, turn.Caller, kind, card, detail, turn.Now));
            touched = [.. board.Cards.Where(c => !revisions.TryGetValue(c.Id, out var before) || before != c.Revision)];
            columnsChanged = ColumnsKey(board) != columns;
            var network = turn.Caller.Network;
            return new BoardChange(board.Id.Value, turn.Sequence, [.. touched.Select(c => CardOf(c, network))],
                columnsChanged ? Columns(board.Columns) : null, columnsChanged ? Columns(board.ArchivedColumns) : null);
        }, cancellationToken);
        if (!outcome.Accepted)
        {
            return BoardResult.Refused(outcome.Error ?? string.Empty);
        }

        if (outcome.Change is { } accepted)
        {
            TellMeetings(accepted.Cards.Select(c => c.Origin?.MeetingId));
            if (accepted.Cards.Any(c => c.LegalAdvice is not null))
            {
                // Asked, answered, or a card with a question changed: the lawyers' queue reads itself again.
                live.Feed.Publish(new LiveEvent(AdviceTopic, member.NetworkId.Value, 0, new AdviceSignal(member.NetworkId.Value)));
            }
        }

        return (result ?? new BoardResult(true, null, 0)) with { Version = outcome.Sequence };
    }

    /// <summary>
    /// The meetings whose action items became these cards show the cards' status: they are told to read it again (only
    /// the meeting's id goes out; each page reads the status with its own person's rights).
    /// </summary>
    private void TellMeetings(IEnumerable<Guid?> meetings)
    {
        foreach (var meetingId in meetings.OfType<Guid>().Distinct())
        {
            agenda.LinkedCardsChanged(meetingId);
        }
    }

    private static void Log(NinetyNineDb db, Board board, LiveCaller caller, string kind, Card? card, string? detail, DateTimeOffset at) =>
        db.BoardActivities.Add(new BoardActivityRecord
        {
            BoardId = board.Id,
            CardId = card?.Id,
            CardTitle = card?.Fields.Title,
            Kind = kind,
            Detail = detail is null ? null : detail[..Math.Min(detail.Length, BoardActivityRecord.DetailMaxLength)],
            PersonId = caller.PersonId,
            PersonName = caller.Name,
            At = at,
        });

    private static string ColumnName(Board board, ColumnId column) =>
        board.Columns.Concat(board.ArchivedColumns).FirstOrDefault(x => x.Id == column)?.Name ?? "?";

    /// <summary>
    /// A field's value in a conflict, culture-neutral so a client can read it back (<see cref="CardValues"/>): ids as
    /// Guids, lists joined by ", ", dates as yyyy-MM-dd, amounts with a decimal point, nothing as "—".
    /// </summary>
    private static string Show(object? value) => value switch
    {
        null => CardValues.Nothing,
        IEnumerable<string> list => string.Join(CardValues.Separator, list),
        IEnumerable<EmployerId> list => string.Join(CardValues.Separator, list.Select(e => e.Value)),
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static CardFields FieldsOf(CardFieldsState s) => new(
        s.Title ?? string.Empty, s.Description ?? string.Empty, s.OwnerId is { } o ? new PersonId(o) : null, s.DueOn,
        [.. (s.Employers ?? []).Select(e => new EmployerId(e))], s.Stakeholders ?? [], s.Labels ?? [], s.Funding,
        s.FundedBy is { } f ? new EmployerId(f) : null, s.FundingAmount);

    public static CardFieldsState StateOf(CardFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Title, f.Description, f.OwnerId?.Value, f.DueOn, [.. f.Employers.Select(e => e.Value)], f.Stakeholders, f.Labels, f.Funding,
            f.FundedBy?.Value, f.FundingAmount);
    }

    private static async Task<(Network Network, ThemeGroup Group)> ContextAsync(NinetyNineDb db, NetworkId networkId, ThemeGroupId groupId,
        CancellationToken cancellationToken)
    {
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == networkId, cancellationToken);
        var group = await db.ThemeGroups.AsNoTracking().SingleAsync(g => g.Id == groupId, cancellationToken);
        return (network, group);
    }

    private static BoardSnapshot Snapshot(Board board, Network network, ThemeGroup group, bool canEdit) => new(
        board.Id.Value,
        group.Id.Value,
        group.Name,
        board.Version,
        canEdit,
        Columns(board.Columns),
        Columns(board.ArchivedColumns),
        [.. board.Cards.Select(c => CardOf(c, network))],
        [.. network.People.Where(p => p.IsActive).OrderBy(p => p.Name, StringComparer.CurrentCulture).Select(p => new Choice(p.Id.Value, p.Name))],
        [.. network.Employers.Where(e => e.IsActive).OrderBy(e => e.Name, StringComparer.CurrentCulture).Select(e => new Choice(e.Id.Value, e.Name))]);

    private static List<ColumnState> Columns(IEnumerable<BoardColumn> columns) => [.. columns.Select(c => new ColumnState(c.Id.Value, c.Name, c.Position))];

    private static string ColumnsKey(Board board) =>
        string.Join("|", board.Columns.Select(c => $"{c.Id}:{c.Name}:{c.Position}")) + "#" + string.Join("|", board.ArchivedColumns.Select(c => c.Id));

    internal static CardState CardOf(Card c, Network network) => new(
        c.Id.Value,
        c.ColumnId.Value,
        c.Position,
        c.Revision,
        StateOf(c.Fields),
        c.Fields.OwnerId is { } owner ? NameOf(network, owner) : null,
        c.Checklist,
        [.. c.Comments.Select(m => new CommentState(m.Id, m.AuthorName, m.Text, m.At))],
        c.LegalAdvice,
        c.EarlierLegalAdvice,
        c.Origin,
        c.IsArchived,
        c.AcceptsLegalQuestion);

    private static string NameOf(Network network, PersonId id) => network.People.FirstOrDefault(p => p.Id == id)?.Name ?? "?";
}
