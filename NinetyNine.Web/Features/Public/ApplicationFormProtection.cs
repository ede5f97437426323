using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace NinetyNine.Web.Features.Public;

/// <summary>
/// Guards the one anonymous write: submissions of the public application form are limited per address
/// (<c>Applications:SubmissionsPerHour</c>, default 5) and by size. The honeypot lives in the form itself.
/// </summary>
public static class ApplicationFormProtection
{
    public const long MaxBodyBytes = 64 * 1024;
    public const int DefaultSubmissionsPerHour = 5;

    public static IServiceCollection AddApplicationFormProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Applications:SubmissionsPerHour", DefaultSubmissionsPerHour);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsSubmission(http.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = TimeSpan.FromHours(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.OnRejected = (context, cancellationToken) =>
                WriteMessageAsync(context.HttpContext, "Apply.TooMany", cancellationToken);
        });
    }

    public static IApplicationBuilder UseApplicationFormProtection(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (IsSubmission(http.Request))
            {
                if (http.Request.ContentLength > MaxBodyBytes)
                {
                    http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    await WriteMessageAsync(http, "Apply.TooLarge", http.RequestAborted);
                    return;
                }

                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxBodyBytes;
                }
            }

            await next(http);
        });
        return app.UseRateLimiter();
    }

    /// <summary>A post of a network's application form (<c>/n/{slug}/aanmelden</c>).</summary>
    public static bool IsSubmission(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsPost(request.Method)
            && request.Path.StartsWithSegments("/n", StringComparison.OrdinalIgnoreCase, out var rest)
            && rest.Value is { } tail
            && tail.Count(c => c == '/') == 2
            && tail.EndsWith("/aanmelden", StringComparison.OrdinalIgnoreCase);
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
