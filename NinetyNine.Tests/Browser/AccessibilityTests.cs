using Deque.AxeCore.Playwright;
using NinetyNine.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>axe-core finds no serious or critical accessibility violation on the pages of the foundation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task Login_page_has_no_serious_violation()
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/account/login");

        await AssertNoSeriousViolationAsync(page, "/account/login");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("/n/99vantwente")]
    [InlineData("/n/99vantwente/aanmelden")]
    public async Task Public_pages_have_no_serious_violation(string path)
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 780 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + path);

        await AssertNoSeriousViolationAsync(page, path);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_application_form_with_its_messages_shown_has_no_serious_violation()
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/n/99vantwente/aanmelden");
        await page.ClickAsync("[data-testid=apply-submit]");
        await page.WaitForSelectorAsync(".field-error");

        await AssertNoSeriousViolationAsync(page, "/n/99vantwente/aanmelden (messages)");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/members")]
    [InlineData("/theme-groups")]
    [InlineData("/meetings")]
    [InlineData("/applications")]
    [InlineData("/decisions")]
    [InlineData("/onboarding")]
    [InlineData("/onboarding/template")]
    [InlineData("/advice")]
    [InlineData("/members/people")]
    [InlineData("/profile")]
    public async Task Signed_in_pages_have_no_serious_violation(string path)
    {
        var page = await browser.SignInAsync(AppFactory.Coordinator);
        await page.GotoAsync(browser.BaseUrl + path);
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("h1").First.WaitForAsync();

        await AssertNoSeriousViolationAsync(page, path);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Live_meeting_page_has_no_serious_violation()
    {
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var page = await browser.SignInAsync(AppFactory.Coordinator);
        await page.GotoAsync($"{browser.BaseUrl}/meetings/{meetingId}");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("textarea[data-testid=notes]").First.WaitForAsync();
        // The coordinator's own chip among the attendees turns green once her presence is in: check the page as it then is.
        await Expect(page.Locator("[data-testid=attendee][data-online=true]")).ToHaveCountAsync(1);

        await AssertNoSeriousViolationAsync(page, "/meetings/{id}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Onboarding_checklist_and_its_dialog_have_no_serious_violation()
    {
        var page = await browser.SignInAsync(AppFactory.Coordinator);
        await page.GotoAsync(browser.BaseUrl + "/onboarding");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=onboarding-link]").First.ClickAsync();
        await page.Locator("[data-testid=connection-state]", new() { HasTextString = "Live" }).WaitForAsync();
        await AssertNoSeriousViolationAsync(page, "/onboarding/{id}");

        await page.Locator("[data-testid=step-2] [data-testid=step-menu] button").ClickAsync();
        await page.ClickAsync("[data-testid=menu-skip]");
        await page.ClickAsync("[data-testid=dialog-save]");
        await page.Locator("[data-testid=step-action-dialog] .mud-input-error").First.WaitForAsync();
        await AssertNoSeriousViolationAsync(page, "/onboarding/{id} skip dialog");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("theme-group")]
    [InlineData("theme-group-edit")]
    [InlineData("board")]
    [InlineData("employer")]
    [InlineData("application")]
    [InlineData("minutes")]
    public async Task Detail_pages_have_no_serious_violation(string which)
    {
        var path = await PathAsync(which);
        var page = await browser.SignInAsync(AppFactory.Coordinator);
        await page.GotoAsync(browser.BaseUrl + path);
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("h1").First.WaitForAsync();
        await Expect(page.Locator("[data-testid=not-found]")).ToHaveCountAsync(0);
        if (which == "board")
        {
            await page.Locator("[data-testid=card-open]").First.WaitForAsync();
        }

        await AssertNoSeriousViolationAsync(page, path);
        await page.ScreenshotAsync(new() { Path = $"/tmp/s3-{which}-1280.png", FullPage = true });
        await page.SetViewportSizeAsync(360, 780);
        await page.ScreenshotAsync(new() { Path = $"/tmp/s3-{which}-360.png", FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_card_dialog_has_no_serious_violation()
    {
        var page = await browser.SignInAsync(AppFactory.Coordinator);
        await page.GotoAsync(browser.BaseUrl + await PathAsync("board"));
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=card-open]").First.ClickAsync();
        await page.Locator("[data-testid=card-dialog-title]").WaitForAsync();

        await AssertNoSeriousViolationAsync(page, "board card dialog");
        await page.Context.CloseAsync();
    }

    private async Task<string> PathAsync(string which)
    {
        var network = await browser.App.NetworkAsync();
        await using var db = await browser.App.DbFactory.CreateDbContextAsync();
        var group = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.ThemeGroups);
        return which switch
        {
            "theme-group" => $"/theme-groups/{group.Id.Value}",
            "theme-group-edit" => $"/theme-groups/{group.Id.Value}/edit",
            "board" => $"/theme-groups/{group.Id.Value}/board",
            "employer" => $"/members/employers/{network.Employers[0].Id.Value}",
            "application" => $"/applications/{(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Applications)).Id.Value}",
            "minutes" => $"/meetings/{await HubClients.NewMeetingAsync(browser.App)}/minutes",
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };
    }

    internal static async Task AssertNoSeriousViolationAsync(Microsoft.Playwright.IPage page, string path)
    {
        // Colours are measured at rest: a chip halfway through its colour transition is not what anyone reads.
        await page.EvaluateAsync("""
            () => Promise.race([new Promise(r => setTimeout(r, 2000)), Promise.all(document.getAnimations()
              .filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity)).map(a => a.finished.catch(() => null)))])
            """);
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ToList();

        Assert.True(serious.Count == 0, $"{path}:\n" + string.Join("\n", serious));
    }
}
