using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace NinetyNine.Bench;

/// <summary>
/// Counts an app's open Blazor circuits (a <see cref="CircuitHandler"/> the benchmark adds to the app's services), so a
/// heap measurement starts only when the pages closed before it have really let go of their circuits.
/// </summary>
internal sealed class CircuitCounter
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public void AddTo(IServiceCollection services) => services.AddScoped<CircuitHandler>(_ => new Handler(this));

    /// <summary>Waits until exactly <paramref name="count"/> circuits are open; false when that did not happen in time.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Open != count)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private sealed class Handler(CircuitCounter counter) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._open);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref counter._open);
            return Task.CompletedTask;
        }
    }
}
