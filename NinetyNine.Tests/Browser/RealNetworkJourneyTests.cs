using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Setup;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>
/// A real network from its first start, in the browser, without any demo data: the set-up page with the logged code
/// founds the network, its coordinator chooses a password from the emailed link, adds a participating employer and a
/// person of it, gives that person the core group role and invites them; the new core group member chooses a password
/// from their own email and sees the next meeting's agenda.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RealNetworkJourneyTests(BrowserFixture browser)
{
    private const string CoordinatorEmail = "fleur@denormaalstezaak.example";
    private const string MemberEmail = "j.bosch@bosch-metaal.example";

    [Fact]
    public async Task From_first_start_to_a_new_core_group_member_reading_the_agenda()
    {
        await using var app = new FirstStartAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        var code = app.Services.GetRequiredService<FirstStart>().Code;

        // First start: the app sends the visitor to set-up, which asks for the code from the log.
        var founder = await NewPageAsync();
        await founder.GotoAsync(baseUrl + "/");
        await founder.WaitForURLAsync(baseUrl + "/setup");
        await AccessibilityTests.AssertNoSeriousViolationAsync(founder, "/setup (code)");
        await founder.FillAsync("#code", code);
        await founder.ClickAsync("[data-testid=setup-code-submit]");
        await AccessibilityTests.AssertNoSeriousViolationAsync(founder, "/setup (form)");
        await founder.FillAsync("#name", "99vanUtrecht");
        await founder.FillAsync("#slug", "99van-utrecht");
        await founder.FillAsync("#region", "Utrecht");
        await founder.FillAsync("#coordinator-name", "Fleur de Wit");
        await founder.FillAsync("#coordinator-email", CoordinatorEmail);
        await founder.FillAsync("#coordinator-organisation", "De Normaalste Zaak");
        await founder.FillAsync("#first-meeting", DateTime.Today.AddDays(10).ToString("yyyy-MM-dd"));
        await founder.FillAsync("#meeting-time", "08:30");
        await founder.ClickAsync("[data-testid=setup-submit]");
        await Expect(founder.Locator("[data-testid=setup-done]")).ToContainTextAsync("99vanUtrecht");
        await founder.Context.CloseAsync();

        // The coordinator's welcome email: choose a password, and she is in.
        var fleur = await NewPageAsync();
        await ChoosePasswordAsync(fleur, await LinkAsync(app, CoordinatorEmail), "Fleur-Begint-2026!");
        await fleur.WaitForURLAsync(baseUrl + "/");
        await BrowserFixture.WaitUntilInteractiveAsync(fleur);

        // A participating employer and one of its people, who joins the core group.
        await fleur.GotoAsync(baseUrl + "/members");
        await BrowserFixture.WaitUntilInteractiveAsync(fleur);
        await fleur.ClickAsync("[data-testid=add-employer]");
        var dialog = fleur.Locator(".mud-dialog");
        await dialog.GetByLabel("Bedrijfsnaam").FillAsync("Bosch Metaal");
        await dialog.GetByLabel("KvK-nummer").FillAsync("6543 2109");
        await dialog.GetByLabel("Sector").FillAsync("Metaal");
        await dialog.GetByLabel("Plaats").FillAsync("Utrecht");
        await fleur.ClickAsync("[data-testid=dialog-save]");
        await Expect(fleur.Locator("[data-testid=employers-table]")).ToContainTextAsync("Bosch Metaal");

        await fleur.GotoAsync(baseUrl + "/members/people");
        await BrowserFixture.WaitUntilInteractiveAsync(fleur);
        await fleur.ClickAsync("[data-testid=add-person]");
        await fleur.FillAsync("input[data-testid=person-name-input]", "Jeroen Bosch");
        await fleur.FillAsync("input[data-testid=person-email-input]", MemberEmail);
        await fleur.ClickAsync("[data-testid=person-employer]");
        await fleur.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "Bosch Metaal" }).ClickAsync();
        await fleur.ClickAsync("[data-testid=dialog-save]");
        var row = fleur.Locator("[data-testid=people-list] tbody tr", new() { HasTextString = "Jeroen Bosch" });
        await Expect(row).ToBeVisibleAsync();

        await row.Locator("[data-testid=person-roles-button]").ClickAsync();
        foreach (var role in new[] { "Deelnemer", "Kerngroep" })
        {
            await fleur.ClickAsync("[data-testid=assign-role-select]");
            await fleur.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = role }).First.ClickAsync();
            await fleur.ClickAsync("[data-testid=assign-role]");
            await Expect(fleur.Locator("[data-testid=current-roles]")).ToContainTextAsync(role);
        }

        await fleur.ClickAsync("[data-testid=roles-close]");
        await Expect(row.Locator("[data-testid=person-roles]")).ToContainTextAsync("Kerngroep");
        await Expect(row.Locator("[data-testid=person-invitation]")).ToBeVisibleAsync();

        // Jeroen's own email: a password, then the next core group meeting and its agenda.
        var jeroen = await NewPageAsync();
        await ChoosePasswordAsync(jeroen, await LinkAsync(app, MemberEmail), "Jeroen-Kerngroep-2026!");
        await jeroen.WaitForURLAsync(baseUrl + "/");
        await jeroen.GotoAsync(baseUrl + "/meetings");
        await BrowserFixture.WaitUntilInteractiveAsync(jeroen);
        await jeroen.Locator("[data-testid=meeting-row]").First.ClickAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(jeroen);
        await Expect(jeroen.Locator("[data-testid=item-title]").First).ToHaveTextAsync("Aanmelding en toelating van nieuwe deelnemers");
        await Expect(jeroen.Locator("[data-testid=item-title]")).ToHaveCountAsync(4);
        await jeroen.Context.CloseAsync();
        await fleur.Context.CloseAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    private static async Task ChoosePasswordAsync(IPage page, string link, string password)
    {
        await page.GotoAsync(link);
        await page.FillAsync("#password", password);
        await page.FillAsync("#repeat", password);
        await page.ClickAsync("[data-testid=welcome-submit]");
    }

    /// <summary>The welcome link in the newest email to <paramref name="email"/> (the outbox keeps every message).</summary>
    private static async Task<string> LinkAsync(FirstStartAppFactory app, string email)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var db = await app.DbFactory.CreateDbContextAsync();
            var body = (await db.OutboxMessages.AsNoTracking().Where(m => m.To == email).ToListAsync()).OrderByDescending(m => m.CreatedAt).FirstOrDefault()?.Body;
            if (body is not null && WelcomeLink().Match(body) is { Success: true } match)
            {
                return System.Net.WebUtility.HtmlDecode(match.Value);
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"No welcome email to {email}.");
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/account/welcome\?[^\s""<>]+")]
    private static partial Regex WelcomeLink();
}
