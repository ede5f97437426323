using System.Collections.Concurrent;
using System.Diagnostics;

namespace NinetyNine.Bench;

/// <summary>
/// Records, in one process and on one clock (<see cref="Stopwatch.GetTimestamp"/>), when each edit was sent and when
/// each client received it. Latency samples are taken at the clients other than the sender, for edits sent after the
/// warm-up; every client, the sender included, counts for lost and duplicated edits.
/// </summary>
internal sealed class LatencyRecorder(int clients)
{
    private const int MaxDistinctErrors = 20;

    private readonly ConcurrentDictionary<Guid, Edit> _edits = new();
    private readonly ClientLog[] _clients = [.. Enumerable.Range(0, clients).Select(_ => new ClientLog())];
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private long _errorCount;
    private long _deliveries;
    private long _unexpected;

    /// <summary>Call just before sending: the send time is taken here.</summary>
    public void Sent(Guid operationId, int sender, bool measured) =>
        _edits[operationId] = new Edit(sender, measured, Stopwatch.GetTimestamp());

    /// <summary>The sender's answer: accepted (null) or the reason it was refused.</summary>
    public void Acknowledged(Guid operationId, string? refusal)
    {
        if (refusal is null)
        {
            _edits[operationId].Accepted = true;
        }
        else
        {
            Error($"refused: {refusal}");
        }
    }

    /// <summary>Call first thing when <paramref name="client"/> receives an edit.</summary>
    public void Delivered(int client, Guid operationId)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_edits.TryGetValue(operationId, out var edit))
        {
            Interlocked.Increment(ref _unexpected);
            return;
        }

        var log = _clients[client];
        lock (log)
        {
            if (!log.Seen.Add(operationId))
            {
                log.Duplicates.Add(operationId);
                return;
            }

            if (edit.Measured && edit.Sender != client)
            {
                log.Latencies.Add(now - edit.SentAt);
            }
        }

        Interlocked.Increment(ref _deliveries);
    }

    public void Error(string message)
    {
        Interlocked.Increment(ref _errorCount);
        if (_errors.Count < MaxDistinctErrors || _errors.ContainsKey(message))
        {
            _errors.AddOrUpdate(message, 1, (_, n) => n + 1);
        }
    }

    /// <summary>Waits until every client has every accepted edit, or the timeout passes (what is missing then is lost).</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var expected = (long)_edits.Values.Count(e => e.Accepted) * _clients.Length;
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Interlocked.Read(ref _deliveries) < expected && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }
    }

    public RunResult Result(string name, long? persisted, double seconds)
    {
        var accepted = _edits.Where(e => e.Value.Accepted).Select(e => e.Key).ToList();
        int lost = 0, missing = 0;
        var duplicated = new HashSet<Guid>();
        var duplicateDeliveries = 0;
        var samples = new List<long>();
        foreach (var log in _clients)
        {
            lock (log)
            {
                samples.AddRange(log.Latencies);
                duplicated.UnionWith(log.Duplicates);
                duplicateDeliveries += log.Duplicates.Count;
            }
        }

        foreach (var operationId in accepted)
        {
            var absent = _clients.Count(log =>
            {
                lock (log)
                {
                    return !log.Seen.Contains(operationId);
                }
            });
            missing += absent;
            lost += absent > 0 ? 1 : 0;
        }

        var unexpected = Interlocked.Read(ref _unexpected);
        if (unexpected > 0)
        {
            Error($"{unexpected} deliveries of edits nobody sent");
        }

        return new RunResult(name, _edits.Count, accepted.Count, persisted, seconds,
            Interlocked.Read(ref _deliveries), (long)accepted.Count * _clients.Length,
            Latency.Of(samples), lost, missing, duplicated.Count, duplicateDeliveries,
            Interlocked.Read(ref _errorCount), _errors.OrderByDescending(e => e.Value).Select(e => $"{e.Value} x {e.Key}").ToList());
    }

    private sealed class Edit(int sender, bool measured, long sentAt)
    {
        public int Sender { get; } = sender;
        public bool Measured { get; } = measured;
        public long SentAt { get; } = sentAt;
        public volatile bool Accepted;
    }

    private sealed class ClientLog
    {
        public HashSet<Guid> Seen { get; } = [];
        public List<Guid> Duplicates { get; } = [];
        public List<long> Latencies { get; } = [];
    }
}

/// <summary>Edit-to-delivery latency in milliseconds (nearest-rank percentiles over every sample).</summary>
internal sealed record Latency(int Samples, double P50, double P95, double P99, double Max)
{
    public static Latency Of(List<long> timestampTicks)
    {
        if (timestampTicks.Count == 0)
        {
            return new Latency(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        timestampTicks.Sort();
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double At(double quantile) => Ms(timestampTicks[Math.Max(0, (int)Math.Ceiling(quantile * timestampTicks.Count) - 1)]);
        return new Latency(timestampTicks.Count, At(0.50), At(0.95), At(0.99), Ms(timestampTicks[^1]));
    }
}

/// <summary>What one system did in one run.</summary>
internal sealed record RunResult(
    string Name,
    int Sent,
    int Accepted,
    long? Persisted,
    double Seconds,
    long Deliveries,
    long ExpectedDeliveries,
    Latency Latency,
    int Lost,
    int MissingDeliveries,
    int Duplicated,
    int DuplicateDeliveries,
    long Errors,
    IReadOnlyList<string> ErrorMessages);
