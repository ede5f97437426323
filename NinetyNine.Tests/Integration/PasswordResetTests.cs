using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Web.Features.Outbox;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>"Forgot password" from the login page: a link by email through the outbox, valid two hours, usable once.</summary>
public sealed partial class PasswordResetTests(AccountsAppFactory app) : IClassFixture<AccountsAppFactory>
{
    private const string OldPassword = "Oud-Wachtwoord-2026!";
    private const string NewPassword = "Nieuw-Wachtwoord-2026!";

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_signs_the_person_in_and_works_only_once()
    {
        const string email = "vergeten@testbedrijf.example";
        await app.NewAccountAsync(email, OldPassword);
        var browser = app.ClientFrom("10.1.0.1");

        var asked = await RequestAsync(browser, email);
        Assert.Contains("Als dit adres bij ons een account heeft", await Forms.ComparableAsync(asked), StringComparison.Ordinal);
        var message = await LatestEmailToAsync(email);
        Assert.Equal("nl", message.Culture);
        Assert.Contains("2 uur geldig", message.Body, StringComparison.Ordinal);
        var link = ResetLink(message);

        // Two different passwords: the message is at the field and nothing is set.
        var mismatch = await ChooseAsync(browser, link, NewPassword, NewPassword + "x");
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", await Forms.ComparableAsync(mismatch), StringComparison.Ordinal);
        var tooShort = await ChooseAsync(browser, link, "kort", "kort");
        Assert.Contains("Een wachtwoord heeft minstens 10 tekens.", await Forms.ComparableAsync(tooShort), StringComparison.Ordinal);

        var chosen = await ChooseAsync(browser, link, NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/", chosen.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        // Used once: the same link is refused, and the old password no longer works.
        var again = await ChooseAsync(app.ClientFrom("10.1.0.2"), link, "Nog-Een-Wachtwoord-1!", "Nog-Een-Wachtwoord-1!");
        Assert.Contains("Deze link is verlopen of al gebruikt.", await Forms.ComparableAsync(again), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SignedInClient.PostLoginAsync(app.ClientFrom("10.1.0.3"), email, OldPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClient.PostLoginAsync(app.ClientFrom("10.1.0.3"), email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task The_link_expires_after_two_hours_and_the_password_stays_as_it_was()
    {
        const string email = "te-laat@testbedrijf.example";
        await app.NewAccountAsync(email, OldPassword);
        var browser = app.ClientFrom("10.2.0.1");
        await RequestAsync(browser, email);
        var link = ResetLink(await LatestEmailToAsync(email));

        app.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var late = await ChooseAsync(browser, link, NewPassword, NewPassword);

        var page = await Forms.ComparableAsync(late);
        Assert.Contains("Deze link is verlopen of al gebruikt.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/forgot-password\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClient.PostLoginAsync(app.ClientFrom("10.2.0.2"), email, OldPassword)).StatusCode);
    }

    [Fact]
    public async Task A_link_still_works_just_before_two_hours()
    {
        const string email = "net-op-tijd@testbedrijf.example";
        await app.NewAccountAsync(email, OldPassword);
        var browser = app.ClientFrom("10.3.0.1");
        await RequestAsync(browser, email);
        var link = ResetLink(await LatestEmailToAsync(email));

        app.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(browser, link, NewPassword, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_email()
    {
        const string known = "bekend@testbedrijf.example";
        const string unknown = "onbekend@testbedrijf.example";
        await app.NewAccountAsync(known, OldPassword);

        var forKnown = await Forms.ComparableAsync(await RequestAsync(app.ClientFrom("10.4.0.1"), known));
        var forUnknown = await Forms.ComparableAsync(await RequestAsync(app.ClientFrom("10.4.0.2"), unknown));

        Assert.Equal(forKnown.Replace(known, "@", StringComparison.Ordinal), forUnknown.Replace(unknown, "@", StringComparison.Ordinal));
        await using var db = await app.DbFactory.CreateDbContextAsync();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.To == known));
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.To == unknown));
    }

    [Fact]
    public async Task The_email_is_written_in_the_language_the_person_chose()
    {
        const string email = "english@testbedrijf.example";
        await app.NewAccountAsync(email, OldPassword, language: "en");

        await RequestAsync(app.ClientFrom("10.5.0.1"), email);

        var message = await LatestEmailToAsync(email);
        Assert.Equal("en", message.Culture);
        Assert.StartsWith("New password for NinetyNine", message.Subject, StringComparison.Ordinal);
        Assert.Contains("valid for 2 hours", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_requests_for_one_address_send_at_most_three_emails_and_are_answered_alike()
    {
        const string email = "overspoeld@testbedrijf.example";
        await app.NewAccountAsync(email, OldPassword);

        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            // Different client addresses: the limit is per email address, whoever asks.
            answers.Add(await Forms.ComparableAsync(await RequestAsync(app.ClientFrom($"10.6.0.{i + 1}"), email)));
        }

        Assert.Single(answers.Distinct());
        await using var db = await app.DbFactory.CreateDbContextAsync();
        Assert.Equal(3, await db.OutboxMessages.CountAsync(m => m.To == email));
    }

    [Fact]
    public async Task One_client_address_that_asks_too_often_is_told_to_wait()
    {
        var browser = app.ClientFrom("10.7.0.1");
        for (var i = 0; i < 10; i++)
        {
            Assert.Contains("Als dit adres bij ons een account heeft", await Forms.ComparableAsync(await RequestAsync(browser, $"iemand{i}@elders.example")), StringComparison.Ordinal);
        }

        var refused = await Forms.ComparableAsync(await RequestAsync(browser, "nog-iemand@elders.example"));

        Assert.Contains("Te veel aanvragen vanaf dit apparaat.", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_or_invalid_address_gets_a_message_at_the_field()
    {
        var page = await Forms.ComparableAsync(await RequestAsync(app.ClientFrom("10.8.0.1"), "geen-adres"));

        Assert.Contains("Vul een geldig e-mailadres in.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"geen-adres\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_missing_token_is_refused()
    {
        var userId = await app.NewAccountAsync("vervalst@testbedrijf.example", OldPassword);

        var forged = await ChooseAsync(app.ClientFrom("10.9.0.1"), $"/account/reset-password?user={userId}&token=abc", NewPassword, NewPassword);
        var missing = await ChooseAsync(app.ClientFrom("10.9.0.1"), "/account/reset-password", NewPassword, NewPassword);

        Assert.Contains("Deze link is verlopen of al gebruikt.", await Forms.ComparableAsync(forged), StringComparison.Ordinal);
        Assert.Contains("Deze link is verlopen of al gebruikt.", await Forms.ComparableAsync(missing), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_links_to_the_request()
    {
        var page = await SignedInClient.Anonymous(app).GetStringAsync("/account/login");

        Assert.Contains("href=\"/account/forgot-password\"", page, StringComparison.Ordinal);
        Assert.Contains("Wachtwoord vergeten?", page, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, string email) =>
        Forms.PostAsync(client, "/account/forgot-password", "forgot", new Dictionary<string, string> { ["Input.Email"] = email });

    private static Task<HttpResponseMessage> ChooseAsync(HttpClient client, string path, string password, string repeat) =>
        Forms.PostAsync(client, path, "reset", new Dictionary<string, string> { ["Input.Password"] = password, ["Input.Repeat"] = repeat });

    private async Task<OutboxMessage> LatestEmailToAsync(string email)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.To == email).ToListAsync();
        return messages.OrderBy(m => m.CreatedAt).Last();
    }

    private static string ResetLink(OutboxMessage message)
    {
        var link = LinkPattern().Match(message.Body);
        Assert.True(link.Success, message.Body);
        return new Uri(link.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
