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
public sealed class BoardService(IDbContextFactory<NinetyNineDb> dbFactory, TimeProvider time, IHubContext<AgendaHub, IAgendaClient> agendaHub,
    IHubContext<BoardHub, IBoardClient> boardHub, ILogger<BoardService> logger)
{
    private readonly LiveLines<Board> _lines = new(dbFactory, (db, id, ct) => db.Boards.AsSplitQuery().SingleOrDefaultAsync(b => b.Id == new BoardId(id), ct));
    private readonly ConcurrentDictionary<Guid, CachedSnapshot> _snapshots = new();

    /// <summary>What this person may do on a theme group's board.</summary>
    public static BoardAccess AccessOf(CurrentMember member, Network network, ThemeGroup group)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(group);
        if (group.NetworkId != member.NetworkId)
        {
            return BoardAccess.None;
        }

        if (member.IsCoordinator)
        {
            return BoardAccess.Edit;
        }

        var person = network.People.FirstOrDefault(p => p.Id == member.PersonId);
        if (person is null || !person.IsActive)
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

        return cached.Snapshot with { CanEdit = access == BoardAccess.Edit };
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

    /// <summary>
    /// Applies one change when this person may make it, saves it with its history line, and hands it to
    /// <paramref name="broadcast"/> before the next change of the board may begin, so versions arrive in order.
    /// </summary>
    public Task<BoardResult> ApplyAsync(CurrentMember member, BoardCommand command, Func<BoardChange, Task> broadcast,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(command);
        return RunAsync(member, command.BoardId, command.Kind.ToString(), (network, group) => AccessOf(member, network, group) == BoardAccess.Edit,
            (board, network, db) => Change(board, command, member, NameOf(network, member.PersonId), db), broadcast, cancellationToken);
    }

    /// <summary>
    /// A lawyer's answer to the open legal question of a card, through the board's own line so everyone with the board
    /// open sees it arrive. Only the network's advisors and the coordinator may answer (they need not see the board).
    /// </summary>
    internal Task<BoardResult> AnswerLegalAdviceAsync(CurrentMember member, Guid boardId, Guid cardId, string answer, Func<BoardChange, Task> broadcast,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return RunAsync(member, boardId, "AnswerLegalAdvice", (network, _) => MayAnswerLegalQuestions(member, network),
            (board, network, db) =>
            {
                var by = NameOf(network, member.PersonId);
                var card = board.Card(new CardId(cardId));
                board.AnswerLegalAdvice(card.Id, answer, by, time.GetUtcNow());
                Log(db, board, member, by, "LegalAnswered", card, null);
                return new BoardResult(true, null, 0, card.Id.Value);
            }, broadcast, cancellationToken);
    }

    /// <summary>
    /// A core group meeting's action item becomes a card at the bottom of the board's first column, linked to where it
    /// came from. The coordinator only; a second card for the same action on this board is refused.
    /// </summary>
    internal Task<BoardResult> AddCardFromMeetingAsync(CurrentMember member, Guid boardId, CardFields fields, CardOrigin origin, Func<BoardChange, Task> broadcast,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(origin);
        return RunAsync(member, boardId, "CardFromMeeting", (_, _) => member.IsCoordinator,
            (board, network, db) =>
            {
                if (board.Cards.Any(c => c.Origin?.ActionId == origin.ActionId))
                {
                    throw new DomainException("Board.ActionAlreadyOnBoard");
                }

                var card = board.AddCard(board.Columns[0].Id, fields, member.PersonId, time.GetUtcNow(), origin);
                Log(db, board, member, NameOf(network, member.PersonId), "CardFromMeeting", card, board.Columns[0].Name);
                return new BoardResult(true, null, 0, card.Id.Value);
            }, broadcast, cancellationToken);
    }

    /// <summary>The network's lawyers (advisors) and the coordinator answer legal questions.</summary>
    public static bool MayAnswerLegalQuestions(CurrentMember member, Network network)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(network);
        if (network.Id != member.NetworkId)
        {
            return false;
        }

        if (member.IsCoordinator)
        {
            return true;
        }

        var person = network.People.FirstOrDefault(p => p.Id == member.PersonId);
        return person is { IsActive: true } && network.RolesOf(person.Id).Contains(NetworkRole.Advisor);
    }

    /// <summary>
    /// The board's line: one change at a time, on the board kept loaded, checked by <paramref name="allowed"/>, saved with
    /// its history lines (a concurrent save elsewhere makes it load again and apply anew), then broadcast in version order.
    /// </summary>
    private Task<BoardResult> RunAsync(CurrentMember member, Guid boardId, string what, Func<Network, ThemeGroup, bool> allowed,
        Func<Board, Network, NinetyNineDb, BoardResult> change, Func<BoardChange, Task> broadcast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        return _lines.InTurnAsync(boardId, async line =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var (db, board) = await line.OpenAsync(time.GetUtcNow(), cancellationToken);
                if (board is null || board.NetworkId != member.NetworkId)
                {
                    await line.ForgetAsync();
                    return BoardResult.Refused(Text.Get("Board.Unknown"));
                }

                var (network, group) = await ContextAsync(db, board.NetworkId, board.ThemeGroupId, cancellationToken);
                if (!allowed(network, group))
                {
                    logger.LogWarning("Refused a board change {Kind} by someone who may not make it", what);
                    return BoardResult.Refused(Text.Get("Board.ReadOnly"));
                }

                var revisions = board.Cards.ToDictionary(c => c.Id, c => c.Revision);
                var columns = ColumnsKey(board);
                BoardResult result;
                try
                {
                    result = change(board, network, db);
                    await db.SaveChangesAsync(cancellationToken);
                    // The history lines are written; the board stays loaded, they need not.
                    foreach (var entry in db.ChangeTracker.Entries<BoardActivityRecord>().ToList())
                    {
                        entry.State = EntityState.Detached;
                    }
                }
                catch (DomainException e)
                {
                    await line.ForgetAsync(); // Nothing of a refused change may ride along with the next one.
                    return BoardResult.Refused(e.Message);
                }
                catch (ConcurrencyConflictException) when (attempt < 3)
                {
                    await line.ForgetAsync(); // Saved elsewhere meanwhile: load again and apply on that.
                    continue;
                }
                catch
                {
                    await line.ForgetAsync();
                    throw;
                }

                var touched = board.Cards.Where(c => !revisions.TryGetValue(c.Id, out var before) || before != c.Revision).ToList();
                var columnsChanged = ColumnsKey(board) != columns;
                await broadcast(new BoardChange(board.Id.Value, board.Version, [.. touched.Select(c => CardOf(c, network))],
                    columnsChanged ? Columns(board.Columns) : null, columnsChanged ? Columns(board.ArchivedColumns) : null));
                await TellMeetingsAsync(columnsChanged ? board.Cards : touched);
                if (touched.Any(c => c.LegalAdvice is not null))
                {
                    // Asked, answered, or a card with a question changed: the lawyers' queue reads itself again.
                    await boardHub.Clients.Group(BoardHub.AdviceGroup(board.NetworkId)).AdviceChanged();
                }

                return result with { Version = board.Version };
            }
        }, cancellationToken);
    }

    /// <summary>
    /// The meetings whose action items became these cards show the cards' status: they are told to read it again (only
    /// the meeting's id goes out; each page reads the status with its own person's rights).
    /// </summary>
    private async Task TellMeetingsAsync(IEnumerable<Card> cards)
    {
        foreach (var meetingId in cards.Select(c => c.Origin?.MeetingId).OfType<Guid>().Distinct())
        {
            await agendaHub.Clients.Group(AgendaHub.Group(meetingId)).LinkedCardsChanged(meetingId);
        }
    }

    private void Log(NinetyNineDb db, Board board, CurrentMember member, string by, string kind, Card? card, string? detail) => db.BoardActivities.Add(new BoardActivityRecord
    {
        BoardId = board.Id,
        CardId = card?.Id,
        CardTitle = card?.Fields.Title,
        Kind = kind,
        Detail = detail is null ? null : detail[..Math.Min(detail.Length, BoardActivityRecord.DetailMaxLength)],
        PersonId = member.PersonId,
        PersonName = by,
        At = time.GetUtcNow(),
    });

    private BoardResult Change(Board board, BoardCommand c, CurrentMember member, string by, NinetyNineDb db)
    {
        var now = time.GetUtcNow();
        var cardId = c.CardId is { } id ? new CardId(id) : (CardId?)null;
        Card Target() => board.Card(cardId ?? throw new DomainException("Board.UnknownCard"));
        ColumnId Column() => c.ColumnId is { } column ? new ColumnId(column) : throw new DomainException("Board.UnknownColumn");
        string ColumnName(ColumnId column) => board.Columns.Concat(board.ArchivedColumns).FirstOrDefault(x => x.Id == column)?.Name ?? "?";
        void Log(string kind, Card? card, string? detail = null) => this.Log(db, board, member, by, kind, card, detail);

        switch (c.Kind)
        {
            case BoardCommandKind.AddCard:
                var added = board.AddCard(Column(), FieldsOf(c.Wanted ?? throw new DomainException("Board.UnknownCard")), member.PersonId, now);
                Log("CardAdded", added, ColumnName(added.ColumnId));
                return new BoardResult(true, null, 0, added.Id.Value);
            case BoardCommandKind.MoveCard:
                var moving = Target();
                var from = moving.ColumnId;
                board.MoveCard(moving.Id, Column(), c.Index ?? int.MaxValue);
                Log("CardMoved", moving, from == moving.ColumnId ? ColumnName(from) : $"{ColumnName(from)} → {ColumnName(moving.ColumnId)}");
                break;
            case BoardCommandKind.EditCard:
                var edited = Target();
                var outcome = board.EditCard(edited.Id, FieldsOf(c.Seen ?? throw new DomainException("Board.UnknownCard")),
                    FieldsOf(c.Wanted ?? throw new DomainException("Board.UnknownCard")));
                if (outcome.Changed.Count > 0)
                {
                    Log("CardEdited", edited, string.Join(", ", outcome.Changed));
                }

                return new BoardResult(true, null, 0, edited.Id.Value, [.. outcome.Conflicts.Select(x => new ConflictState(x.Field, Show(x.Theirs), Show(x.Mine)))]);
            case BoardCommandKind.ArchiveCard:
                board.ArchiveCard(Target().Id);
                Log("CardArchived", Target());
                break;
            case BoardCommandKind.RestoreCard:
                board.RestoreCard(Target().Id);
                Log("CardRestored", Target(), ColumnName(Target().ColumnId));
                break;
            case BoardCommandKind.AddChecklistEntry:
                board.AddChecklistEntry(Target().Id, c.Text ?? string.Empty);
                Log("ChecklistAdded", Target(), c.Text);
                break;
            case BoardCommandKind.SetChecklistEntry:
                board.SetChecklistEntry(Target().Id, c.EntryId ?? Guid.Empty, c.Flag ?? false);
                Log(c.Flag == true ? "ChecklistDone" : "ChecklistOpen", Target(), Target().Checklist.FirstOrDefault(e => e.Id == c.EntryId)?.Text);
                break;
            case BoardCommandKind.RemoveChecklistEntry:
                var text = Target().Checklist.FirstOrDefault(e => e.Id == c.EntryId)?.Text;
                board.RemoveChecklistEntry(Target().Id, c.EntryId ?? Guid.Empty);
                Log("ChecklistRemoved", Target(), text);
                break;
            case BoardCommandKind.Comment:
                board.Comment(Target().Id, member.PersonId, by, c.Text ?? string.Empty, now);
                Log("Commented", Target());
                break;
            case BoardCommandKind.AskLegalAdvice:
                board.AskLegalAdvice(Target().Id, c.Text ?? string.Empty, by, now);
                Log("LegalAsked", Target());
                break;
            case BoardCommandKind.AddColumn:
                var column = board.AddColumn(c.Text ?? string.Empty);
                Log("ColumnAdded", null, column.Name);
                break;
            case BoardCommandKind.RenameColumn:
                var old = ColumnName(Column());
                board.RenameColumn(Column(), c.Text ?? string.Empty);
                Log("ColumnRenamed", null, $"{old} → {ColumnName(Column())}");
                break;
            case BoardCommandKind.MoveColumn:
                board.MoveColumn(Column(), c.Index ?? 0);
                Log("ColumnMoved", null, ColumnName(Column()));
                break;
            case BoardCommandKind.ArchiveColumn:
                board.ArchiveColumn(Column());
                Log("ColumnArchived", null, ColumnName(Column()));
                break;
            case BoardCommandKind.RestoreColumn:
                board.RestoreColumn(Column());
                Log("ColumnRestored", null, ColumnName(Column()));
                break;
            default:
                throw new DomainException("Board.Unknown");
        }

        return new BoardResult(true, null, 0, cardId?.Value);
    }

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
