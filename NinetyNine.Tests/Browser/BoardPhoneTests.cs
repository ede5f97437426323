using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NinetyNine.Domain.Boards;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>
/// A board on a phone (360 px, touch): a card cannot be dragged there, and the last column is off screen. The card's
/// menu is a labelled button big enough for a thumb, and moving a card to the column off screen works through it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardPhoneTests(BrowserFixture browser)
{
    private const string Group = "Werkgelegenheid creëren";

    [Fact]
    public async Task On_a_touch_phone_a_card_moves_to_a_column_off_screen_through_its_labelled_menu()
    {
        var groupId = (await browser.App.ThemeGroupIdAsync(Group)).Value;
        var boards = browser.App.Services.GetRequiredService<BoardService>();
        var member = await browser.App.MemberAsync(AppFactory.Coordinator);
        var boardId = (await boards.BoardOfAsync(member, new(groupId)))!.Value;
        var snapshot = (await boards.SnapshotAsync(member, boardId))!;
        var title = $"Duimkaart {Guid.NewGuid().ToString("N")[..6]}";
        var added = await boards.AddCardAsync(member, boardId, Guid.NewGuid(), snapshot.Columns[0].Id,
            new CardFieldsState(title, string.Empty, null, null, [], [], [], FundingStatus.NotNeeded, null, null));
        Assert.True(added.Accepted, added.Error);
        var last = snapshot.Columns.Count - 1;

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 780 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/account/login");
        await page.FillAsync("#email", AppFactory.Coordinator);
        await page.FillAsync("#password", AppFactory.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync($"{browser.BaseUrl}/theme-groups/{groupId}/board");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=board-ready]")).ToBeVisibleAsync();

        var tile = page.Locator("[data-testid=column-0] article[data-testid^=card-]", new() { HasTextString = title });
        var button = tile.Locator("[data-testid=card-menu] button");
        await Expect(button).ToContainTextAsync("Verplaatsen");
        await Expect(tile.Locator("[data-testid=drag-handle]")).ToBeHiddenAsync();
        var size = (await button.BoundingBoxAsync())!;
        Assert.True(size.Height >= 44, $"the menu button is {size.Height} px high");
        Assert.False(await page.Locator($"[data-testid=column-{last}]").IsVisibleAsync() && await InViewAsync(page, last),
            "the last column should start off screen on a phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "board-phone-360.png") });

        await button.TapAsync();
        await page.Locator($"[data-testid=move-to-{last}]").TapAsync();

        await Expect(page.Locator($"[data-testid=column-{last}] article[data-testid^=card-]", new() { HasTextString = title })).ToHaveCountAsync(1);
        await Expect(tile).ToHaveCountAsync(0);
        await context.CloseAsync();
    }

    private static Task<bool> InViewAsync(IPage page, int column) =>
        page.EvaluateAsync<bool>($"() => {{ const r = document.querySelector('[data-testid=column-{column}]').getBoundingClientRect(); return r.left < window.innerWidth; }}");
}
