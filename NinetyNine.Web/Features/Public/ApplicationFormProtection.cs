using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;

namespace NinetyNine.Web.Features.Public;

/// <summary>
/// Guards the one anonymous write. The form's endpoint carries the limits as metadata (<see cref="ApplyPage"/>:
/// <c>[EnableRateLimiting(Policy)]</c> and <c>[RequestSizeLimit(MaxBodyBytes)]</c>), so routing applies them to every
/// spelling of its address (trailing slash, capitals). Posts are limited per client address
/// (<c>Applications:SubmissionsPerHour</c>, default 5; behind a proxy the address the proxy forwarded, see
/// <see cref="Security.HttpHardening"/>) and bodies to 64 KB. The honeypot lives in the form itself.
/// </summary>
public static class ApplicationFormProtection
{
    public const string Policy = "application-form";
    public const long MaxBodyBytes = 64 * 1024;
    public const int DefaultSubmissionsPerHour = 5;

    public static IServiceCollection AddApplicationFormProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Applications:SubmissionsPerHour", DefaultSubmissionsPerHour);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Reading the form costs nothing worth limiting; every post counts, valid or not, so a robot cannot probe for free.
            o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
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
