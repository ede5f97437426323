using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Live;

/// <summary>What the server answers a live command: accepted, or refused with a reason fit to show.</summary>
public interface ILiveResult
{
    bool Accepted { get; }
    string? Error { get; }
}

/// <summary>
/// Where a live client gets its aggregate: a snapshot (with the sequence it was read at), the changes after a sequence
/// (null: too many or gone, take a snapshot), and a subscription to the changes (with a callback when it was dropped for
/// falling behind). A page takes it in-process from the service and the <see cref="ILiveFeed"/>; a hub client from its hub.
/// </summary>
public sealed record LiveSource<TSnapshot, TChange>(
    Func<CancellationToken, Task<TSnapshot?>> Snapshot,
    Func<long, CancellationToken, Task<IReadOnlyList<TChange>?>> Since,
    Func<Action<TChange>, Action, IDisposable> Subscribe)
    where TSnapshot : class
    where TChange : class;

/// <summary>
/// The client side of a live aggregate, once for all of them: applies changes in sequence order (an early one waits for
/// the missing one), catches up by sequence after a gap or when the feed dropped it (or takes a fresh snapshot), resends
/// with the same operation id what was not acknowledged (the server ignores a duplicate), and keeps one list of failures.
/// A feature adds only its part: how a snapshot and a change are applied to its own state.
/// </summary>
public abstract class LiveClient<TSnapshot, TChange> : ILiveClient, IDisposable, IAsyncDisposable
    where TSnapshot : class
    where TChange : class
{
    private readonly LiveSource<TSnapshot, TChange> _source;
    private readonly Lock _sync = new();
    private readonly SortedDictionary<long, TChange> _early = [];
    private readonly Dictionary<Guid, Func<Task>> _unacknowledged = [];
    private readonly List<string> _failures = [];
    private readonly List<IAsyncDisposable> _owned = [];
    private IDisposable? _subscription;
    private int _catchingUp;
    private bool _disposed;

    protected LiveClient(LiveSource<TSnapshot, TChange> source) => _source = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>Raised after any change with the ids it touched (empty: anything may have changed); handlers must be quick.</summary>
    public event Action<IReadOnlyCollection<Guid>>? Changed;

    /// <summary>Raised when the server refused something this client asked for, with the reason.</summary>
    public event Action<string>? Refused;

    /// <summary>The sequence number of the last change applied.</summary>
    public long Sequence { get; private set; }

    public HubConnectionState State { get; private set; } = HubConnectionState.Connecting;

    /// <summary>What the server refused, oldest first.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_sync)
            {
                return [.. _failures];
            }
        }
    }

    /// <summary>How many commands were sent but not acknowledged yet (they are resent after a reconnect).</summary>
    public int Unacknowledged
    {
        get
        {
            lock (_sync)
            {
                return _unacknowledged.Count;
            }
        }
    }

    /// <summary>How often this client took a fresh snapshot because it could not catch up change by change.</summary>
    public int Resyncs { get; private set; }

    /// <summary>Subscribes first, then reads the snapshot, so nothing published in between is missed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Subscribe();
        await LoadSnapshotAsync(cancellationToken);
        SetState(HubConnectionState.Connected);
    }

    /// <summary>
    /// After a reconnect or a dropped subscription: subscribe again, take what was missed and resend what was not
    /// acknowledged. A hub client calls it from its connection's Reconnected.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken = default)
    {
        SetState(HubConnectionState.Reconnecting);
        Subscribe();
        await CatchUpAsync(cancellationToken);
        await ResendAsync();
        SetState(HubConnectionState.Connected);
    }

    /// <summary>The connection went away (a hub client): nothing arrives until <see cref="RecoverAsync"/>.</summary>
    public void Lost() => SetState(HubConnectionState.Reconnecting);

    /// <summary>Takes the missed changes, or a fresh snapshot when they are no longer at hand.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _catchingUp, 1) == 1)
        {
            return;
        }

        try
        {
            var missed = await _source.Since(Sequence, cancellationToken);
            if (missed is null)
            {
                Resyncs++;
                await LoadSnapshotAsync(cancellationToken);
                return;
            }

            foreach (var change in missed)
            {
                Receive(change);
            }
        }
        catch (Exception e) when (IsTransient(e) || e is HubException)
        {
            Fail(e is HubException ? e.Message : Text.Get("Live.NotConnected"));
        }
        finally
        {
            Volatile.Write(ref _catchingUp, 0);
        }
    }

    /// <summary>One change from the feed: applied when it is the next, kept when it is early (then the gap is filled).</summary>
    public void Receive(TChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var gap = false;
        lock (_sync)
        {
            var sequence = SequenceOf(change);
            if (sequence <= Sequence)
            {
                return; // Already in the state this client has.
            }

            _early[sequence] = change;
            gap = !_early.ContainsKey(Sequence + 1);
        }

        if (gap)
        {
            _ = CatchUpAsync();
            return;
        }

        Drain();
    }

    /// <summary>
    /// Sends a command with its operation id. A refusal goes to <see cref="Failures"/>; a send that did not reach the
    /// server stays unacknowledged and is resent by <see cref="RecoverAsync"/> with the same operation id.
    /// </summary>
    protected async Task<TResult> SendAsync<TResult>(Guid operationId, Func<Task<TResult>> send, Func<string, TResult> refused)
        where TResult : ILiveResult
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(refused);
        lock (_sync)
        {
            _unacknowledged[operationId] = async () => await SendAsync(operationId, send, refused);
        }

        TResult result;
        try
        {
            result = await send();
        }
        catch (Exception e) when (IsTransient(e))
        {
            var notSent = refused(Text.Get("Live.NotConnected"));
            Fail(notSent.Error ?? string.Empty);
            return notSent; // Still unacknowledged: resent after the reconnect.
        }
        catch (HubException e)
        {
            result = refused(e.Message);
        }

        lock (_sync)
        {
            _unacknowledged.Remove(operationId);
        }

        if (!result.Accepted)
        {
            Fail(result.Error ?? string.Empty);
        }

        return result;
    }

    /// <summary>True while the command with this operation id was sent but not answered (it is resent after a reconnect).</summary>
    protected bool IsUnacknowledged(Guid operationId)
    {
        lock (_sync)
        {
            return _unacknowledged.ContainsKey(operationId);
        }
    }

    /// <summary>Tells the page that the feature's own state changed (presence, a notes field), with the ids it touched.</summary>
    protected void NotifyChanged(IReadOnlyCollection<Guid> touched) => Changed?.Invoke(touched);

    /// <summary>The sequence number a change carries.</summary>
    protected abstract long SequenceOf(TChange change);

    /// <summary>The sequence number a snapshot was read at.</summary>
    protected abstract long SequenceOf(TSnapshot snapshot);

    /// <summary>The feature's part: replace its state by the snapshot (under the client's lock).</summary>
    protected abstract void Load(TSnapshot snapshot);

    /// <summary>The feature's part: apply one change in order (under the client's lock); returns the ids it touched.</summary>
    protected abstract IReadOnlyCollection<Guid> Apply(TChange change);

    /// <summary>Reads the feature's state under the client's lock.</summary>
    protected T Read<T>(Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_sync)
        {
            return read();
        }
    }

    /// <summary>A failure of the connection (nothing reached the server), not a refusal.</summary>
    protected virtual bool IsTransient(Exception e) =>
        e is InvalidOperationException or HttpRequestException or IOException or TimeoutException or System.Net.WebSockets.WebSocketException;

    /// <summary>Disposes <paramref name="transport"/> (a hub connection) with this client.</summary>
    public void Owns(IAsyncDisposable transport) => _owned.Add(transport ?? throw new ArgumentNullException(nameof(transport)));

    public async ValueTask DisposeAsync()
    {
        Dispose();
        foreach (var transport in _owned)
        {
            await transport.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _subscription?.Dispose();
        }
    }

    private void Subscribe()
    {
        _subscription?.Dispose();
        _subscription = _source.Subscribe(Receive, () =>
        {
            // The feed dropped this client for falling behind: it comes back and catches up by sequence.
            if (!_disposed)
            {
                _ = RecoverAsync();
            }
        });
    }

    private async Task LoadSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _source.Snapshot(cancellationToken);
        if (snapshot is null)
        {
            Fail(Text.Get("Live.Gone"));
            return;
        }

        lock (_sync)
        {
            Load(snapshot);
            Sequence = SequenceOf(snapshot);
            foreach (var stale in _early.Keys.Where(s => s <= Sequence).ToList())
            {
                _early.Remove(stale);
            }
        }

        Changed?.Invoke([]);
        Drain();
    }

    private void Drain()
    {
        while (true)
        {
            IReadOnlyCollection<Guid> touched;
            lock (_sync)
            {
                if (!_early.Remove(Sequence + 1, out var next))
                {
                    return;
                }

                touched = Apply(next);
                Sequence++;
            }

            Changed?.Invoke(touched);
        }
    }

    private async Task ResendAsync()
    {
        List<Func<Task>> pending;
        lock (_sync)
        {
            pending = [.. _unacknowledged.Values];
        }

        foreach (var resend in pending)
        {
            await resend();
        }
    }

    private void Fail(string error)
    {
        lock (_sync)
        {
            _failures.Add(error);
        }

        Refused?.Invoke(error);
    }

    private void SetState(HubConnectionState state)
    {
        State = state;
        Changed?.Invoke([]);
    }
}
