using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// An app that allows one submission an hour per client, trusts 10.0.0.1 as its proxy, and lets a test name the peer
/// address a request comes from (the <c>X-Test-Peer</c> header, read before anything else runs).
/// </summary>
public sealed class BehindProxyApp : AppFactory
{
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Applications:SubmissionsPerHour", "1");
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", "10.0.0.1");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromHeader>());
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

/// <summary>An app that knows its HTTPS port, as a deployment behind TLS does.</summary>
public sealed class HttpsApp : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("https_port", "443");
    }
}

/// <summary>The public form's limits hold for every spelling of its address and count real clients behind a proxy.</summary>
public sealed partial class FormProtectionTests
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? peer = null, string? forwardedFor = null, int motivationLength = 20)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/n/99vantwente/aanmelden");
        Headers(get, peer, forwardedFor);
        var page = await (await client.SendAsync(get)).Content.ReadAsStringAsync();
        using var post = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(RobotForm(TokenPattern().Match(page).Groups[1].Value, motivationLength)),
        };
        Headers(post, peer, forwardedFor);
        return await client.SendAsync(post);
    }

    /// <summary>A complete form with the hidden field filled in: such posts count towards the limit (mistakes do not).</summary>
    private static Dictionary<string, string> RobotForm(string token, int motivationLength)
    {
        var fields = PublicApplicationTests.ValidForm("63000001", "Bedrijf");
        fields["Input.Motivation"] = new string('x', motivationLength);
        fields["fax"] = "+31 00 000 0000";
        fields["_handler"] = "apply";
        fields["__RequestVerificationToken"] = token;
        return fields;
    }

    private static void Headers(HttpRequestMessage request, string? peer, string? forwardedFor)
    {
        if (peer is not null)
        {
            request.Headers.Add(BehindProxyApp.PeerHeader, peer);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
    }

    private static HttpClient Client(AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task A_trailing_slash_or_capitals_do_not_get_around_the_limit_per_address()
    {
        using var app = new BehindProxyApp();
        var client = Client(app);

        var first = await PostAsync(client, "/n/99vantwente/aanmelden/");
        // (The network's slug itself is exact: another spelling of it names no network and has no form to post.)
        var second = await PostAsync(client, "/N/99vantwente/Aanmelden/");
        var third = await PostAsync(client, "/n/99vantwente/aanmelden");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("te veel aanmeldingen", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/n/99vantwente/aanmelden/")).StatusCode);
    }

    [Theory]
    [InlineData("/n/99vantwente/aanmelden")]
    [InlineData("/n/99vantwente/aanmelden/")]
    [InlineData("/N/99VANTWENTE/AANMELDEN/")]
    public async Task An_oversized_post_is_refused_at_every_spelling_of_the_address(string path)
    {
        using var app = new BehindProxyApp();

        var response = await PostAsync(Client(app), path, motivationLength: 100_000);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("te groot", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_client_has_its_own_limit_and_a_stranger_cannot_pick_one()
    {
        using var app = new BehindProxyApp();
        var client = Client(app);

        var anna = await PostAsync(client, "/n/99vantwente/aanmelden", peer: "10.0.0.1", forwardedFor: "203.0.113.5");
        var annaAgain = await PostAsync(client, "/n/99vantwente/aanmelden", peer: "10.0.0.1", forwardedFor: "203.0.113.5");
        var bram = await PostAsync(client, "/n/99vantwente/aanmelden", peer: "10.0.0.1", forwardedFor: "203.0.113.6");
        // Not a known proxy: its forwarded address is ignored, so changing it does not buy a fresh limit.
        var stranger = await PostAsync(client, "/n/99vantwente/aanmelden", peer: "198.51.100.7", forwardedFor: "203.0.113.7");
        var strangerDisguised = await PostAsync(client, "/n/99vantwente/aanmelden", peer: "198.51.100.7", forwardedFor: "203.0.113.8");

        Assert.Equal(
            [HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests],
            new[] { anna, annaAgain, bram, stranger, strangerDisguised }.Select(r => r.StatusCode));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>Security headers on pages, downloads and the public form; HTTPS rules outside Development.</summary>
public sealed partial class SecurityHeadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static void AssertHardened(HttpResponseMessage response, string what)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var scripts = Regex.Match(csp, "script-src ([^;]+)").Groups[1].Value;
        Assert.StartsWith("'self'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", scripts, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{what}: nosniff");
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "same-origin", $"{what}: referrer policy");
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", $"{what}: X-Frame-Options");
    }

    /// <summary>The page's only inline script is the import map, and the policy allows exactly it by its hash.</summary>
    private static async Task AssertInlineScriptsHashedAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var inline = InlineScript().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.All(inline, script =>
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'", csp, StringComparison.Ordinal));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" onclick=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" onload=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_downloads_and_the_public_form_carry_the_security_headers()
    {
        var meetingId = await HubClients.NewMeetingAsync(app);
        var member = await SignedInClient.SignInAsync(app, AppFactory.CoreGroupMember);
        var anonymous = SignedInClient.Anonymous(app);

        var page = await member.GetAsync("/meetings");
        var minutes = await member.GetAsync($"/meetings/{meetingId}/minutes.md");
        var calendar = await member.GetAsync($"/meetings/{meetingId}.ics");
        var publicPage = await anonymous.GetAsync("/n/99vantwente");
        var form = await anonymous.GetAsync("/n/99vantwente/aanmelden");
        var login = await anonymous.GetAsync("/account/login");
        var missing = await anonymous.GetAsync("/bestaat/niet");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            new[] { page, minutes, calendar, publicPage, form, login }.Select(r => r.StatusCode));
        AssertHardened(page, "page");
        AssertHardened(minutes, "minutes.md");
        AssertHardened(calendar, ".ics");
        AssertHardened(publicPage, "public page");
        AssertHardened(form, "public form");
        AssertHardened(login, "login");
        AssertHardened(missing, "not found");
        await AssertInlineScriptsHashedAsync(page);
        await AssertInlineScriptsHashedAsync(form);
        Assert.Contains("<script type=\"importmap\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_plain_http_is_sent_to_https_which_carries_hsts_and_secure_cookies()
    {
        using var https = new HttpsApp();
        var plain = https.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://ninetynine.example") });
        var secure = https.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://ninetynine.example") });

        var redirect = await plain.GetAsync("/n/99vantwente");
        var login = await secure.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("https://ninetynine.example/n/99vantwente", redirect.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
