using Microsoft.Playwright;
using NinetyNine.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>With the Content-Security-Policy in force, the live pages still start, connect and take edits, and the browser reports no violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityPolicyBrowserTests(BrowserFixture browser)
{
    /// <summary>Records every violation the page reports (the event fires whatever the console shows).</summary>
    private const string ViolationRecorder =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task The_meeting_page_goes_live_under_the_policy_without_a_single_violation()
    {
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await context.AddInitScriptAsync(ViolationRecorder);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");

        await page.GotoAsync(browser.BaseUrl + "/account/login");
        await page.FillAsync("#email", AppFactory.Coordinator);
        await page.FillAsync("#password", AppFactory.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        var csp = (await page.Context.APIRequest.GetAsync(browser.BaseUrl + $"/meetings/{meetingId}")).Headers["content-security-policy"];
        await page.GotoAsync(browser.BaseUrl + $"/meetings/{meetingId}");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=connection-state]")).ToHaveTextAsync("Live verbonden", new() { Timeout = 15_000 });

        // Interactive for real: an edit goes through the circuit and comes back on the agenda.
        await page.FillAsync("[data-testid=add-agenda-item] input", "Punt onder het beleid");
        await page.ClickAsync("[data-testid=add-item-button]");
        await Expect(page.Locator("[data-testid=item-title]", new() { HasTextString = "Punt onder het beleid" })).ToBeVisibleAsync();

        // The minutes (print button) and the public form (static) load under the same policy.
        await page.GotoAsync(browser.BaseUrl + $"/meetings/{meetingId}/minutes");
        await Expect(page.Locator("[data-testid=minutes-download]")).ToBeVisibleAsync();
        await page.GotoAsync(browser.BaseUrl + "/n/99vantwente/aanmelden");
        await Expect(page.Locator("#company")).ToBeVisibleAsync();

        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__cspViolations"));
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
        await context.CloseAsync();
    }
}
