using Microsoft.Playwright;
using NinetyNine.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class FoundationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Coordinator_signs_in_sees_the_Dutch_dashboard_and_switches_to_English()
    {
        var page = await browser.SignInAsync(AppFactory.Coordinator);

        await Expect(page.Locator("[data-testid=dashboard-title]")).ToHaveTextAsync("99vanTwente");
        await Expect(page.Locator("[data-testid=next-meeting]")).ToContainTextAsync("Volgend kerngroepoverleg");
        await Expect(page.Locator("[data-testid=next-meeting-agenda] li")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-testid=theme-groups]")).ToContainTextAsync("Werkgelegenheid creëren");

        await page.ClickAsync("[data-testid=language-menu] button");
        await page.ClickAsync("[data-testid=language-en]");
        await BrowserFixture.WaitUntilInteractiveAsync(page);

        await Expect(page.Locator("[data-testid=next-meeting]")).ToContainTextAsync("Next core group meeting");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_fits_a_phone_screen_without_sideways_scrolling()
    {
        var page = await browser.SignInAsync(AppFactory.CoreGroupMember, width: 360, height: 780);

        await Expect(page.Locator("[data-testid=jobs]")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(overflow <= 0, $"The dashboard is {overflow}px wider than a 360px phone screen.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Coordinator_adds_an_employer_and_a_wrong_KvK_number_is_explained_at_the_field()
    {
        var page = await browser.SignInAsync(AppFactory.Coordinator);
        await page.GotoAsync(browser.BaseUrl + "/members");
        await BrowserFixture.WaitUntilInteractiveAsync(page);

        await page.ClickAsync("[data-testid=add-employer]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("Bedrijfsnaam").FillAsync("Houtbouw Twente");
        await dialog.GetByLabel("KvK-nummer").FillAsync("1234");
        await dialog.GetByLabel("Sector").FillAsync("Bouw");
        await dialog.GetByLabel("Plaats").FillAsync("Enschede");
        await page.ClickAsync("[data-testid=dialog-save]");

        await Expect(dialog).ToContainTextAsync("Een KvK-nummer bestaat uit precies 8 cijfers.");
        await Expect(dialog.GetByLabel("Bedrijfsnaam")).ToHaveValueAsync("Houtbouw Twente");

        await dialog.GetByLabel("KvK-nummer").FillAsync("8765 4321");
        await page.ClickAsync("[data-testid=dialog-save]");

        await Expect(page.Locator("[data-testid=employers-table]")).ToContainTextAsync("Houtbouw Twente");
        await Expect(page.Locator("[data-testid=employers-table]")).ToContainTextAsync("87654321");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_from_the_user_menu_ends_the_session()
    {
        var page = await browser.SignInAsync(AppFactory.Advisor);

        await page.ClickAsync("[data-testid=user-menu] button");
        await Expect(page.Locator("[data-testid=user-roles]")).ToHaveTextAsync("Adviseur (advocaat)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + "/account/login");

        await page.GotoAsync(browser.BaseUrl + "/members");
        Assert.StartsWith(browser.BaseUrl + "/account/login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wrong_password_in_the_browser_shows_the_reason_and_keeps_the_email()
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/account/login");
        await page.FillAsync("#email", AppFactory.Participant);
        await page.FillAsync("#password", "definitely-wrong");
        await page.ClickAsync("[data-testid=login-submit]");

        await Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("Het e-mailadres of wachtwoord klopt niet.");
        await Expect(page.Locator("#email")).ToHaveValueAsync(AppFactory.Participant);
        await context.CloseAsync();
    }
}
