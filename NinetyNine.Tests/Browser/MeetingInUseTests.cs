using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Features.Meetings.Live;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>
/// The meeting page as the core group uses it: presenter and timebox by keyboard, the overrun warning and the running
/// item's time left, a question before starting on another day, actions carried over with their cards, one connection
/// state, notes that grow, and applications that only the core group can open.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingInUseTests(BrowserFixture browser)
{
    private const string Updates = "Updates over de themagroepen vanuit de kartrekkers";

    [Fact]
    public async Task Presenter_and_timebox_are_set_by_keyboard_the_overrun_is_warned_and_the_running_item_shows_its_time_left()
    {
        // 08:00–09:00 in a month, four standing items of 10 minutes by default: expected end 08:40.
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var sanne = await OpenMeetingAsync(AppFactory.Coordinator, meetingId);
        var marloes = await OpenMeetingAsync(AppFactory.CoreGroupMember, meetingId, width: 360);
        await Expect(sanne.Locator("[data-testid=predicted-end]")).ToHaveTextAsync("Verwachte eindtijd 08:40");
        await Expect(sanne.Locator("[data-testid=overrun]")).ToHaveCountAsync(0);

        // Item 2: Joost presents, 45 minutes; typed and saved with Enter.
        var item = Item(sanne, Updates);
        await item.Locator("[data-testid=edit-details]").ClickAsync();
        var presenter = item.Locator("input[data-testid=presenter-input]");
        await Expect(presenter).ToBeFocusedAsync();
        await presenter.FillAsync("Joost Hulshof");
        await presenter.PressAsync("Tab");
        var timebox = item.Locator("input[data-testid=timebox-input]");
        await Expect(timebox).ToBeFocusedAsync();
        await timebox.FillAsync("45");
        await timebox.PressAsync("Enter");

        await Expect(item.Locator("[data-testid=item-presenter]")).ToHaveTextAsync("Joost Hulshof");
        await Expect(item.Locator("[data-testid=item-timebox]")).ToHaveTextAsync("45 min");
        // 10 + 45 + 10 + 10 = 75 minutes: 09:15, a quarter past the meeting's end, warned on both screens.
        await Expect(sanne.Locator("[data-testid=predicted-end]")).ToHaveTextAsync("Verwachte eindtijd 09:15");
        await Expect(sanne.Locator("[data-testid=overrun]")).ToContainTextAsync("De agenda loopt 15 min uit");
        await Expect(Item(marloes, Updates).Locator("[data-testid=item-presenter]")).ToHaveTextAsync("Joost Hulshof");
        await Expect(marloes.Locator("[data-testid=overrun]")).ToContainTextAsync("gepland tot 09:00");
        await ShotAsync(sanne, "meeting-overrun-1280");
        await ShotAsync(marloes, "meeting-overrun-360");

        // A timebox out of range is refused at the field, with the domain's message.
        await item.Locator("[data-testid=edit-details]").ClickAsync();
        await item.Locator("input[data-testid=timebox-input]").FillAsync("500");
        await item.Locator("[data-testid=details-save]").ClickAsync();
        await Expect(item.Locator("[data-testid=details-error]")).ToHaveTextAsync("Een tijdsduur ligt tussen 1 en 240 minuten.");
        await item.Locator("input[data-testid=timebox-input]").PressAsync("Escape");
        await Expect(item.Locator("[data-testid=details-editor]")).ToHaveCountAsync(0);
        await Expect(item.Locator("[data-testid=item-timebox]")).ToHaveTextAsync("45 min");

        // Starting a month early is asked first; "cancel" leaves it planned.
        await sanne.ClickAsync("[data-testid=start-meeting]");
        var box = sanne.Locator(".mud-message-box");
        await Expect(box).ToContainTextAsync("niet vandaag");
        await box.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Expect(sanne.Locator("[data-testid=meeting-status]")).ToHaveTextAsync("Gepland");

        // Started anyway: the first item runs, with its ten minutes left.
        await sanne.ClickAsync("[data-testid=start-meeting]");
        await box.GetByRole(AriaRole.Button, new() { Name = "Starten" }).ClickAsync();
        await Expect(marloes.Locator("[data-testid=meeting-status]")).ToHaveTextAsync("Bezig");
        var timeLeft = marloes.Locator("[data-testid=agenda-item]").First.Locator("[data-testid=time-left]");
        await Expect(timeLeft).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Nog (9|10) min$"));

        await ShotAsync(sanne, "meeting-1280");
        await ShotAsync(marloes, "meeting-360");
        await sanne.Context.CloseAsync();
        await marloes.Context.CloseAsync();
    }

    [Fact]
    public async Task An_action_sent_to_a_board_keeps_its_card_in_the_next_meeting_and_is_carried_into_one_item()
    {
        var app = browser.App;
        // Far ahead, so the meeting it carries into is its own.
        var meetingId = await HubClients.NewMeetingAsync(app, DateTime.Today.AddDays(200).AddHours(8));
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var agenda = app.Services.GetRequiredService<AgendaService>();
        var item = (await agenda.SnapshotAsync(coordinator, meetingId))!.Items[1].Id;
        Assert.True((await agenda.AddActionAsync(coordinator, meetingId, Guid.NewGuid(), item, "Proefplaatsing regelen bij Hofman", null, null)).Accepted);
        Assert.True((await agenda.AddActionAsync(coordinator, meetingId, Guid.NewGuid(), item, "Nieuwsbrief versturen", null, null)).Accepted);
        var actions = (await agenda.SnapshotAsync(coordinator, meetingId))!.Items[1].Actions;
        var group = await app.ThemeGroupIdAsync("In-, door- en uitstroom van kandidaten");
        Assert.True((await app.Services.GetRequiredService<ActionCards>().SendToBoardAsync(coordinator, meetingId, actions[0].Id, group.Value)).Accepted);
        Assert.True((await agenda.CloseMeetingAsync(coordinator, meetingId, Guid.NewGuid())).Accepted);

        Guid nextId;
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            var meetings = await db.Meetings.AsNoTracking().Where(m => m.Id != new MeetingId(meetingId)).ToListAsync();
            var next = meetings.Single(m => m.Agenda.Any(i => i.ActionItems.Any(a => a.Id == actions[0].Id)));
            nextId = next.Id.Value;
            var holder = Assert.Single(next.Agenda, i => i.HoldsOpenActions);
            Assert.Equal([actions[0].Id, actions[1].Id], holder.ActionItems.Select(a => a.Id));
        }

        var sanne = await OpenMeetingAsync(AppFactory.Coordinator, nextId);
        var carried = Item(sanne, "Openstaande actiepunten van het vorige overleg");
        await Expect(carried).ToHaveCountAsync(1);
        await Expect(carried.Locator("[data-testid=action-card]")).ToHaveTextAsync("Bord In-, door- en uitstroom van kandidaten: Idee");
        // Only the action without a card offers "to a board"; the one on a board cannot be sent twice.
        await Expect(carried.Locator("[data-testid=send-to-board]")).ToHaveCountAsync(1);
        await Expect(carried.Locator("[data-testid=send-to-board]")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("Nieuwsbrief versturen"));
        await sanne.Context.CloseAsync();
    }

    [Fact]
    public async Task The_connection_state_is_shown_once_announced_and_an_outage_shows_until_it_is_over()
    {
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var page = await OpenMeetingAsync(AppFactory.CoreGroupMember, meetingId);
        var state = page.Locator("[data-testid=connection-state]");

        // One indicator on the page (not one in the app bar and one in the live bar), a polite live region.
        await Expect(state).ToHaveCountAsync(1);
        await Expect(state).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(state).ToHaveAttributeAsync("role", "status");
        await Expect(page.Locator("[data-testid=live-bar]")).Not.ToContainTextAsync("Live verbonden");

        // The network goes for fifteen seconds: shown at once and all the while, then connected again.
        await page.Context.SetOfflineAsync(true);
        await Expect(state).ToHaveTextAsync("Geen netwerk: wijzigingen komen binnen zodra de verbinding terug is", new() { Timeout = 3_000 });
        await page.WaitForTimeoutAsync(15_000);
        await Expect(state).Not.ToHaveTextAsync("Live verbonden", new() { Timeout = 500 });
        await page.Context.SetOfflineAsync(false);
        await Expect(state).ToHaveTextAsync("Live verbonden", new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task When_the_circuit_drops_the_one_indicator_says_so_and_it_comes_back()
    {
        var page = await browser.SignInAsync(AppFactory.CoreGroupMember);
        IWebSocketRoute? socket = null;
        var refuse = false;
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), ws =>
        {
            if (refuse)
            {
                _ = ws.CloseAsync();
                return;
            }

            socket = ws;
            ws.ConnectToServer();
        });
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        await page.GotoAsync($"{browser.BaseUrl}/meetings/{meetingId}");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        var state = page.Locator("[data-testid=connection-state]");
        await Expect(state).ToHaveTextAsync("Live verbonden");

        // The server's side goes away and reconnecting is refused for a while.
        refuse = true;
        await socket!.CloseAsync();
        await Expect(state).ToHaveTextAsync("Verbinding verbroken, opnieuw verbinden…", new() { Timeout = 5_000 });
        await Expect(page.Locator("#components-reconnect-modal")).ToHaveAttributeAsync("data-state", "reconnecting");
        refuse = false;
        await Expect(state).ToHaveTextAsync("Live verbonden", new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Notes_are_more_than_two_rows_on_a_phone_and_grow_with_their_text()
    {
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var page = await OpenMeetingAsync(AppFactory.CoreGroupMember, meetingId, width: 360);
        var notes = Item(page, Updates).Locator("textarea[data-testid=notes]");
        var lineHeight = await notes.EvaluateAsync<double>("el => parseFloat(getComputedStyle(el).lineHeight)");
        var empty = (await notes.BoundingBoxAsync())!.Height;
        Assert.True(empty >= 3.5 * lineHeight, $"An empty notes box is {empty}px high, {empty / lineHeight:0.0} lines.");

        await notes.FillAsync(string.Join("\n", Enumerable.Range(1, 10).Select(i => $"Regel {i} van de aantekeningen.")));
        var full = (await notes.BoundingBoxAsync())!.Height;
        Assert.True(full >= 10 * lineHeight, $"Ten lines of notes make the box {full}px high, {full / lineHeight:0.0} lines.");
        var scrolls = await notes.EvaluateAsync<bool>("el => el.scrollHeight > el.clientHeight + 1");
        Assert.False(scrolls);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(AppFactory.Participant)]
    [InlineData(AppFactory.ThemeLead)]
    [InlineData(AppFactory.Advisor)]
    public async Task Those_who_may_not_open_an_application_see_it_under_item_one_as_text(string email)
    {
        var meetingId = await MeetingWithApplicationAsync();
        var page = await OpenMeetingAsync(email, meetingId);
        var first = page.Locator("[data-testid=agenda-item]").First;
        await Expect(first.Locator("[data-testid=topic-text]")).ToHaveTextAsync("Bakkerij Van Wijk");
        await Expect(first.Locator("a[href^='/applications/']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_core_group_opens_an_application_under_item_one()
    {
        var meetingId = await MeetingWithApplicationAsync();
        var page = await OpenMeetingAsync(AppFactory.CoreGroupMember, meetingId);
        var link = page.Locator("[data-testid=agenda-item]").First.Locator("[data-testid=topic-link]");
        await Expect(link).ToHaveTextAsync("Bakkerij Van Wijk");
        await Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/applications/"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_english_the_apps_own_words_on_the_agenda_are_english()
    {
        // A meeting with the app's item of open actions and a theme group's report, both stored as values.
        var network = await browser.App.NetworkAsync();
        var group = await browser.App.ThemeGroupIdAsync("In-, door- en uitstroom van kandidaten");
        var first = Meeting.Schedule(network.Id, DateTime.Today.AddDays(400).AddHours(8), 60, MeetingMode.Phone, null, DateTime.Today);
        first.AddActionItem(first.Agenda[0].Id, "Flyer maken", null, null);
        first.Close(DateTime.Today);
        var next = Meeting.Schedule(network.Id, DateTime.Today.AddDays(421).AddHours(8), 60, MeetingMode.Phone, null, DateTime.Today);
        using (NinetyNine.Tests.Domain.UiCulture.Dutch())
        {
            first.CarryOverTo(next);
        }

        next.ReportOnUpdateSlot(group.Value, "In-, door- en uitstroom van kandidaten", null, NinetyNine.Domain.Boards.GroupStatus.OnTrack, "Twee kandidaten gestart.", 3);
        await using (var db = await browser.App.DbFactory.CreateDbContextAsync())
        {
            db.Meetings.AddRange(first, next);
            await db.SaveChangesAsync();
        }

        var page = await browser.SignInAsync(AppFactory.CoreGroupMember);
        await page.GotoAsync($"{browser.BaseUrl}/culture?c=en&returnUrl={Uri.EscapeDataString($"/meetings/{next.Id.Value}")}");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=connection-state]")).ToHaveTextAsync("Live connected");

        await Expect(Item(page, "Open action items of the previous meeting")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=topic-detail]")).ToContainTextAsync("On track: Twee kandidaten gestart. · 3 jobs created");
        await Expect(page.Locator("[data-testid=agenda-item]").Filter(new() { HasTextString = "Openstaande actiepunten" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_meeting_closed_before_its_date_is_listed_among_the_earlier_ones_at_the_day_it_was_held()
    {
        var app = browser.App;
        var meetingId = await HubClients.NewMeetingAsync(app, DateTime.Today.AddDays(500).AddHours(8));
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        Assert.True((await app.Services.GetRequiredService<AgendaService>().CloseMeetingAsync(coordinator, meetingId, Guid.NewGuid())).Accepted);

        foreach (var width in new[] { 1280, 360 })
        {
            var page = await browser.SignInAsync(AppFactory.CoreGroupMember, width);
            await page.GotoAsync($"{browser.BaseUrl}/meetings");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            var planned = DateTime.Today.AddDays(500).ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl"));
            var row = page.Locator("[data-testid=meeting-row]").Filter(new() { HasTextString = $"Gepland voor {planned}" });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("Gehouden");
            await Expect(row).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\bover \d"));
            await ShotAsync(page, $"meetings-{width}");
            await page.Context.CloseAsync();
        }
    }

    private async Task<Guid> MeetingWithApplicationAsync()
    {
        var network = await browser.App.NetworkAsync();
        var start = DateTime.Today.AddDays(30).AddHours(8);
        var meeting = Meeting.Schedule(network.Id, start, 60, MeetingMode.Phone, null, DateTime.Today);
        meeting.AddTopic(StandingItem.Applications, AgendaTopicKind.Application, Guid.NewGuid(), "Bakkerij Van Wijk", null);
        await using var db = await browser.App.DbFactory.CreateDbContextAsync();
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id.Value;
    }

    /// <summary>A screenshot in the temp folder, to look at.</summary>
    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"ninetynine-{name}.png"), FullPage = true });

    private async Task<IPage> OpenMeetingAsync(string email, Guid meetingId, int width = 1280)
    {
        var page = await browser.OpenLiveAsync(email, $"/meetings/{meetingId}", width);
        await Expect(page.Locator("[data-testid=agenda-item]").First).ToBeVisibleAsync();
        return page;
    }

    private static ILocator Item(IPage page, string title) =>
        page.Locator("[data-testid=agenda-item]").Filter(new() { Has = page.Locator("[data-testid=item-title]", new() { HasTextString = title }) });
}
