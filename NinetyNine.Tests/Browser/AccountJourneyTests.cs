using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NinetyNine.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>
/// A person who forgot their password asks for a link on the login page, opens it from the email, chooses a new
/// password and is signed in; then keeps their profile up to date and replaces their calendar address.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccountJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Forgot_password_then_the_emailed_link_then_a_new_password_and_signed_in()
    {
        const string email = "kwijt@testbedrijf.example";
        await browser.App.NewAccountAsync(email, "Vergeten-Wachtwoord-1!");
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 780 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(browser.BaseUrl + "/account/login");
        await page.ClickAsync("[data-testid=forgot-password]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Wachtwoord vergeten");
        await AccessibilityTests.AssertNoSeriousViolationAsync(page, "/account/forgot-password");
        await page.FillAsync("#email", email);
        await page.ClickAsync("[data-testid=forgot-submit]");
        await Expect(page.Locator("[data-testid=forgot-sent]")).ToContainTextAsync("2 uur geldig");

        await page.GotoAsync(await EmailedLinkAsync(email));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nieuw wachtwoord kiezen");
        await page.FillAsync("#password", "Kort");
        await page.FillAsync("#repeat", "Kort");
        await page.ClickAsync("[data-testid=reset-submit]");
        await Expect(page.Locator(".field-error").First).ToHaveTextAsync("Een wachtwoord heeft minstens 10 tekens.");
        await AccessibilityTests.AssertNoSeriousViolationAsync(page, "/account/reset-password (messages)");
        await page.FillAsync("#password", "Weer-Herinnerd-2026!");
        await page.FillAsync("#repeat", "Weer-Herinnerd-2026!");
        await page.ClickAsync("[data-testid=reset-submit]");

        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        Assert.Null((await browser.App.AccountAsync(email)).LockoutEnd);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_profile_saves_name_and_phone_and_replaces_the_calendar_address()
    {
        const string email = "mijzelf@testbedrijf.example";
        const string password = "Eigen-Profiel-2026!";
        await browser.App.NewAccountAsync(email, password);
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await BrowserFixture.WaitUntilInteractiveAsync(page);

        // The account menu leads to the profile.
        await page.Locator("[data-testid=user-menu] button").First.ClickAsync();
        await page.ClickAsync("[data-testid=user-profile]");
        await page.WaitForURLAsync(browser.BaseUrl + "/profile");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mijn profiel");
        await AccessibilityTests.AssertNoSeriousViolationAsync(page, "/profile");

        // A wrong phone number is refused at the field and nothing is saved; a right one is saved.
        await page.Locator("input[data-testid=profile-name]").FillAsync("Thea van Testbedrijf");
        await page.Locator("input[data-testid=profile-phone]").FillAsync("123");
        await page.ClickAsync("[data-testid=profile-save]");
        await Expect(page.Locator("[data-testid=profile-details]")).ToContainTextAsync("Vul een geldig telefoonnummer in (9 tot 15 cijfers).");
        Assert.Equal("Test Persoon", (await browser.App.NetworkAsync()).People.Single(p => p.Email.Value == email).Name);
        await page.Locator("input[data-testid=profile-phone]").FillAsync("06 1234 5678");
        await page.ClickAsync("[data-testid=profile-save]");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Uw gegevens zijn opgeslagen.");
        var person = (await browser.App.NetworkAsync()).People.Single(p => p.Email.Value == email);
        Assert.Equal(("Thea van Testbedrijf", "06 1234 5678"), (person.Name, person.Phone));

        // Replacing the calendar address: the old one stops working, the new one works.
        var feed = page.Locator("input[data-testid=profile-feed-url]");
        var old = await feed.InputValueAsync();
        using var http = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(old)).StatusCode);
        await page.ClickAsync("[data-testid=profile-feed-replace]");
        await page.Locator(".mud-message-box").GetByRole(AriaRole.Button, new() { Name = "Adres vervangen" }).ClickAsync();
        await Expect(feed).Not.ToHaveValueAsync(old);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(old)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(await feed.InputValueAsync())).StatusCode);
        await context.CloseAsync();
    }

    private async Task<string> EmailedLinkAsync(string email)
    {
        await using var db = await browser.App.DbFactory.CreateDbContextAsync();
        var body = await db.OutboxMessages.Where(m => m.To == email).Select(m => m.Body).SingleAsync();
        var link = LinkPattern().Match(body);
        Assert.True(link.Success, body);
        return link.Value;
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
