using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace NinetyNine.Web.Data;

/// <summary>
/// One line per aggregate (a meeting, a board, a checklist) on this server: changes to one aggregate take their turn, one
/// at a time, so editors here do not race each other's saves and their broadcasts leave in version order. The database
/// stays the judge across servers: a save that finds the aggregate changed elsewhere fails on its version, and the line
/// loads it afresh.
/// </summary>
internal sealed class AggregateLines<T>(IDbContextFactory<NinetyNineDb> dbFactory, Func<NinetyNineDb, Guid, CancellationToken, Task<T?>> load)
    where T : class
{
    private readonly ConcurrentDictionary<Guid, AggregateLine<T>> _lines = new();

    /// <summary>Runs <paramref name="work"/> when it is this aggregate's turn; the next change waits until it is done.</summary>
    public async Task<TResult> InTurnAsync<TResult>(Guid id, Func<AggregateLine<T>, Task<TResult>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var line = _lines.GetOrAdd(id, key => new AggregateLine<T>(dbFactory, key, load));
        await line.Turn.WaitAsync(cancellationToken);
        try
        {
            return await work(line);
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
/// refusal, a lost save race), the next turn loads it afresh.
/// </summary>
internal sealed class AggregateLine<T>
    where T : class
{
    private static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(2);
    private readonly IDbContextFactory<NinetyNineDb> _dbFactory;
    private readonly Guid _id;
    private readonly Func<NinetyNineDb, Guid, CancellationToken, Task<T?>> _load;
    private NinetyNineDb? _db;
    private T? _aggregate;
    private DateTimeOffset _lastUsed;

    public AggregateLine(IDbContextFactory<NinetyNineDb> dbFactory, Guid id, Func<NinetyNineDb, Guid, CancellationToken, Task<T?>> load)
    {
        (_dbFactory, _id, _load) = (dbFactory, id, load);
    }

    internal SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>True until this line has saved a change of its own since it loaded the aggregate.</summary>
    public bool Fresh { get; private set; } = true;

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
        Fresh = true;
    }
}
