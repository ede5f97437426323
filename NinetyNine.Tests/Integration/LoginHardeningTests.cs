using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// The login page tells a stranger nothing about which emails have an account, and failed sign-ins are limited per
/// client address before any account is locked, so nobody can lock the coordinator out from one address.
/// </summary>
public sealed class LoginHardeningTests(AccountsAppFactory app) : IClassFixture<AccountsAppFactory>
{
    private const string Password = "Juist-Wachtwoord-2026!";

    [Fact]
    public async Task An_unknown_email_and_a_known_one_with_a_wrong_password_get_the_same_page()
    {
        const string known = "bestaat@testbedrijf.example";
        const string unknown = "bestaat-niet@testbedrijf.example";
        await app.NewAccountAsync(known, Password);

        var forKnown = await SignedInClient.PostLoginAsync(app.ClientFrom("10.20.0.1"), known, "fout-wachtwoord");
        var forUnknown = await SignedInClient.PostLoginAsync(app.ClientFrom("10.20.0.2"), unknown, "fout-wachtwoord");

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        var knownPage = (await Forms.ComparableAsync(forKnown)).Replace(known, "@", StringComparison.Ordinal);
        Assert.Equal(knownPage, (await Forms.ComparableAsync(forUnknown)).Replace(unknown, "@", StringComparison.Ordinal));
        Assert.Contains("Het e-mailadres of wachtwoord klopt niet.", knownPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_five_failures_one_address_must_wait_while_the_account_stays_usable_from_elsewhere()
    {
        const string email = "doelwit@testbedrijf.example";
        await app.NewAccountAsync(email, Password);
        var stranger = app.ClientFrom("10.21.0.1");
        for (var i = 0; i < 5; i++)
        {
            var failed = await SignedInClient.PostLoginAsync(stranger, email, "gok-" + i);
            Assert.Contains("Het e-mailadres of wachtwoord klopt niet.", await Forms.ComparableAsync(failed), StringComparison.Ordinal);
        }

        // Even the right password is not checked from this address for now.
        var throttled = await SignedInClient.PostLoginAsync(stranger, email, Password);
        Assert.Equal(HttpStatusCode.OK, throttled.StatusCode);
        Assert.Contains("Te veel pogingen, probeer het over enkele minuten opnieuw.", await Forms.ComparableAsync(throttled), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/")).StatusCode);

        // The account is not locked: its owner signs in from their own address.
        var account = await app.AccountAsync(email);
        Assert.Null(account.LockoutEnd);
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClient.PostLoginAsync(app.ClientFrom("10.21.0.2"), email, Password)).StatusCode);
    }

    [Fact]
    public async Task A_successful_sign_in_does_not_use_up_the_address_limit()
    {
        const string email = "vaak-inloggen@testbedrijf.example";
        await app.NewAccountAsync(email, Password);

        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SignedInClient.PostLoginAsync(app.ClientFrom("10.22.0.1"), email, Password)).StatusCode);
        }
    }

    [Fact]
    public async Task A_locked_account_is_named_only_to_someone_with_the_right_password()
    {
        const string email = "op-slot@testbedrijf.example";
        await app.NewAccountAsync(email, Password);
        // Ten failures from two addresses (the per-address limit is five) lock the account.
        for (var i = 0; i < 10; i++)
        {
            await SignedInClient.PostLoginAsync(app.ClientFrom(i < 5 ? "10.23.0.1" : "10.23.0.2"), email, "gok-" + i);
        }

        Assert.NotNull((await app.AccountAsync(email)).LockoutEnd);
        var wrong = await SignedInClient.PostLoginAsync(app.ClientFrom("10.23.0.3"), email, "nog-een-gok");
        var unknown = await SignedInClient.PostLoginAsync(app.ClientFrom("10.23.0.4"), "niemand@testbedrijf.example", "nog-een-gok");
        var right = await SignedInClient.PostLoginAsync(app.ClientFrom("10.23.0.5"), email, Password);

        Assert.Equal((await Forms.ComparableAsync(wrong)).Replace(email, "@", StringComparison.Ordinal),
            (await Forms.ComparableAsync(unknown)).Replace("niemand@testbedrijf.example", "@", StringComparison.Ordinal));
        Assert.DoesNotContain("geblokkeerd", await Forms.ComparableAsync(wrong), StringComparison.Ordinal);
        Assert.Contains("Uw account is 15 minuten geblokkeerd.", await Forms.ComparableAsync(right), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_account_is_named_only_to_someone_with_the_right_password()
    {
        const string email = "vertrokken@testbedrijf.example";
        await app.NewAccountAsync(email, Password);
        var person = (await app.NetworkAsync()).People.Single(p => p.Email.Value == email);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NinetyNine.Web.Features.Members.MembersService>()
                .DeactivatePersonAsync(await app.MemberAsync(AppFactory.Coordinator), person.Id);
        }

        var wrong = await SignedInClient.PostLoginAsync(app.ClientFrom("10.25.0.1"), email, "een-gok");
        var unknown = await SignedInClient.PostLoginAsync(app.ClientFrom("10.25.0.2"), "niemand-anders@testbedrijf.example", "een-gok");
        var right = await SignedInClient.PostLoginAsync(app.ClientFrom("10.25.0.3"), email, Password);

        Assert.Equal((await Forms.ComparableAsync(wrong)).Replace(email, "@", StringComparison.Ordinal),
            (await Forms.ComparableAsync(unknown)).Replace("niemand-anders@testbedrijf.example", "@", StringComparison.Ordinal));
        Assert.Contains("Dit account heeft geen toegang (meer).", await Forms.ComparableAsync(right), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_lifts_a_lock_out()
    {
        const string email = "ontgrendeld@testbedrijf.example";
        await app.NewAccountAsync(email, Password);
        for (var i = 0; i < 10; i++)
        {
            await SignedInClient.PostLoginAsync(app.ClientFrom(i < 5 ? "10.24.0.1" : "10.24.0.2"), email, "gok-" + i);
        }

        Assert.NotNull((await app.AccountAsync(email)).LockoutEnd);
        await Forms.PostAsync(app.ClientFrom("10.24.0.3"), "/account/forgot-password", "forgot", new Dictionary<string, string> { ["Input.Email"] = email });
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var body = db.OutboxMessages.Where(m => m.To == email).Select(m => m.Body).Single();
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(body, @"https?://\S+/account/reset-password\?\S+").Value).PathAndQuery;

        var reset = await Forms.PostAsync(app.ClientFrom("10.24.0.3"), link, "reset",
            new Dictionary<string, string> { ["Input.Password"] = "Weer-Binnen-2026!", ["Input.Repeat"] = "Weer-Binnen-2026!" });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Null((await app.AccountAsync(email)).LockoutEnd);
    }
}
