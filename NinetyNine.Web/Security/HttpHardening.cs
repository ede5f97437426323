using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace NinetyNine.Web.Security;

/// <summary>
/// What every response carries and how the app sees its clients: the real client address and scheme behind a proxy
/// (<c>ForwardedHeaders:KnownProxies</c> and <c>ForwardedHeaders:KnownNetworks</c>; loopback is always trusted),
/// security headers (a Content-Security-Policy the app passes, nosniff, a referrer policy, no framing), cookies marked
/// <c>Secure</c> on HTTPS requests, and outside Development HSTS and a redirect to HTTPS (<c>Security:HttpsRedirection</c>).
/// </summary>
public static class HttpHardening
{
    private static readonly ConcurrentDictionary<string, string> ScriptHashes = new();

    public static IServiceCollection AddHttpHardening(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.None;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(180);
            o.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>First in the pipeline: the client as the proxy saw it, then the headers, cookies and HTTPS rules.</summary>
    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                AddSecurityHeaders(http);
                return Task.CompletedTask;
            });
            return next(http);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            if (app.Configuration.GetValue("Security:HttpsRedirection", true))
            {
                app.UseHttpsRedirection();
            }
        }

        app.UseCookiePolicy();
        return app;
    }

    private static void AddSecurityHeaders(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(http);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
    }

    /// <summary>
    /// Scripts from the app itself only, plus the one inline script Blazor renders (the import map of the page's
    /// endpoint), allowed by its hash. Styles from the app and inline (MudBlazor sets style attributes and its theme
    /// variables); connections (the circuit's WebSocket) to the app only; nothing may frame the app.
    /// </summary>
    public static string ContentSecurityPolicy(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var scripts = "'self'";
        if (http.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is { } importMap)
        {
            scripts += $" '{ScriptHashes.GetOrAdd(importMap.ToString(), Sha256)}'";
        }

        return $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static string Sha256(string script) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
}
