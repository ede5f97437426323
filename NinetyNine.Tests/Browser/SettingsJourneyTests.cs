using Microsoft.Playwright;
using NinetyNine.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>The coordinator keeps the network's settings in a real browser, on a laptop and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_coordinator_changes_the_region_starts_and_archives_a_theme_group_and_the_page_keeps_it()
    {
        var page = await browser.SignInAsync(AppFactory.Coordinator);
        await page.ClickAsync("[data-testid=nav-settings]");
        await page.WaitForURLAsync(browser.BaseUrl + "/settings");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        var region = page.Locator("input[data-testid=settings-region]");
        await Expect(region).ToHaveValueAsync("Twente");
        await AccessibilityTests.AssertNoSeriousViolationAsync(page, "/settings");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "settings-1280.png"), FullPage = true });

        // A refusal is said at the field; nothing is saved.
        await region.FillAsync(" ");
        await page.ClickAsync("[data-testid=settings-save]");
        await Expect(page.Locator(".mud-input-control", new() { Has = region })).ToContainTextAsync("Regio");
        await region.FillAsync("Twente en omstreken");
        await page.ClickAsync("[data-testid=settings-save]");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("De instellingen zijn opgeslagen.");

        await page.FillAsync("input[data-testid=group-new-name]", "Duurzame inzetbaarheid");
        await page.FillAsync("input[data-testid=group-new-goal]", "Mensen met een arbeidsbeperking blijven aan het werk.");
        await page.ClickAsync("[data-testid=group-new-save]");
        var row = page.Locator("[data-testid=group-row]", new() { HasTextString = "Duurzame inzetbaarheid" });
        await Expect(row).ToBeVisibleAsync();
        await row.Locator("[data-testid=group-archive]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Archiveren" }).ClickAsync();
        await Expect(row.Locator("[data-testid=group-archived]")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("input[data-testid=settings-region]")).ToHaveValueAsync("Twente en omstreken");
        await Expect(page.Locator("[data-testid=group-row]", new() { HasTextString = "Duurzame inzetbaarheid" }).Locator("[data-testid=group-archived]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_settings_fit_the_screen_and_pass_the_accessibility_check()
    {
        var page = await browser.SignInAsync(AppFactory.Coordinator, width: 360, height: 780);
        await page.GotoAsync(browser.BaseUrl + "/settings");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=agenda-row]").First).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the phone");
        await AccessibilityTests.AssertNoSeriousViolationAsync(page, "/settings at 360 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "settings-360.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
