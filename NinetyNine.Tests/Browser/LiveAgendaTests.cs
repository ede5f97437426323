using Microsoft.Playwright;
using NinetyNine.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>Two people in two browsers on one core group meeting: each sees the other's changes without reloading.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveAgendaTests(BrowserFixture browser)
{
    [Fact]
    public async Task Two_people_see_each_others_agenda_changes_live()
    {
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var sanne = await OpenMeetingAsync(AppFactory.Coordinator, meetingId);
        var marloes = await OpenMeetingAsync(AppFactory.CoreGroupMember, meetingId, width: 360);

        // The coordinator adds an item, retitles it and types notes.
        await sanne.FillAsync("[data-testid=add-agenda-item] input", "Werkbezoek Sallandse Wegenbouw");
        await sanne.ClickAsync("[data-testid=add-item-button]");
        var itemId = await Item(sanne, "Werkbezoek Sallandse Wegenbouw").GetAttributeAsync("data-item-id");
        var newItem = sanne.Locator($"[data-item-id='{itemId}']");
        await newItem.Locator("[data-testid=retitle]").ClickAsync();
        await newItem.Locator("input[data-testid=title-input]").FillAsync("Werkbezoek bij Sallandse Wegenbouw in mei");
        await newItem.Locator("[data-testid=title-save]").ClickAsync();
        await Expect(newItem.Locator("[data-testid=item-title]")).ToHaveTextAsync("Werkbezoek bij Sallandse Wegenbouw in mei");
        await newItem.Locator("textarea[data-testid=notes]").FillAsync("Henk regelt de rondleiding.");

        // The core group member sees all of it, without reloading.
        var seen = Item(marloes, "Werkbezoek bij Sallandse Wegenbouw in mei");
        await Expect(seen).ToBeVisibleAsync();
        await Expect(seen.Locator("textarea[data-testid=notes]")).ToHaveValueAsync("Henk regelt de rondleiding.");
        await Expect(marloes.Locator("[data-testid=agenda-item]")).ToHaveCountAsync(5);

        // Now she moves it to the top with the keyboard-friendly arrows; he sees the new order.
        for (var i = 0; i < 4; i++)
        {
            await Item(marloes, "Werkbezoek bij Sallandse Wegenbouw in mei").Locator("[data-testid=move-up]").ClickAsync();
            // Generous: with the whole suite running, a round trip through the hub can take several seconds.
            await Expect(marloes.Locator("[data-testid=agenda-item]").Nth(3 - i).Locator("[data-testid=item-title]"))
                .ToHaveTextAsync("Werkbezoek bij Sallandse Wegenbouw in mei", new() { Timeout = 15_000 });
        }

        await Expect(sanne.Locator("[data-testid=agenda-item]").First.Locator("[data-testid=item-title]"))
            .ToHaveTextAsync("Werkbezoek bij Sallandse Wegenbouw in mei");
        await Expect(sanne.Locator("[data-testid=presence]")).ToContainTextAsync("Marloes ter Horst");
        await Expect(sanne.Locator("[data-testid=unsaved]")).ToHaveCountAsync(0);

        await sanne.Context.CloseAsync();
        await marloes.Context.CloseAsync();
    }

    [Fact]
    public async Task Words_typed_by_someone_else_arrive_around_the_caret_and_both_keep_their_words()
    {
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var sanne = await OpenMeetingAsync(AppFactory.Coordinator, meetingId);
        var marloes = await OpenMeetingAsync(AppFactory.CoreGroupMember, meetingId);
        var title = "Updates over de themagroepen vanuit de kartrekkers";

        // Sanne sets up two lines. Marloes has her caret at the end of the second line while Sanne types on the first;
        // Sanne's words arrive in Marloes's field around her caret, and what Marloes types next lands where she is.
        var sanneField = Item(sanne, title).Locator("textarea[data-testid=notes]");
        var marloesField = Item(marloes, title).Locator("textarea[data-testid=notes]");
        await sanneField.FillAsync("Werkgelegenheid:\nInstroom:");
        await Expect(marloesField).ToHaveValueAsync("Werkgelegenheid:\nInstroom:");
        await marloesField.FocusAsync();
        await marloesField.PressAsync("Control+End");
        await TypeAtAsync(sanneField, ["Control+Home", "End"], " plan werkgelegenheid is klaar.");
        await Expect(marloesField).ToHaveValueAsync("Werkgelegenheid: plan werkgelegenheid is klaar.\nInstroom:");
        await marloesField.PressSequentiallyAsync(" twee kandidaten gestart.", new() { Delay = 40 });

        foreach (var page in new[] { sanne, marloes })
        {
            var notes = Item(page, title).Locator("textarea[data-testid=notes]");
            await Expect(notes).ToHaveValueAsync("Werkgelegenheid: plan werkgelegenheid is klaar.\nInstroom: twee kandidaten gestart.");
        }

        await sanne.Context.CloseAsync();
        await marloes.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_people_typing_sentences_at_the_same_spot_at_once_end_with_the_same_text_and_each_sentence_whole()
    {
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var sanne = await OpenMeetingAsync(AppFactory.Coordinator, meetingId);
        var marloes = await OpenMeetingAsync(AppFactory.CoreGroupMember, meetingId);
        var title = "Updates over de themagroepen vanuit de kartrekkers";
        var sanneField = Item(sanne, title).Locator("textarea[data-testid=notes]");
        var marloesField = Item(marloes, title).Locator("textarea[data-testid=notes]");
        await sanneField.FillAsync("Stand van zaken: ");
        await Expect(marloesField).ToHaveValueAsync("Stand van zaken: ");

        // Both put the caret at the end and type whole sentences at the same moment, keystroke by keystroke.
        const string hers = "Sanne plant het werkbezoek bij Hofman in mei.";
        const string his = "Marloes belt de gemeente Almelo over de subsidie.";
        await sanneField.FocusAsync();
        await sanneField.PressAsync("Control+End");
        await marloesField.FocusAsync();
        await marloesField.PressAsync("Control+End");
        await Task.WhenAll(sanne.Keyboard.TypeAsync(hers, new() { Delay = 30 }), marloes.Keyboard.TypeAsync(his, new() { Delay = 30 }));

        // Within a few seconds of the last keystroke both fields show one text, with each sentence in one piece.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string a, b;
        do
        {
            a = await sanneField.InputValueAsync();
            b = await marloesField.InputValueAsync();
            if (a == b && a.Contains(hers, StringComparison.Ordinal) && a.Contains(his, StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal(a, b);
        Assert.Contains(hers, a, StringComparison.Ordinal);
        Assert.Contains(his, a, StringComparison.Ordinal);
        Assert.StartsWith("Stand van zaken: ", a, StringComparison.Ordinal);
        Assert.Equal("Stand van zaken: ".Length + hers.Length + his.Length, a.Length);
        await Expect(Item(sanne, title).Locator("[data-testid=notes-unsaved]")).ToHaveCountAsync(0);

        await sanne.Context.CloseAsync();
        await marloes.Context.CloseAsync();
    }

    [Fact]
    public async Task Notes_typed_while_the_server_cannot_answer_are_offered_back_after_a_reload()
    {
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var sanne = await OpenMeetingAsync(AppFactory.Coordinator, meetingId);
        var title = "Updates over de themagroepen vanuit de kartrekkers";
        var field = Item(sanne, title).Locator("textarea[data-testid=notes]");
        await field.FillAsync("Eerste regel.");
        await Expect(Item(sanne, title).Locator("[data-testid=notes-unsaved]")).ToHaveCountAsync(0);

        // The circuit stops answering (as when it is lost): what is typed now is never acknowledged.
        await field.EvaluateAsync("el => { el.__notes.dotnet = { invokeMethodAsync: () => new Promise(() => { }) }; }");
        await field.FocusAsync();
        await field.PressAsync("Control+End");
        await field.PressSequentiallyAsync(" Tweede regel, niet opgeslagen.", new() { Delay = 20 });
        var kept = await sanne.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k.startsWith('ninetynine.notes:')).length");
        Assert.True(kept > 0, "Nothing of the unsent typing was kept in sessionStorage.");

        // A reload (a new circuit): the page offers the text back and sends it, so the server and others get it.
        await sanne.ReloadAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(sanne);
        await Expect(sanne.Locator(".mud-snackbar")).ToContainTextAsync("Niet opgeslagen tekst teruggezet");
        await Expect(Item(sanne, title).Locator("textarea[data-testid=notes]")).ToHaveValueAsync("Eerste regel. Tweede regel, niet opgeslagen.");
        var marloes = await OpenMeetingAsync(AppFactory.CoreGroupMember, meetingId);
        await Expect(Item(marloes, title).Locator("textarea[data-testid=notes]")).ToHaveValueAsync("Eerste regel. Tweede regel, niet opgeslagen.");
        await Expect(Item(sanne, title).Locator("[data-testid=notes-unsaved]")).ToHaveCountAsync(0);

        await sanne.Context.CloseAsync();
        await marloes.Context.CloseAsync();
    }

    [Fact]
    public async Task A_participant_follows_the_agenda_read_only()
    {
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var ahmet = await OpenMeetingAsync(AppFactory.Participant, meetingId);

        await Expect(ahmet.Locator("[data-testid=agenda-item]")).ToHaveCountAsync(4);
        await Expect(ahmet.Locator("[data-testid=add-agenda-item]")).ToHaveCountAsync(0);
        await Expect(ahmet.Locator("textarea[data-testid=notes]")).ToHaveCountAsync(0);
        await Expect(ahmet.Locator("[data-testid=live-bar]")).ToContainTextAsync("U volgt dit overleg");
        await ahmet.Context.CloseAsync();
    }

    [Fact]
    public async Task The_coordinator_moves_and_then_cancels_a_meeting_and_the_core_group_sees_it_live()
    {
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var sanne = await OpenMeetingAsync(AppFactory.Coordinator, meetingId);
        var marloes = await OpenMeetingAsync(AppFactory.CoreGroupMember, meetingId, width: 360);
        await Expect(marloes.Locator("[data-testid=reschedule]")).ToHaveCountAsync(0);
        await Expect(marloes.Locator("[data-testid=attendees]")).ToContainTextAsync("Sanne Kuipers");
        await Expect(marloes.Locator("[data-testid=attendee][data-online=true]")).ToHaveCountAsync(2);

        // Move: a later start, 90 minutes, by video. A time field left empty gets its message at the field.
        await sanne.ClickAsync("[data-testid=reschedule]");
        var dialog = sanne.Locator(".mud-dialog");
        var time = dialog.Locator("input[data-testid=plan-time]");
        // Clear it only once the picker shows the meeting's time, as a person would see it (it fills itself in after opening).
        await Expect(time).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}:\d{2}$"));
        await time.FillAsync("");
        await time.PressAsync("Tab");
        await Expect(dialog).ToContainTextAsync("Begintijd is verplicht.");
        await dialog.Locator("[data-testid=dialog-save]").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Begintijd is verplicht.");
        await time.FillAsync("14:30");
        await time.PressAsync("Tab");
        await dialog.Locator("input[data-testid=plan-duration]").FillAsync("90");
        await dialog.Locator("input[data-testid=plan-details]").FillAsync("https://meet.example.nl/kerngroep");
        await dialog.Locator("[data-testid=dialog-save]").ClickAsync();

        await Expect(marloes.Locator("[data-testid=meeting-when]")).ToContainTextAsync("14:30–16:00");
        await Expect(marloes.Locator("[data-testid=meeting-mode]")).ToContainTextAsync("https://meet.example.nl/kerngroep");

        // Cancel: everyone sees the notice and the agenda can no longer change.
        await sanne.ClickAsync("[data-testid=cancel-meeting]");
        await sanne.Locator(".mud-message-box").GetByRole(AriaRole.Button, new() { Name = "Afgelasten" }).ClickAsync();

        await Expect(marloes.Locator("[data-testid=meeting-cancelled]")).ToBeVisibleAsync();
        await Expect(marloes.Locator("[data-testid=meeting-status]")).ToHaveTextAsync("Afgelast");
        await Expect(marloes.Locator("[data-testid=add-agenda-item]")).ToHaveCountAsync(0);
        await Expect(sanne.Locator("[data-testid=reschedule]")).ToHaveCountAsync(0);

        await sanne.Context.CloseAsync();
        await marloes.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_nothing_moves_under_the_finger_while_a_change_is_being_saved()
    {
        var meetingId = await HubClients.NewMeetingAsync(browser.App);
        var marloes = await OpenMeetingAsync(AppFactory.CoreGroupMember, meetingId, width: 360);
        await Expect(marloes.Locator("[data-testid=presence]")).ToContainTextAsync("Marloes ter Horst");
        // After every change of the page, where the second item's buttons are: a "not saved" notice that comes and goes
        // must not push them around (a tap aimed at one would land on something else).
        await marloes.EvaluateAsync("""
            () => {
              window.__tops = new Set();
              const record = () => { const item = document.querySelectorAll('[data-testid=agenda-item]')[1];
                if (item) window.__tops.add(Math.round(item.getBoundingClientRect().top + window.scrollY)); };
              record();
              new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
            }
            """);

        // Moves and typed notes on the first item: each is "not saved" until the server has it.
        var first = "Aanmelding en toelating van nieuwe deelnemers";
        for (var i = 0; i < 3; i++)
        {
            var items = marloes.Locator("[data-testid=agenda-item] [data-testid=item-title]");
            var moving = await items.Nth(2).TextContentAsync();
            await marloes.Locator("[data-testid=agenda-item]").Nth(2).Locator("[data-testid=move-down]").ClickAsync();
            await Expect(items.Nth(3)).ToHaveTextAsync(moving!, new() { Timeout = 15_000 });
            await Expect(marloes.Locator("[data-testid=unsaved]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        }

        await TypeAtAsync(Item(marloes, first).Locator("textarea[data-testid=notes]"), [], "Twee aanmeldingen.");
        await Expect(Item(marloes, first).Locator("[data-testid=notes-unsaved]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(marloes.Locator("[data-testid=saved]")).ToHaveTextAsync("Opgeslagen");

        var tops = await marloes.EvaluateAsync<int[]>("() => [...window.__tops]");
        Assert.Single(tops);
        await Expect(marloes.Locator("[data-testid=agenda-item]")).ToHaveCountAsync(4);
        await marloes.Context.CloseAsync();
    }

    /// <summary>Puts the caret where a person would (keys such as End), then types at a brisk speed.</summary>
    private static async Task TypeAtAsync(ILocator field, string[] keys, string text)
    {
        await field.FocusAsync();
        foreach (var key in keys)
        {
            await field.PressAsync(key);
        }

        await field.PressSequentiallyAsync(text, new() { Delay = 40 });
    }

    private async Task<IPage> OpenMeetingAsync(string email, Guid meetingId, int width = 1280)
    {
        var page = await browser.OpenLiveAsync(email, $"/meetings/{meetingId}", width);
        await Expect(page.Locator("[data-testid=agenda-item]").First).ToBeVisibleAsync();
        return page;
    }

    private static ILocator Item(IPage page, string title) =>
        page.Locator("[data-testid=agenda-item]").Filter(new() { Has = page.Locator("[data-testid=item-title]", new() { HasTextString = title }) });
}
