using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Security;

namespace NinetyNine.Tests.Integration;

/// <summary>Ordinary events are not warnings or errors in the app's log: a start on a new database, a session that closes.</summary>
public sealed class QuietLogTests
{
    private sealed class LoggingApp : AppFactory
    {
        public ConcurrentQueue<(LogLevel Level, string Category, EventId Event, string Message)> Entries { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new Recorder(Entries)));
        }
    }

    private sealed class Recorder(ConcurrentQueue<(LogLevel, string, EventId, string)> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string, EventId, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, category, eventId, formatter(state, exception)));
        }
    }

    [Fact]
    public async Task Migrating_a_new_database_logs_no_warning_about_non_transactional_operations()
    {
        using var app = new LoggingApp();

        Assert.NotNull(await app.NetworkAsync());

        Assert.DoesNotContain(app.Entries, e => e.Level >= LogLevel.Warning && e.Category.StartsWith("Microsoft.EntityFrameworkCore.Migrations", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Entries, e => e.Level >= LogLevel.Warning && e.Message.Contains("transaction", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_session_that_closes_while_its_rights_are_checked_again_is_not_an_error()
    {
        using var app = new LoggingApp();
        var member = await app.MemberAsync(AppFactory.Coordinator);
        var provider = new RevalidatingAuthenticationStateProvider(app.Services.GetRequiredService<ILoggerFactory>(),
            app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions>>());
        using var closed = new CancellationTokenSource();
        await closed.CancelAsync();

        // The check ends quietly instead of throwing (the base class logs any exception from it as an error).
        var valid = await provider.ValidateAsync(new AuthenticationState(member.User), closed.Token);

        Assert.True(valid);
        Assert.DoesNotContain(app.Entries, e => e.Level >= LogLevel.Error);
    }
}
