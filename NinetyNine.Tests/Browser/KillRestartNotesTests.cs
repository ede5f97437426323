using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>
/// The server is killed while a person types in an agenda item's notes and started again on the same database and the
/// same port: the draft lives in the tab's sessionStorage, which belongs to the origin (scheme, host and port), so the
/// restarted app must be at the same address for the page to find it. After the reload the page offers the unsent text
/// back and merges it, and the server has every word, once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KillRestartNotesTests(BrowserFixture browser)
{
    private const string Title = "Updates over de themagroepen vanuit de kartrekkers";

    [Fact]
    public async Task Notes_typed_while_the_server_is_killed_are_offered_back_after_the_restart_and_every_word_reaches_the_server()
    {
        await using var server = new AppProcess();
        await server.StartAsync();
        var meetingId = await server.NewMeetingAsync();

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-US" });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(server.BaseUrl + "/account/login");
            await page.FillAsync("#email", AppFactory.Coordinator);
            await page.FillAsync("#password", AppFactory.DemoPassword);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.WaitForURLAsync(server.BaseUrl + "/");
            var meetingUrl = $"{server.BaseUrl}/meetings/{meetingId}";
            await page.GotoAsync(meetingUrl);
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await Expect(page.Locator("[data-testid=connection-state]")).ToHaveTextAsync("Live verbonden", new() { Timeout = 15_000 });
            var field = Notes(page);
            await page.WaitForFunctionAsync("el => !!el.__notes", await field.ElementHandleAsync()); // Its OT client has taken the field over.
            await field.FillAsync("Eerste regel.");
            await Expect(Item(page).Locator("[data-testid=notes-unsaved]")).ToHaveCountAsync(0);
            await StoredEventuallyAsync(server, meetingId, "Eerste regel.");

            // She types on; a moment in, the server is killed. What follows never reaches it.
            const string More = " Tweede regel, getypt terwijl de server wegviel en weer opstond.";
            await field.FocusAsync();
            await field.PressAsync("Control+End");
            var typing = page.Keyboard.TypeAsync(More, new() { Delay = 50 });
            await Task.Delay(800);
            server.Kill();
            await typing;
            Assert.Equal("Eerste regel." + More, await field.InputValueAsync());
            var draft = await page.EvaluateAsync<string?>($"() => sessionStorage.getItem('ninetynine.notes:{meetingId}:{await ItemIdAsync(page)}')");
            Assert.False(string.IsNullOrEmpty(draft), "The unsent typing was not kept in sessionStorage.");
            var stored = await StoredNotesAsync(server, meetingId);
            Assert.NotEqual("Eerste regel." + More, stored); // The server really missed some of it.

            // The server comes back on the same database and port. The page's circuit is gone: it reloads, by itself or
            // by the person's click on "reload", and offers the text back.
            await server.StartAsync();
            var restored = page.Locator(".mud-snackbar").Filter(new() { HasTextString = "Niet opgeslagen tekst teruggezet" });
            var reload = page.Locator("#components-reconnect-modal[data-state=failed] a[data-action=reload]");
            await restored.Or(reload).First.WaitForAsync(new() { Timeout = 60_000 });
            if (!await restored.IsVisibleAsync())
            {
                await reload.First.ClickAsync();
            }

            await Expect(restored).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.Equal(meetingUrl, page.Url);
            await Expect(Notes(page)).ToHaveValueAsync("Eerste regel." + More);
            await Expect(Item(page).Locator("[data-testid=notes-unsaved]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

            // Merged as a normal edit: the server has every word, and nothing twice.
            await StoredEventuallyAsync(server, meetingId, "Eerste regel." + More);
            await page.ReloadAsync();
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await Expect(Notes(page)).ToHaveValueAsync("Eerste regel." + More);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"The run failed; the app's log:\n{server.LogText()}", e);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static ILocator Item(IPage page) =>
        page.Locator("[data-testid=agenda-item]").Filter(new() { Has = page.Locator("[data-testid=item-title]", new() { HasTextString = Title }) });

    private static ILocator Notes(IPage page) => Item(page).Locator("textarea[data-testid=notes]");

    private static async Task<string?> ItemIdAsync(IPage page) => await Item(page).GetAttributeAsync("data-item-id");

    /// <summary>Waits until the server has saved <paramref name="expected"/> (acknowledged first, then shown), failing with what it has.</summary>
    private static async Task StoredEventuallyAsync(AppProcess server, Guid meetingId, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string stored;
        while ((stored = await StoredNotesAsync(server, meetingId)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(expected, stored);
    }

    private static async Task<string> StoredNotesAsync(AppProcess server, Guid meetingId)
    {
        await using var db = server.Db();
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == new MeetingId(meetingId));
        return meeting.Agenda.Single(i => i.Title == Title).Notes;
    }
}
