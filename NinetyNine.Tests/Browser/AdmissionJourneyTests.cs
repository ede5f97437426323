using Microsoft.Playwright;
using NinetyNine.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>
/// From an anonymous application to a participating employer: the applicant applies, the coordinator finds it on the
/// next agenda, two core group members give their views, the coordinator closes the vote and admits with a rationale.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdmissionJourneyTests(BrowserFixture browser)
{
    private const string Company = "Steigerbouw Van Dijk";

    [Fact]
    public async Task Apply_schedule_view_close_admit_and_the_employer_takes_part()
    {
        // 1. An employer applies on the public page, without an account (on a phone).
        var anonymous = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 780 } });
        var applicant = await anonymous.NewPageAsync();
        await applicant.GotoAsync($"{browser.BaseUrl}/n/99vantwente");
        await applicant.ClickAsync("[data-testid=apply]");
        await applicant.FillAsync("#company", Company);
        await applicant.FillAsync("#kvk", "61234578");
        await applicant.FillAsync("#sector", "Bouw");
        await applicant.FillAsync("#town", "Almelo");
        await applicant.FillAsync("#employees", "40");
        await applicant.FillAsync("#contact", "Sem van Dijk");
        await applicant.FillAsync("#email", "sem@steigerbouwvandijk.example");
        await applicant.FillAsync("#motivation", "Wij hebben werk voor twee mensen in de werkplaats.");
        await applicant.CheckAsync("#offer-jobs");
        await applicant.CheckAsync("#consent");
        await applicant.ClickAsync("[data-testid=apply-submit]");
        await Expect(applicant.Locator("[data-testid=apply-reference]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^A\\d{4}-"));
        await anonymous.CloseAsync();

        // 2. The coordinator finds it under item 1 of the next meeting and opens the dossier.
        var sanne = await browser.SignInAsync(AppFactory.Coordinator);
        await sanne.GotoAsync($"{browser.BaseUrl}/meetings");
        await BrowserFixture.WaitUntilInteractiveAsync(sanne);
        await sanne.Locator("[data-testid=meeting-row]").First.ClickAsync();
        var topic = sanne.Locator("[data-testid=agenda-topic]", new() { HasTextString = Company });
        await Expect(topic).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var dossierUrl = await topic.Locator("a").GetAttributeAsync("href");

        // 3. Two core group members give their view; neither sees the other's.
        foreach (var (email, fit) in new[] { (AppFactory.CoreGroupMember, "Past"), (AppFactory.SecondCoreGroupMember, "Twijfel") })
        {
            var member = await browser.SignInAsync(email, width: 360);
            await member.GotoAsync(browser.BaseUrl + dossierUrl);
            await BrowserFixture.WaitUntilInteractiveAsync(member);
            await Expect(member.Locator("[data-testid=views]")).ToHaveCountAsync(0);
            await member.Locator("[data-testid=my-fit]").GetByText(fit, new() { Exact = true }).ClickAsync();
            await member.ClickAsync("[data-testid=save-view]");
            await Expect(member.Locator("[data-testid=view-count]")).ToContainTextAsync(email == AppFactory.CoreGroupMember ? "1 van" : "2 van");
            await member.Context.CloseAsync();
        }

        // 4. The coordinator closes the vote, sees both views, and admits with a rationale.
        await sanne.GotoAsync(browser.BaseUrl + dossierUrl);
        await BrowserFixture.WaitUntilInteractiveAsync(sanne);
        await Expect(sanne.Locator("[data-testid=application-status]")).ToHaveTextAsync("Geagendeerd");
        var scheduledColour = await sanne.Locator("[data-testid=application-status]").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        await sanne.ClickAsync("[data-testid=close-vote]");
        await Expect(sanne.Locator("[data-testid=views]")).ToContainTextAsync("Marloes ter Horst");
        await Expect(sanne.Locator("[data-testid=views]")).ToContainTextAsync("Henk Nijhuis");
        await sanne.ClickAsync("[data-testid=decide]");
        await Expect(sanne.Locator("[data-testid=application-decision]")).ToContainTextAsync("Schrijf op waarom");
        await sanne.Locator("[data-testid=decision-outcome]").ClickAsync();
        await sanne.GetByRole(AriaRole.Option, new() { Name = "Toelaten" }).ClickAsync();
        await sanne.Locator("textarea[data-testid=decision-rationale]").FillAsync("Twee werkplekken in de werkplaats; past bij het netwerk.");
        await sanne.ClickAsync("[data-testid=decide]");
        await Expect(sanne.Locator("[data-testid=application-status]")).ToHaveTextAsync("Toegelaten");
        await Expect(sanne.Locator("[data-testid=decision-record]")).ToContainTextAsync("Twee werkplekken");
        await Expect(sanne.Locator("[data-testid=sent-emails]")).ToContainTextAsync("sem@steigerbouwvandijk.example");
        // "Toegelaten" has its own colour, not the orange of "Geagendeerd".
        // (Waited for: the chip's colour changes with a transition.)
        await Expect(sanne.Locator("[data-testid=application-status]")).Not.ToHaveCSSAsync("background-color", scheduledColour);
        // The sent emails are a list without bullets hanging outside their card.
        var sent = sanne.Locator("[data-testid=sent-emails]");
        Assert.Equal("none", await sent.EvaluateAsync<string>("e => getComputedStyle(e).listStyleType"));
        var inside = await sent.EvaluateAsync<bool>("e => { const card = e.closest('.mud-paper') ?? e.parentElement; return e.getBoundingClientRect().left >= card.getBoundingClientRect().left; }");
        Assert.True(inside, "the sent emails start inside their card");
        await sanne.ScreenshotAsync(new() { Path = "/tmp/s3-dossier-admitted-1280.png", FullPage = true });
        await sanne.SetViewportSizeAsync(360, 780);
        await sanne.ScreenshotAsync(new() { Path = "/tmp/s3-dossier-admitted-360.png", FullPage = true });
        await sanne.SetViewportSizeAsync(1280, 900);

        // 5. The employer is now a participant.
        await sanne.GotoAsync($"{browser.BaseUrl}/members");
        await BrowserFixture.WaitUntilInteractiveAsync(sanne);
        await Expect(sanne.GetByText(Company).First).ToBeVisibleAsync();

        // 6. And the decision is in the register, with its outcome and rationale.
        await sanne.GotoAsync($"{browser.BaseUrl}/decisions");
        await BrowserFixture.WaitUntilInteractiveAsync(sanne);
        var row = sanne.Locator("tr", new() { HasTextString = Company });
        await Expect(row.First).ToContainTextAsync("Toegelaten");
        await Expect(row.First).ToContainTextAsync("Twee werkplekken in de werkplaats");
        await sanne.Context.CloseAsync();
    }
}
