using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NinetyNine.Bench;

/// <summary>
/// Takes the hosted app's log (warnings and worse, as configured) off the console and counts it by kind, so a run
/// with thousands of retried saves prints a few lines: how often, what, and one example.
/// </summary>
internal sealed class ServerLog : ILoggerProvider
{
    private const int MaxExampleLength = 240;
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>One line per kind of entry, most frequent first.</summary>
    public IReadOnlyList<string> Summary() =>
        [.. _entries.Values.OrderByDescending(e => e.Count).Select(e => $"{e.Count} x {e.Example}")];

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, EventId eventId, string message, Exception? exception)
    {
        var cause = exception is null ? null : Innermost(exception);
        var key = $"{level} {category}[{eventId.Id}] {cause?.GetType().Name}: {cause?.Message}";
        var entry = _entries.GetOrAdd(key, _ =>
        {
            var what = cause is null ? message.Split('\n')[0].Trim() : $"{cause.GetType().Name}: {cause.Message}";
            var text = $"{level} {category}: {what}";
            return new Entry(text.Length > MaxExampleLength ? text[..MaxExampleLength] + "..." : text);
        });
        Interlocked.Increment(ref entry.Count);
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    private sealed class Entry(string example)
    {
        public string Example { get; } = example;
        public int Count;
    }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Add(logLevel, category, eventId, formatter(state, exception), exception);
            }
        }
    }
}
