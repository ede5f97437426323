using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace NinetyNine.Bench;

/// <summary>A hub under test: it puts clients in one meeting (a SignalR group) and broadcasts their edits to all of them.</summary>
internal interface IFanoutSystem
{
    string Name { get; }

    /// <summary>
    /// Connects client <paramref name="index"/> over WebSockets and joins the meeting; <paramref name="delivered"/> is
    /// called with the operation id of every edit the client receives.
    /// </summary>
    Task<FanoutClient> ConnectAsync(int index, bool editor, Action<Guid> delivered, CancellationToken cancellationToken);

    /// <summary>How many edits the system has stored, or null when it stores nothing.</summary>
    Task<long?> PersistedAsync(CancellationToken cancellationToken);

    /// <summary>A client in the meeting that stops reading (see <see cref="StalledClient"/>).</summary>
    Task<StalledClient> ConnectStalledAsync(CancellationToken cancellationToken);
}

/// <summary>One hub connection and how it sends an edit (null when accepted, otherwise why not).</summary>
internal sealed class FanoutClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Func<HubConnection, Guid, int, int, Task<string?>> _edit;

    public FanoutClient(HubConnection connection, Func<HubConnection, Guid, int, int, Task<string?>> edit)
    {
        _connection = connection;
        _edit = edit;
        _connection.Closed += e =>
        {
            Failure ??= e?.Message ?? "connection closed";
            return Task.CompletedTask;
        };
    }

    /// <summary>Why the connection closed before the end of the run, if it did.</summary>
    public string? Failure { get; private set; }

    public Task<string?> EditAsync(Guid operationId, int editor, int number) => _edit(_connection, operationId, editor, number);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

/// <summary>
/// The fan-out scenario against one system: every client joins one meeting, the first
/// <see cref="FanoutOptions.Editors"/> of them each send <see cref="FanoutOptions.EditsPerSecond"/> edits a second on
/// a fixed schedule (open loop: an edit is sent on time whether or not the previous one was answered), then the run
/// waits for every accepted edit to reach every client. With <c>stalled</c>, one more client joins the meeting and stops
/// reading; it is not among the measured clients and is reset two seconds after the last edit was sent, so a system
/// that waits for it cannot hang the run (what waited shows as latency).
/// </summary>
internal static class FanoutScenario
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    public static async Task<RunResult> RunAsync(IFanoutSystem system, FanoutOptions options, CancellationToken cancellationToken, bool stalled = false)
    {
        var recorder = new LatencyRecorder(options.Clients);
        var clients = new List<FanoutClient>(options.Clients);
        StalledClient? slow = null;
        try
        {
            for (var i = 0; i < options.Clients; i++)
            {
                var index = i;
                clients.Add(await system.ConnectAsync(index, index < options.Editors, op => recorder.Delivered(index, op), cancellationToken));
            }

            if (stalled)
            {
                slow = await system.ConnectStalledAsync(cancellationToken);
            }

            // Let the join broadcasts (presence) settle before the clock starts.
            await Task.Delay(500, cancellationToken);
            var persistedBefore = await system.PersistedAsync(cancellationToken);

            var interval = Stopwatch.Frequency / options.EditsPerSecond;
            var editsPerEditor = (options.WarmupSeconds + options.Seconds) * options.EditsPerSecond;
            var warmupEdits = options.WarmupSeconds * options.EditsPerSecond;
            var start = Stopwatch.GetTimestamp();

            async Task EditorAsync(int editor)
            {
                // Editors are spread evenly over the interval, so the edits arrive at a steady rate.
                var offset = interval * editor / options.Editors;
                var sends = new List<Task>(editsPerEditor);
                for (var n = 0; n < editsPerEditor; n++)
                {
                    var wait = start + offset + (n * interval) - Stopwatch.GetTimestamp();
                    if (wait > 0)
                    {
                        await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken);
                    }

                    sends.Add(SendAsync(clients[editor], recorder, editor, n, measured: n >= warmupEdits));
                }

                await Task.WhenAll(sends);
            }

            var editing = Task.WhenAll(Enumerable.Range(0, options.Editors).Select(e => Task.Run(() => EditorAsync(e), cancellationToken)));
            if (slow is not null)
            {
                // Whether or not the sends were answered: the schedule ends after warm-up + measured seconds.
                var release = TimeSpan.FromSeconds(options.WarmupSeconds + options.Seconds + 2) - Stopwatch.GetElapsedTime(start);
                if (release > TimeSpan.Zero)
                {
                    await Task.Delay(release, cancellationToken);
                }

                await slow.DisposeAsync();
                slow = null;
            }

            await editing;
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            await recorder.DrainAsync(DrainTimeout);

            var persistedAfter = await system.PersistedAsync(cancellationToken);
            foreach (var failure in clients.Select(c => c.Failure).OfType<string>())
            {
                recorder.Error($"connection closed: {failure}");
            }

            return recorder.Result(system.Name, persistedAfter - persistedBefore, seconds);
        }
        finally
        {
            if (slow is not null)
            {
                await slow.DisposeAsync();
            }

            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task SendAsync(FanoutClient client, LatencyRecorder recorder, int editor, int number, bool measured)
    {
        var operationId = Guid.NewGuid();
        recorder.Sent(operationId, editor, measured);
        try
        {
            recorder.Acknowledged(operationId, await client.EditAsync(operationId, editor, number));
        }
        catch (Exception e)
        {
            recorder.Error($"send failed: {e.GetType().Name}: {e.Message}");
        }
    }
}
