using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace NinetyNine.Web.Features.Boards;

/// <summary>
/// A client of <see cref="BoardHub"/> holding one board: applies changes in version order, and asks for the whole board
/// again when a version is missing (a gap) or after a reconnect. The Blazor board page uses it; so do the tests and the
/// benchmark.
/// </summary>
public sealed class BoardConnection : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly Guid _boardId;
    private readonly Lock _sync = new();
    private readonly Dictionary<Guid, CardState> _cards = [];
    private readonly SortedDictionary<int, BoardChange> _early = [];
    private bool _resyncing;

    public BoardConnection(HubConnection hub, Guid boardId)
    {
        _hub = hub;
        _boardId = boardId;
        _hub.On<BoardChange>(nameof(IBoardClient.BoardChanged), Receive);
        _hub.Reconnecting += _ => Notify();
        _hub.Reconnected += _ => ResyncAsync();
        _hub.Closed += _ => Notify();
    }

    /// <summary>Raised after any change with the ids of the cards it touched (empty: everything may have changed).</summary>
    public event Action<IReadOnlyCollection<Guid>>? Changed;

    /// <summary>Raised when the server refused something this client asked for, with the reason.</summary>
    public event Action<string>? Refused;

    public BoardSnapshot? Board { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<ColumnState> Columns { get; private set; } = [];
    public IReadOnlyList<ColumnState> ArchivedColumns { get; private set; } = [];
    public HubConnectionState State => _hub.State;

    /// <summary>How often this client asked for the whole board because it missed a version.</summary>
    public int Resyncs { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _hub.StartAsync(cancellationToken);
        Load(await _hub.InvokeAsync<BoardSnapshot>(nameof(BoardHub.Join), _boardId, cancellationToken));
    }

    public CardState? Card(Guid id)
    {
        lock (_sync)
        {
            return _cards.GetValueOrDefault(id);
        }
    }

    /// <summary>The cards of a column that are not archived, in order.</summary>
    public IReadOnlyList<CardState> CardsIn(Guid columnId)
    {
        lock (_sync)
        {
            return [.. _cards.Values.Where(c => c.ColumnId == columnId && !c.IsArchived).OrderBy(c => c.Position)];
        }
    }

    public IReadOnlyList<CardState> ArchivedCards()
    {
        lock (_sync)
        {
            return [.. _cards.Values.Where(c => c.IsArchived).OrderBy(c => c.Fields.Title, StringComparer.CurrentCulture)];
        }
    }

    public IReadOnlyList<CardState> AllCards()
    {
        lock (_sync)
        {
            return [.. _cards.Values];
        }
    }

    public Task<BoardResult> SendAsync(BoardCommand command) => SubmitAsync(command with { BoardId = _boardId });

    public Task<BoardResult> MoveAsync(Guid cardId, Guid columnId, int index) =>
        SendAsync(new BoardCommand(_boardId, BoardCommandKind.MoveCard, cardId, columnId, index));

    public Task<BoardResult> AddCardAsync(Guid columnId, CardFieldsState fields) =>
        SendAsync(new BoardCommand(_boardId, BoardCommandKind.AddCard, ColumnId: columnId, Wanted: fields));

    public Task<BoardResult> EditAsync(Guid cardId, CardFieldsState seen, CardFieldsState wanted) =>
        SendAsync(new BoardCommand(_boardId, BoardCommandKind.EditCard, cardId, Seen: seen, Wanted: wanted));

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private async Task<BoardResult> SubmitAsync(BoardCommand command)
    {
        BoardResult result;
        try
        {
            result = await _hub.InvokeAsync<BoardResult>(nameof(BoardHub.Submit), command);
        }
        catch (Exception e) when (e is InvalidOperationException or HubException or HttpRequestException or System.Net.WebSockets.WebSocketException)
        {
            result = BoardResult.Refused(e is HubException ? e.Message : Domain.Common.Text.Get("Live.NotConnected"));
        }

        if (!result.Accepted)
        {
            Refused?.Invoke(result.Error ?? string.Empty);
        }

        return result;
    }

    private void Load(BoardSnapshot snapshot)
    {
        lock (_sync)
        {
            Board = snapshot;
            _cards.Clear();
            foreach (var card in snapshot.Cards)
            {
                _cards[card.Id] = card;
            }

            Columns = snapshot.Columns;
            ArchivedColumns = snapshot.ArchivedColumns;
            Version = snapshot.Version;
            foreach (var stale in _early.Keys.Where(v => v <= Version).ToList())
            {
                _early.Remove(stale);
            }
        }

        Changed?.Invoke([]);
        Drain();
    }

    private void Receive(BoardChange change)
    {
        bool gap;
        lock (_sync)
        {
            if (change.Version <= Version)
            {
                return; // Already in the board this client has.
            }

            _early[change.Version] = change;
            gap = !_early.ContainsKey(Version + 1);
        }

        if (gap)
        {
            // A version is missing: it may still be on its way; if it does not come, take the whole board again.
            _ = WaitThenResyncAsync(change.Version);
            return;
        }

        Drain();
    }

    private void Drain()
    {
        while (true)
        {
            BoardChange? next;
            lock (_sync)
            {
                if (!_early.Remove(Version + 1, out next))
                {
                    return;
                }

                foreach (var card in next.Cards)
                {
                    _cards[card.Id] = card;
                }

                if (next.Columns is not null)
                {
                    Columns = next.Columns;
                    ArchivedColumns = next.ArchivedColumns ?? [];
                }

                Version = next.Version;
            }

            Changed?.Invoke([.. next.Cards.Select(c => c.Id)]);
        }
    }

    private async Task WaitThenResyncAsync(int seen)
    {
        await Task.Delay(500);
        lock (_sync)
        {
            if (Version >= seen || _resyncing)
            {
                return;
            }

            _resyncing = true;
        }

        Resyncs++;
        await ResyncAsync();
    }

    private async Task ResyncAsync()
    {
        try
        {
            Load(await _hub.InvokeAsync<BoardSnapshot>(nameof(BoardHub.Join), _boardId));
        }
        catch (Exception e) when (e is HubException or InvalidOperationException)
        {
            Refused?.Invoke(e.Message);
        }
        finally
        {
            lock (_sync)
            {
                _resyncing = false;
            }
        }
    }

    private Task Notify()
    {
        Changed?.Invoke([]);
        return Task.CompletedTask;
    }
}
