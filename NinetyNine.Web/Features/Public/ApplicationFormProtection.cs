using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;

namespace NinetyNine.Web.Features.Public;

/// <summary>
/// Guards the one anonymous write. The form's endpoint carries its body limit as metadata (<see cref="ApplyPage"/>:
/// <c>[RequestSizeLimit(MaxBodyBytes)]</c>), so routing applies it to every spelling of its address (trailing slash,
/// capitals); bodies are limited to 64 KB. The submission limit is counted by the form itself through
/// <see cref="ApplicationFormThrottle"/>: only accepted applications and posts with the honeypot filled count, so an
/// applicant who makes a few mistakes is never locked out, and a limited post gets the form back with its input.
/// </summary>
public static class ApplicationFormProtection
{
    public const long MaxBodyBytes = 64 * 1024;
    public const int DefaultSubmissionsPerHour = 5;

    public static IServiceCollection AddApplicationFormProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Applications:SubmissionsPerHour", DefaultSubmissionsPerHour);
        services.AddSingleton(sp => new ApplicationFormThrottle(sp.GetRequiredService<TimeProvider>(), permits));
        // The app's rate limiter (other features add their policies to it, e.g. the set-up page).
        return services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
    }

    /// <summary>
    /// After routing: a body announced larger than its endpoint allows is refused with a readable page before it is
    /// read; a body that turns out larger (no length given) is cut off by the server at the same limit.
    /// </summary>
    public static IApplicationBuilder UseApplicationFormProtection(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { MaxRequestBodySize: { } max })
            {
                if (http.Request.ContentLength > max)
                {
                    http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    await WriteMessageAsync(http, "Apply.TooLarge", http.RequestAborted);
                    return;
                }

                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = max;
                }
            }

            await next(http);
        });
        return app.UseRateLimiter();
    }

    private static async ValueTask WriteMessageAsync(HttpContext http, string key, CancellationToken cancellationToken)
    {
        var message = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[key];
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>NinetyNine</title></head>"
            + $"<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem\"><p>{WebUtility.HtmlEncode(message)}</p></body></html>",
            cancellationToken);
    }
}

/// <summary>
/// Counts, per client address and over the last hour, the applications accepted from it and the posts that filled in
/// the honeypot. The form asks <see cref="IsLimited"/> before it applies and <see cref="Count"/> after; two posts racing
/// past the check at the same moment may both get through, which a limit against floods can live with.
/// </summary>
public sealed class ApplicationFormThrottle(TimeProvider time, int permitsPerHour)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _counted = new(StringComparer.Ordinal);

    public int PermitsPerHour => permitsPerHour;

    public bool IsLimited(string client)
    {
        if (!_counted.TryGetValue(client, out var times))
        {
            return false;
        }

        lock (times)
        {
            Forget(times);
            return times.Count >= permitsPerHour;
        }
    }

    public void Count(string client)
    {
        var times = _counted.GetOrAdd(client, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Forget(times);
            times.Enqueue(time.GetUtcNow());
        }

        // Addresses that went quiet are dropped, so the table does not grow with every address ever seen.
        if (_counted.Count > 10_000)
        {
            foreach (var (key, queue) in _counted)
            {
                lock (queue)
                {
                    Forget(queue);
                    if (queue.Count == 0)
                    {
                        _counted.TryRemove(key, out _);
                    }
                }
            }
        }
    }

    private void Forget(Queue<DateTimeOffset> times)
    {
        var cutoff = time.GetUtcNow() - Window;
        while (times.Count > 0 && times.Peek() <= cutoff)
        {
            times.Dequeue();
        }
    }
}
