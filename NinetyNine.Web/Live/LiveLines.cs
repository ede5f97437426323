using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Live;

/// <summary>
/// One line per aggregate (a meeting, a board, a checklist) on this server: changes to one aggregate take their turn, one
/// at a time, so editors here do not race each other's saves and their changes get their sequence numbers in order. The
/// database stays the judge across servers: a save that finds the aggregate changed elsewhere fails on its version, and
/// the line loads it afresh. Whatever fails inside a turn, the kept aggregate is dropped before the failure goes on.
/// </summary>
internal sealed class LiveLines<T>(IDbContextFactory<NinetyNineDb> dbFactory, Func<NinetyNineDb, Guid, CancellationToken, Task<T?>> load)
    where T : class
{
    private readonly ConcurrentDictionary<Guid, LiveLine<T>> _lines = new();

    /// <summary>Runs <paramref name="work"/> when it is this aggregate's turn; the next change waits until it is done.</summary>
    public async Task<TResult> InTurnAsync<TResult>(Guid id, Func<LiveLine<T>, Task<TResult>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var line = _lines.GetOrAdd(id, key => new LiveLine<T>(dbFactory, key, load));
        await line.Turn.WaitAsync(cancellationToken);
        try
        {
            return await work(line);
        }
        catch
        {
            // Any failure, not only a refusal: nothing half-applied may stay in memory for the next change.
            await line.ForgetAsync();
            throw;
        }
        finally
        {
            line.Turn.Release();
        }
    }
}

/// <summary>
/// The aggregate as this server last saved it, still tracked by its own context, so a burst of changes costs a save each
/// instead of a load and a save. After two idle minutes, and whenever the work calls <see cref="ForgetAsync"/> (a
/// refusal, a lost save race, any exception), the next turn loads it afresh.
/// </summary>
internal sealed class LiveLine<T>
    where T : class
{
    private static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(2);
    private readonly IDbContextFactory<NinetyNineDb> _dbFactory;
    private readonly Guid _id;
    private readonly Func<NinetyNineDb, Guid, CancellationToken, Task<T?>> _load;
    private NinetyNineDb? _db;
    private T? _aggregate;
    private DateTimeOffset _lastUsed;

    public LiveLine(IDbContextFactory<NinetyNineDb> dbFactory, Guid id, Func<NinetyNineDb, Guid, CancellationToken, Task<T?>> load)
    {
        (_dbFactory, _id, _load) = (dbFactory, id, load);
    }

    internal SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>True until this line has saved a change of its own since it loaded the aggregate.</summary>
    public bool Fresh { get; private set; } = true;

    /// <summary>The last operation sequence number this line knows of (read with the aggregate, kept after each save).</summary>
    public long? Sequence { get; set; }

    public void Saved() => Fresh = false;

    /// <summary>The kept context and aggregate, or a fresh load (null when there is no such aggregate).</summary>
    public async Task<(NinetyNineDb Db, T? Aggregate)> OpenAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_db is not null && now - _lastUsed > MaxIdle)
        {
            await ForgetAsync();
        }

        _lastUsed = now;
        if (_db is null)
        {
            _db = await _dbFactory.CreateDbContextAsync(cancellationToken);
            _aggregate = await _load(_db, _id, cancellationToken);
        }

        return (_db, _aggregate);
    }

    /// <summary>Drops what is kept: nothing of a refused or lost change may ride along with the next one.</summary>
    public async Task ForgetAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        _db = null;
        _aggregate = null;
        Sequence = null;
        Fresh = true;
    }
}
