using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NinetyNine.Domain.Meetings;
using NinetyNine.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>The lead writes a status report on a phone; the coordinator, with the next meeting open, sees it arrive in item 2.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatusReportJourneyTests(BrowserFixture browser)
{
    private const string Group = "In-, door- en uitstroom van kandidaten";
    private const string Report = "Drie kandidaten van het UWV starten in januari met een proefplaatsing.";

    [Fact]
    public async Task The_leads_report_appears_live_in_the_groups_slot_of_the_next_meeting()
    {
        Guid meetingId, groupId;
        await using (var db = await browser.App.DbFactory.CreateDbContextAsync())
        {
            groupId = await db.ThemeGroups.Where(g => g.Name == Group).Select(g => g.Id.Value).SingleAsync();
            var open = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.Live).ToListAsync();
            meetingId = open.Where(m => m.Status == MeetingStatus.Live || m.StartsAt >= DateTime.Now)
                .OrderBy(m => m.Status == MeetingStatus.Live ? 0 : 1).ThenBy(m => m.StartsAt).First().Id.Value;
        }

        // The coordinator has the next meeting open.
        var sanne = await browser.SignInAsync(AppFactory.Coordinator);
        await sanne.GotoAsync($"{browser.BaseUrl}/meetings/{meetingId}");
        await BrowserFixture.WaitUntilInteractiveAsync(sanne);
        var slot = sanne.Locator("[data-testid=agenda-topic]", new() { HasTextString = Group });
        await Expect(slot).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(slot.Locator("[data-testid=topic-detail]")).ToHaveCountAsync(0);

        // The lead writes the report on his phone.
        var joost = await browser.SignInAsync(AppFactory.ThemeLead, width: 360);
        await joost.GotoAsync($"{browser.BaseUrl}/theme-groups/{groupId}");
        await BrowserFixture.WaitUntilInteractiveAsync(joost);
        await joost.ClickAsync("[data-testid=status-new]");
        await joost.ClickAsync("[data-testid=status-save]");
        await Expect(joost.Locator("[data-testid=status-form]")).ToContainTextAsync("Toelichting is verplicht.");
        await joost.Locator("[data-testid=status-status]").ClickAsync();
        await joost.GetByRole(AriaRole.Option, new() { Name = "Op koers" }).ClickAsync();
        await joost.Locator("textarea[data-testid=status-text]").FillAsync(Report);
        await joost.Locator("input[data-testid=status-jobs]").FillAsync("3");
        await joost.ClickAsync("[data-testid=status-save]");
        await Expect(joost.Locator("[data-testid=status-latest-text]")).ToHaveTextAsync(Report, new() { Timeout = 15_000 });
        await Expect(joost.Locator("[data-testid=status-latest] [data-testid=status-chip]")).ToHaveTextAsync("Op koers");

        // It arrives in the group's slot under item 2, without a reload.
        await Expect(slot.Locator("[data-testid=topic-detail]")).ToHaveTextAsync($"Op koers: {Report} · 3 banen gecreëerd", new() { Timeout = 15_000 });
    }
}
