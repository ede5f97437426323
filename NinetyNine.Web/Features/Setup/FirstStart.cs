using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Features.Setup;

/// <summary>
/// The first start of an installation without a network: a one-time set-up code (printed to the log at start), whether
/// set-up is still open (no network yet), and one founding at a time. Once a network exists, set-up is closed for good.
/// </summary>
public sealed class FirstStart(IDbContextFactory<NinetyNineDb> dbFactory)
{
    public const string Path = "/setup";
    public const string RateLimitPolicy = "first-start";

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private volatile bool _closed;

    /// <summary>The set-up code of this run of the app: 12 characters (60 bits), new at every start.</summary>
    public string Code { get; } = NewCode();

    /// <summary>One founding at a time, so two people with the code cannot both found the first network.</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>True while the installation has no network.</summary>
    public async Task<bool> IsOpenAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Networks.AnyAsync(cancellationToken))
        {
            _closed = true;
        }

        return !_closed;
    }

    /// <summary>Whether <paramref name="code"/> is this run's code (spaces, hyphens and case do not matter), compared in constant time.</summary>
    public bool Accepts(string? code) =>
        code is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Normalise(code)), Encoding.UTF8.GetBytes(Normalise(Code)));

    internal void Close() => _closed = true;

    private static string Normalise(string code) =>
        new([.. code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);

    private static string NewCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 12);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }
}

/// <summary>Tells whoever starts the app how to set it up, when there is no network yet.</summary>
internal sealed class SetupCodeAnnouncer(FirstStart firstStart, ILogger<SetupCodeAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await firstStart.IsOpenAsync(cancellationToken))
        {
            // A warning, so it shows whatever the log level: the app cannot be used until a network is founded.
            logger.LogWarning("No network yet. Open {Path} in the browser and enter the set-up code {Code}, or run "
                + "'dotnet run --project NinetyNine.Web -- network create --help'. The code changes at every start.", FirstStart.Path, firstStart.Code);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class FirstStartServices
{
    public const int DefaultRequestsPerHour = 20;

    /// <summary>First start: the code, the founding service, the announcement at start and the set-up page's rate limit.</summary>
    public static IServiceCollection AddFirstStart(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Setup:RequestsPerHour", DefaultRequestsPerHour);
        services.AddSingleton<FirstStart>();
        services.AddScoped<NetworkFounding>();
        services.AddHostedService<SetupCodeAnnouncer>();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(FirstStart.RateLimitPolicy, new SetupRateLimit(permits)));
        return services;
    }

    /// <summary>
    /// While no network exists, the start page and the sign-in page lead to set-up; once one exists, the set-up page is
    /// not found. Place it after the status code pages, so that "not found" is the app's own page.
    /// </summary>
    public static IApplicationBuilder UseFirstStart(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var path = http.Request.Path;
            var setup = path.Equals(FirstStart.Path, StringComparison.OrdinalIgnoreCase);
            var entry = HttpMethods.IsGet(http.Request.Method) && (path == "/" || path.Equals("/account/login", StringComparison.OrdinalIgnoreCase));
            if (setup || entry)
            {
                var open = await http.RequestServices.GetRequiredService<FirstStart>().IsOpenAsync(http.RequestAborted);
                if (setup && !open)
                {
                    // A page view gets the app's "not found" page; a post gets the status only (re-executed as a post,
                    // the not-found page would refuse it for its missing antiforgery token).
                    if (!HttpMethods.IsGet(http.Request.Method) && http.Features.Get<IStatusCodePagesFeature>() is { } pages)
                    {
                        pages.Enabled = false;
                    }

                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                if (entry && open)
                {
                    http.Response.Redirect(FirstStart.Path);
                    return;
                }
            }

            await next(http);
        });

    /// <summary>Requests to the set-up page per address and hour: the code cannot be guessed by trying.</summary>
    private sealed class SetupRateLimit(int permits) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, cancellationToken) =>
        {
            var l = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            return new ValueTask(context.HttpContext.Response.WriteAsync(l["Setup.TooMany"], cancellationToken));
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromHours(1),
                QueueLimit = 0,
            });
    }
}
