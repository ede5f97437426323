using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Meetings.Calendar;
using NinetyNine.Web.Features.Profile;
using NinetyNine.Web.Security;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>A person's own profile: name and phone, language, password and calendar address.</summary>
public sealed class ProfileTests(AccountsAppFactory app) : IClassFixture<AccountsAppFactory>
{
    private const string Password = "Mijn-Profiel-2026!";

    [Fact]
    public async Task Name_and_phone_are_saved_on_the_person_against_the_version_seen()
    {
        const string email = "profiel@testbedrijf.example";
        await app.NewAccountAsync(email, Password);
        var member = await app.MemberAsync(email);
        var profiles = app.Services.GetRequiredService<ProfileService>();
        var seen = await profiles.LoadAsync(member);

        var version = await profiles.SaveContactDetailsAsync(member, seen.NetworkVersion, new ChangeContactDetails { Name = " Thea Test ", Phone = "06 1234 5678" });

        var person = (await app.NetworkAsync()).People.Single(p => p.Id == member.PersonId);
        Assert.Equal("Thea Test", person.Name);
        Assert.Equal("06 1234 5678", person.Phone);
        Assert.Equal(seen.NetworkVersion + 1, version);
        // A second save against the version seen before the first one is a conflict, and changes nothing.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            profiles.SaveContactDetailsAsync(member, seen.NetworkVersion, new ChangeContactDetails { Name = "Iemand Anders", Phone = null }));
        Assert.Equal("Thea Test", (await app.NetworkAsync()).People.Single(p => p.Id == member.PersonId).Name);
    }

    [Fact]
    public async Task Invalid_details_are_refused_before_anything_is_saved()
    {
        const string email = "ongeldig@testbedrijf.example";
        await app.NewAccountAsync(email, Password);
        var member = await app.MemberAsync(email);
        var profiles = app.Services.GetRequiredService<ProfileService>();
        var seen = await profiles.LoadAsync(member);

        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            profiles.SaveContactDetailsAsync(member, seen.NetworkVersion, new ChangeContactDetails { Name = "Thea", Phone = "123" }));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(ChangeContactDetails.Phone));
        Assert.Null((await app.NetworkAsync()).People.Single(p => p.Id == member.PersonId).Phone);
    }

    [Fact]
    public async Task The_chosen_language_is_remembered_and_applied_at_the_next_sign_in()
    {
        const string email = "taal@testbedrijf.example";
        await app.NewAccountAsync(email, Password);
        var client = await SignInFromAsync(email, Password, "10.30.0.1");

        // The app bar's quick switch sets only this browser's cookie; the profile's choice is remembered.
        await client.GetAsync("/culture?c=en&returnUrl=%2F");
        Assert.Null((await app.AccountAsync(email)).Language);
        await client.GetAsync("/culture?c=en&remember=true&returnUrl=%2Fprofile");

        Assert.Equal("en", (await app.AccountAsync(email)).Language);
        // A new browser (no language cookie yet) gets English as soon as the person signs in.
        var fresh = app.ClientFrom("10.30.0.2");
        var signIn = await SignedInClient.PostLoginAsync(fresh, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den", StringComparison.Ordinal));
        Assert.Contains("Next core group meeting", await fresh.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_page_shows_the_person_and_is_linked_from_the_account_menu()
    {
        const string email = "pagina@testbedrijf.example";
        await app.NewAccountAsync(email, Password);
        var client = await SignInFromAsync(email, Password, "10.31.0.1");

        var profile = await client.GetAsync("/profile");
        var page = WebUtility.HtmlDecode(await profile.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("Mijn profiel", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClient.Anonymous(app).GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_keeps_the_person_signed_in()
    {
        const string email = "wijzigen@testbedrijf.example";
        const string newPassword = "Ander-Wachtwoord-2026!";
        await app.NewAccountAsync(email, Password);
        var client = await SignInFromAsync(email, Password, "10.32.0.1");

        var wrongCurrent = await ChangeAsync(client, "niet-het-huidige", newPassword, newPassword);
        Assert.Contains("Het huidige wachtwoord klopt niet.", await Forms.ComparableAsync(wrongCurrent), StringComparison.Ordinal);
        var mismatch = await ChangeAsync(client, Password, newPassword, newPassword + "x");
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", await Forms.ComparableAsync(mismatch), StringComparison.Ordinal);

        var changed = await ChangeAsync(client, Password, newPassword, newPassword);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/profile?password=changed", changed.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignedInClient.PostLoginAsync(app.ClientFrom("10.32.0.2"), email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClient.PostLoginAsync(app.ClientFrom("10.32.0.3"), email, newPassword)).StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_is_limited_like_signing_in()
    {
        const string email = "sessie-open@testbedrijf.example";
        await app.NewAccountAsync(email, Password);
        var client = await SignInFromAsync(email, Password, "10.33.0.1");
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("Het huidige wachtwoord klopt niet.", await Forms.ComparableAsync(await ChangeAsync(client, "gok-" + i, "Nieuw-Gegokt-2026!", "Nieuw-Gegokt-2026!")),
                StringComparison.Ordinal);
        }

        var throttled = await ChangeAsync(client, Password, "Nieuw-Gegokt-2026!", "Nieuw-Gegokt-2026!");

        Assert.Contains("Te veel pogingen, probeer het over enkele minuten opnieuw.", await Forms.ComparableAsync(throttled), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClient.PostLoginAsync(app.ClientFrom("10.33.0.2"), email, Password)).StatusCode);
    }

    [Fact]
    public async Task A_replaced_calendar_address_is_refused_and_the_new_one_works()
    {
        const string email = "agenda@testbedrijf.example";
        var userId = await app.NewAccountAsync(email, Password);
        var user = (await app.MemberAsync(email)).User;
        var feeds = app.Services.GetRequiredService<CalendarFeeds>();
        var anonymous = SignedInClient.Anonymous(app);
        var old = await feeds.PathForAsync(user);
        // An address handed out before addresses could be replaced carries only the account.
        var legacy = $"/calendar/{app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("NinetyNine.CalendarFeed.v1").Protect(userId)}.ics";
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(legacy)).StatusCode);

        var replaced = await feeds.ReplaceAsync(user);

        Assert.Equal((userId, 1), Token(feeds, replaced));
        Assert.Equal((userId, 1), Token(feeds, await feeds.PathForAsync(user)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(legacy)).StatusCode);
        var calendar = Ical.Net.Calendar.Load(await anonymous.GetStringAsync(replaced))!;
        Assert.NotNull(calendar);
        Assert.Equal(1, (await app.AccountAsync(email)).CalendarFeedVersion);
    }

    [Fact]
    public async Task Nobody_can_replace_an_address_without_an_account()
    {
        var stranger = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "not-an-account")], "test"));

        await Assert.ThrowsAsync<ForbiddenException>(() => app.Services.GetRequiredService<CalendarFeeds>().ReplaceAsync(stranger));
    }

    private static (string, int)? Token(CalendarFeeds feeds, string path) => feeds.Read(path["/calendar/".Length..^".ics".Length]);

    private async Task<HttpClient> SignInFromAsync(string email, string password, string address)
    {
        var client = app.ClientFrom(address);
        var response = await SignedInClient.PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string password, string repeat) =>
        Forms.PostAsync(client, "/profile/password", "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = current,
            ["Input.Password"] = password,
            ["Input.Repeat"] = repeat,
        });
}
