using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>The public application form as an applicant uses it: required markers, an empty number, an error summary that takes focus.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicFormBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task A_failed_submit_focuses_an_error_summary_whose_links_lead_to_the_fields(int width)
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/n/99vantwente/aanmelden");
        await Expect(page.Locator("#employees")).ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("label[for=company] .field-required")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = $"/tmp/s3-apply-{width}.png", FullPage = true });

        await page.FillAsync("#company", "Bakkerij Van Dijk");
        await page.FillAsync("#employees", "1500000");
        await page.ClickAsync("[data-testid=apply-submit]");

        var summary = page.Locator("[data-testid=apply-error-summary]");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("1.000.000");
        await Expect(page.Locator("#company")).ToHaveValueAsync("Bakkerij Van Dijk");
        await page.ScreenshotAsync(new() { Path = $"/tmp/s3-apply-errors-{width}.png" });

        await summary.Locator("a[data-focus-target=kvk]").ClickAsync();
        await Expect(page.Locator("#kvk")).ToBeFocusedAsync();
        await context.CloseAsync();
    }
}
