using Microsoft.Playwright;
using NinetyNine.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>The members page as the coordinator searches it: counts that follow the search, a hint to the other tab, names that fit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MembersBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_persons_name_on_the_employers_tab_points_to_the_people_tab_and_the_counts_follow_the_search()
    {
        var page = await browser.SignInAsync(AppFactory.Coordinator);
        await page.GotoAsync(browser.BaseUrl + "/members");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=employer-link]").First.WaitForAsync();

        await page.Locator("input[data-testid=members-search], [data-testid=members-search] input").First.FillAsync("Marloes");

        await Expect(page.GetByRole(AriaRole.Tab, new() { NameString = "Werkgevers (0)" })).ToBeVisibleAsync();
        // MudBlazor's own clear button speaks Dutch in the Dutch UI.
        await Expect(page.GetByRole(AriaRole.Button, new() { NameString = "Wissen", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameString = "Clear", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Tab, new() { NameString = "Personen (1)" })).ToBeVisibleAsync();
        var hint = page.Locator("[data-testid=members-other-tab-hint]");
        await Expect(hint).ToContainTextAsync("Geen werkgevers gevonden, wel 1 persoon.");
        await page.ScreenshotAsync(new() { Path = "/tmp/s3-members-hint-1280.png" });
        await hint.Locator("[data-testid=members-other-tab]").ClickAsync();
        await Expect(page.Locator("[data-testid=people-table]")).ToContainTextAsync("Marloes ter Horst");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task Employer_names_do_not_wrap_onto_three_lines(int width)
    {
        var page = await browser.SignInAsync(AppFactory.Coordinator, width);
        await page.GotoAsync(browser.BaseUrl + "/members");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=employer-link]").First.WaitForAsync();

        // The number of lines each name takes: its height over its line height.
        var lines = await page.Locator("[data-testid=employer-link]").EvaluateAllAsync<double[]>(
            "links => links.map(l => Math.round(l.getBoundingClientRect().height / parseFloat(getComputedStyle(l).lineHeight)))");
        await page.ScreenshotAsync(new() { Path = $"/tmp/s3-members-{width}.png", FullPage = true });

        Assert.NotEmpty(lines);
        // Nothing hangs off the right edge of the table (the edit buttons stay in view).
        if (width >= 1280)
        {
            Assert.True(await page.Locator("[data-testid=employers-table] .mud-table-container").EvaluateAsync<bool>("c => c.scrollWidth <= c.clientWidth + 1"),
                "the table is wider than its place");
        }

        Assert.All(lines, l => Assert.True(l <= 2, $"a name takes {l} lines at {width} px"));
        await page.Context.CloseAsync();
    }
}
