using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NinetyNine.Tests.Support;

/// <summary>
/// The real app as a real network starts it (see <see cref="AppFactory"/>): demo seeding off, so the database is empty
/// and migrated, and no network exists until someone founds one. Keeps what the app logs, to find the set-up code there.
/// </summary>
public class FirstStartAppFactory : AppFactory
{
    private readonly Dictionary<string, string> _settings;

    public FirstStartAppFactory(params (string Key, string Value)[] settings) =>
        _settings = settings.ToDictionary(s => s.Key, s => s.Value);

    public LogRecorder Log { get; } = new();

    /// <summary>Where this app keeps its database and files, for a second app (the command) on the same installation.</summary>
    public string ConnectionString => Services.GetRequiredService<IConfiguration>().GetConnectionString("NinetyNine")!;

    public string DataDirectory => Services.GetRequiredService<IConfiguration>()["NinetyNine:DataDirectory"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:DemoNetwork", "false");
        builder.UseSetting("Seed:DemoAccounts", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }
}

/// <summary>Every log line of the app at warning level and above, formatted.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(_lines);

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue(formatter(state, exception));
            }
        }
    }
}
