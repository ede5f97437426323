using Microsoft.EntityFrameworkCore;
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
    public async Task The_live_and_working_pages_run_under_the_policy_without_a_single_violation()
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

        var violations = new List<string>(await page.EvaluateAsync<string[]>("window.__cspViolations"));

        // The other live and working pages (each a new document: its violations are read before leaving it), the minutes
        // (print button) and the public form (static) load under the same policy.
        var groupId = (await browser.App.ThemeGroupIdAsync("Werkgelegenheid creëren")).Value;
        string checklistId;
        await using (var db = await browser.App.DbFactory.CreateDbContextAsync())
        {
            checklistId = (await db.OnboardingChecklists.AsNoTracking().Select(c => c.Id).FirstAsync()).Value.ToString();
        }

        foreach (var (path, ready, interactive) in new[]
        {
            ("/", "[data-testid=dashboard-title]", true),
            ($"/theme-groups/{groupId}/board", "[data-testid=column-name]", true),
            ($"/onboarding/{checklistId}", "[data-testid=checklist-progress]", true),
            ("/members", "[data-testid=members-search]", true),
            ($"/meetings/{meetingId}/minutes", "[data-testid=minutes-download]", false),
            ("/n/99vantwente/aanmelden", "#company", false),
        })
        {
            await page.GotoAsync(browser.BaseUrl + path);
            await Expect(page.Locator(ready).First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            if (interactive)
            {
                await BrowserFixture.WaitUntilInteractiveAsync(page);
            }

            violations.AddRange((await page.EvaluateAsync<string[]>("window.__cspViolations")).Select(v => $"{path}: {v}"));
        }

        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Empty(violations);
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
        await context.CloseAsync();
    }
}
