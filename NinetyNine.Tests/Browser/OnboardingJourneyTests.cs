using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Domain;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Applications;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>
/// From admission to onboarded: the coordinator admits, finds the new checklist, assigns the buddy step, and two people
/// with the checklist open see each other's ticks live; completing every step marks the employer onboarded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OnboardingJourneyTests(BrowserFixture browser)
{
    private const string Company = "Tegelzetterij Hengelo";

    /// <summary>An application with both core group views given and the vote closed: ready for the decision.</summary>
    private async Task<ApplicationId> ReadyForDecisionAsync()
    {
        var app = browser.App;
        var form = ApplicationTests.ValidForm();
        form.Kvk = "73000001";
        form.CompanyName = Company;
        form.ContactEmail = "info@tegelzetterij-hengelo.example";
        var application = Application.SubmitTo(await app.NetworkAsync(), [], form, DateTimeOffset.UtcNow);
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            db.Applications.Add(application);
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var admission = scope.ServiceProvider.GetRequiredService<AdmissionService>();
        await admission.RecordViewAsync(await app.MemberAsync(AppFactory.CoreGroupMember), application.Id, Fit.Fits, null);
        await admission.RecordViewAsync(await app.MemberAsync(AppFactory.SecondCoreGroupMember), application.Id, Fit.Fits, null);
        await admission.CloseVoteAsync(await app.MemberAsync(AppFactory.Coordinator), application.Id);
        return application.Id;
    }

    [Fact]
    public async Task Admit_then_tick_live_in_two_browsers_until_the_employer_is_onboarded()
    {
        var id = await ReadyForDecisionAsync();

        // 1. The coordinator admits the application with a rationale.
        var sanne = await browser.SignInAsync(AppFactory.Coordinator);
        await sanne.GotoAsync($"{browser.BaseUrl}/applications/{id}");
        await BrowserFixture.WaitUntilInteractiveAsync(sanne);
        await sanne.ClickAsync("[data-testid=decide]");
        await sanne.Locator("[data-testid=decision-outcome]").ClickAsync();
        await sanne.GetByRole(AriaRole.Option, new() { Name = "Toelaten" }).ClickAsync();
        await sanne.Locator("textarea[data-testid=decision-rationale]").FillAsync("Vakwerk met ruimte voor een leerling; past bij het netwerk.");
        await sanne.ClickAsync("[data-testid=decide]");
        await Expect(sanne.Locator("[data-testid=application-status]")).ToHaveTextAsync("Toegelaten");

        // 2. The checklist appears in the coordinator's onboarding overview, nothing done yet.
        await sanne.GotoAsync($"{browser.BaseUrl}/onboarding");
        await BrowserFixture.WaitUntilInteractiveAsync(sanne);
        var row = sanne.Locator("tr", new() { HasTextString = Company });
        await Expect(row).ToContainTextAsync("0/8");
        await row.Locator("[data-testid=onboarding-link]").ClickAsync();
        await Expect(sanne.Locator("[data-testid=connection-state]")).ToContainTextAsync("Live");
        var checklistUrl = sanne.Url;

        // 3. She gives the buddy step to Henk, who then opens the checklist at his own phone.
        var buddyStep = sanne.Locator("[data-testid=step-5]");
        await Expect(buddyStep).ToContainTextAsync("Buddy toegewezen");
        await buddyStep.Locator("[data-testid=step-menu] button").ClickAsync();
        await sanne.ClickAsync("[data-testid=menu-reassign]");
        await sanne.Locator("[data-testid=step-person]").ClickAsync();
        await sanne.GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Henk Nijhuis") }).ClickAsync();
        await sanne.ClickAsync("[data-testid=dialog-save]");
        await Expect(buddyStep.Locator("[data-testid=step-assignee]")).ToContainTextAsync("Henk Nijhuis");

        var henk = await browser.SignInAsync(AppFactory.SecondCoreGroupMember, width: 360, height: 780);
        await Expect(henk.Locator("[data-testid=my-step]", new() { HasTextString = Company })).ToContainTextAsync("Buddy toegewezen");
        await henk.GotoAsync(checklistUrl);
        await BrowserFixture.WaitUntilInteractiveAsync(henk);
        await Expect(henk.Locator("[data-testid=connection-state]")).ToContainTextAsync("Live");

        // 4. The coordinator ticks the welcome call: Henk sees it ticked without reloading; he cannot tick it himself.
        await sanne.Locator("[data-testid=step-0] input[type=checkbox]").CheckAsync();
        await Expect(henk.Locator("[data-testid=step-0]")).ToHaveAttributeAsync("data-state", "Done");
        await Expect(henk.Locator("[data-testid=step-0] [data-testid=step-history]")).ToContainTextAsync("Sanne Kuipers");
        await Expect(henk.Locator("[data-testid=step-0] input[type=checkbox]")).ToBeDisabledAsync();

        // 5. Henk ticks his own step: the coordinator sees it live.
        await henk.Locator("[data-testid=step-5] input[type=checkbox]").CheckAsync();
        await Expect(sanne.Locator("[data-testid=step-5]")).ToHaveAttributeAsync("data-state", "Done");
        await Expect(sanne.Locator("[data-testid=checklist-progress-text]")).ToContainTextAsync("2 van 8");

        // 6. The coordinator finishes the rest (one step skipped with a reason): the employer is onboarded.
        await sanne.Locator("[data-testid=step-7] [data-testid=step-menu] button").ClickAsync();
        await sanne.ClickAsync("[data-testid=menu-skip]");
        await sanne.ClickAsync("[data-testid=dialog-save]");
        await Expect(sanne.Locator("[data-testid=step-action-dialog]")).ToContainTextAsync("Geef een reden op.");
        await sanne.Locator("textarea[data-testid=step-text]").FillAsync("Kent de advocaten al van een eerder netwerk");
        await sanne.ClickAsync("[data-testid=dialog-save]");
        await Expect(sanne.Locator("[data-testid=step-7]")).ToHaveAttributeAsync("data-state", "Skipped");
        foreach (var step in new[] { 1, 2, 3, 4, 6 })
        {
            await sanne.Locator($"[data-testid=step-{step}] input[type=checkbox]").CheckAsync();
            await Expect(sanne.Locator($"[data-testid=step-{step}]")).ToHaveAttributeAsync("data-state", "Done");
        }

        await Expect(sanne.Locator("[data-testid=checklist-complete]")).ToBeVisibleAsync();
        await Expect(henk.Locator("[data-testid=checklist-complete]")).ToBeVisibleAsync();
        await Expect(henk.Locator("[data-testid=checklist-progress-text]")).ToContainTextAsync("8 van 8");

        await sanne.ClickAsync("text=Naar de werkgever");
        await Expect(sanne.Locator("[data-testid=timeline-Onboarded]")).ToContainTextAsync("Ingewerkt");
        await Expect(sanne.Locator("[data-testid=employer-onboarding]")).ToContainTextAsync("Ingewerkt");
        await henk.Context.CloseAsync();
        await sanne.Context.CloseAsync();
    }
}
