using System.Globalization;

namespace NinetyNine.Bench;

/// <summary>
/// Benchmarks of the running app. <c>fanout</c>: edit-to-delivery latency of the live agenda hub against a bare
/// SignalR broadcast hub, both on loopback Kestrel over WebSockets, in one run. <c>board</c>: a large board in Chromium.
/// <c>live</c>: the live pages against the stock Blazor template and the bare hub (<see cref="LiveScenario"/>).
/// </summary>
internal static class Program
{
    private const string Usage = """
        Usage: dotnet run -c Release --project bench/NinetyNine.Bench -- board [--cards N] [--navigations N] [--updates N]
          a theme group board with N cards (default 1000) in Debian's Chromium: time to visible, card update to screen
        Usage: dotnet run -c Release --project bench/NinetyNine.Bench -- fanout [options]
          --seconds N   measured duration per system (default 60)
          --warmup N    unmeasured lead-in per system (default 3)
          --clients N   hub clients in the meeting (default 50)
          --editors N   clients that edit (default 10)
          --rate N      edits per second per editor (default 10)
        Usage: dotnet run -c Release --project bench/NinetyNine.Bench -- live [--pages N] [--samples N] [--seconds N]
          live pages against the stock Blazor template and a bare hub: heap per open page (N pages per kind, default 20),
          own action to own screen (N samples per kind, default 200), fan-out and a slow receiver (N s per run, default 20)
        """;

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length > 0 && args[0] == "board")
        {
            return ParseBoard(args) is { } board ? await BoardScenario.RunAsync(board.Cards, board.Navigations, board.Updates) : Fail();
        }

        if (args.Length > 0 && args[0] == "live")
        {
            return ParseLive(args) is { } live ? await LiveScenario.RunAsync(live) : Fail();
        }

        if (Parse(args) is not { } options)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        return await FanoutAsync(options);
    }

    /// <summary>Runs the bare hub, then the app, and prints both; non-zero when an edit was lost or duplicated or anything failed.</summary>
    private static async Task<int> FanoutAsync(FanoutOptions o)
    {
        Console.WriteLine($"fanout: {o.Clients} clients in one meeting, {o.Editors} editing at {o.EditsPerSecond} edits/s each; "
            + $"{o.WarmupSeconds} s warm-up + {o.Seconds} s measured per system; {Environment.ProcessorCount} cores{LoadAverage()}");
        var cancellation = CancellationToken.None;
        await using var ours = await AppHost.StartAsync(o.Editors, cancellation);
        Console.WriteLine($"broadcast payload: {ours.PayloadBytes} bytes of JSON per edit (bare hub padded to match)");

        RunResult bare;
        await using (var bareHost = await BareHubHost.StartAsync(ours.PayloadBytes, cancellation))
        {
            bare = await FanoutScenario.RunAsync(bareHost, o, cancellation);
        }

        Print(bare);
        var result = await FanoutScenario.RunAsync(ours, o, cancellation);
        Print(result);
        foreach (var line in ours.Log.Summary())
        {
            Console.WriteLine($"[ours] server log: {line}");
        }

        var ratio = result.Latency.P99 / bare.Latency.P99;
        Console.WriteLine($"targets (reported, not asserted): ours p99 <= 3x bare p99: {(ratio <= 3 ? "met" : "missed")}; "
            + $"ours p99 <= 20 ms: {(result.Latency.P99 <= 20 ? "met" : "missed")}");
        var lost = bare.Lost + result.Lost;
        var duplicated = bare.Duplicated + result.Duplicated;
        Console.WriteLine($"fanout p99: ours {result.Latency.P99:F2} ms, bare {bare.Latency.P99:F2} ms, ratio {ratio:F2}, lost {lost}, duplicated {duplicated}");
        return lost > 0 || duplicated > 0 || bare.Errors > 0 || result.Errors > 0 ? 1 : 0;
    }

    private static int Fail()
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private static LiveOptions? ParseLive(string[] args)
    {
        var options = new LiveOptions();
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return null;
            }

            options = args[i] switch
            {
                "--pages" => options with { Pages = value },
                "--samples" => options with { Samples = value },
                "--seconds" => options with { Fanout = options.Fanout with { Seconds = value } },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options;
    }

    private static (int Cards, int Navigations, int Updates)? ParseBoard(string[] args)
    {
        var (cards, navigations, updates) = (1000, 10, 30);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return null;
            }

            switch (args[i])
            {
                case "--cards": cards = value; break;
                case "--navigations": navigations = value; break;
                case "--updates": updates = value; break;
                default: return null;
            }
        }

        return (cards, navigations, updates);
    }

    /// <summary>Other work on the machine skews every figure; say how busy it was (Linux only).</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $", load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : string.Empty;

    internal static void Print(RunResult r, string? label = null)
    {
        r = label is null ? r : r with { Name = label };
        var persisted = r.Persisted is { } stored ? $", {stored} persisted ({stored / r.Seconds:F1} edits/s)" : string.Empty;
        Console.WriteLine($"[{r.Name}] edits: {r.Sent} sent, {r.Accepted} accepted ({r.Accepted / r.Seconds:F1}/s over {r.Seconds:F1} s){persisted}");
        Console.WriteLine($"[{r.Name}] deliveries: {r.Deliveries} of {r.ExpectedDeliveries}; lost {r.Lost} edits ({r.MissingDeliveries} deliveries), "
            + $"duplicated {r.Duplicated} edits ({r.DuplicateDeliveries} deliveries); errors {r.Errors}");
        Console.WriteLine($"[{r.Name}] edit-to-delivery ms over {r.Latency.Samples} samples: p50 {r.Latency.P50:F2}, p95 {r.Latency.P95:F2}, "
            + $"p99 {r.Latency.P99:F2}, max {r.Latency.Max:F2}");
        foreach (var message in r.ErrorMessages)
        {
            Console.WriteLine($"[{r.Name}] error: {message}");
        }
    }

    private static FanoutOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "fanout")
        {
            return null;
        }

        var options = new FanoutOptions();
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            options = args[i] switch
            {
                "--seconds" => options with { Seconds = value },
                "--warmup" => options with { WarmupSeconds = value },
                "--clients" => options with { Clients = value },
                "--editors" => options with { Editors = value },
                "--rate" => options with { EditsPerSecond = value },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options is { Seconds: > 0, WarmupSeconds: >= 0, Clients: >= 2, EditsPerSecond: > 0 } && options.Editors >= 1 && options.Editors <= options.Clients
            ? options
            : null;
    }
}

/// <summary>The shape of the fan-out scenario; the defaults are the issue's.</summary>
internal sealed record FanoutOptions
{
    public int Seconds { get; init; } = 60;
    public int WarmupSeconds { get; init; } = 3;
    public int Clients { get; init; } = 50;
    public int Editors { get; init; } = 10;
    public int EditsPerSecond { get; init; } = 10;
}
