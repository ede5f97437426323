using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Features.Meetings.Live;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>
/// From meeting to board in two browsers: the coordinator sends an action item to a theme group's board during the
/// call; a core group member on her phone sees the card's status under the action, and sees it change when the card
/// moves on the board, without reloading.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ActionCardJourneyTests(BrowserFixture browser)
{
    private const string Group = "In-, door- en uitstroom van kandidaten";
    private const string Action = "Twee werkgevers benaderen voor een proefplaatsing";

    [Fact]
    public async Task An_action_sent_to_a_board_shows_its_cards_column_live_in_the_meeting()
    {
        var app = browser.App;
        var meetingId = await HubClients.NewMeetingAsync(app);
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var agenda = app.Services.GetRequiredService<AgendaService>();
        var item = (await agenda.SnapshotAsync(coordinator, meetingId))!.Items[1].Id;
        Assert.True((await agenda.AddActionAsync(coordinator, meetingId, Guid.NewGuid(), item, Action, "Joost Hulshof", new DateOnly(2027, 1, 15))).Accepted);

        var sanne = await browser.OpenLiveAsync(AppFactory.Coordinator, $"/meetings/{meetingId}");
        var marloes = await browser.OpenLiveAsync(AppFactory.CoreGroupMember, $"/meetings/{meetingId}", 360);
        await Expect(marloes.Locator("[data-testid=send-to-board]")).ToHaveCountAsync(0);

        // The coordinator sends it to the group's board.
        await sanne.ClickAsync("[data-testid=send-to-board]");
        var dialog = sanne.Locator(".mud-dialog");
        await dialog.Locator("[data-testid=send-save]").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Kies een themagroep.");
        await dialog.Locator("[data-testid=send-group]").ClickAsync();
        await sanne.GetByRole(AriaRole.Option, new() { Name = Group }).ClickAsync();
        await dialog.Locator("[data-testid=send-save]").ClickAsync();

        var status = $"Bord {Group}: Idee";
        await Expect(sanne.Locator("[data-testid=action-card]")).ToHaveTextAsync(status, new() { Timeout = 15_000 });
        await Expect(marloes.Locator("[data-testid=action-card]")).ToHaveTextAsync(status, new() { Timeout = 15_000 });

        // The lead moves the card on the board; both meeting pages follow.
        Guid groupId;
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            groupId = await db.ThemeGroups.Where(g => g.Name == Group).Select(g => g.Id.Value).SingleAsync();
        }

        var boards = app.Services.GetRequiredService<BoardService>();
        var joost = await app.MemberAsync(AppFactory.ThemeLead);
        var boardId = (await boards.BoardOfAsync(joost, new ThemeGroupId(groupId)))!.Value;
        var board = (await boards.SnapshotAsync(joost, boardId))!;
        var card = board.Cards.Single(c => c.Origin?.MeetingId == meetingId);
        Assert.True((await boards.MoveCardAsync(joost, boardId, Guid.NewGuid(), card.Id, board.Columns[2].Id, 0)).Accepted);

        await Expect(marloes.Locator("[data-testid=action-card]")).ToHaveTextAsync($"Bord {Group}: {board.Columns[2].Name}", new() { Timeout = 15_000 });
        await Expect(sanne.Locator("[data-testid=action-card]")).ToHaveTextAsync($"Bord {Group}: {board.Columns[2].Name}", new() { Timeout = 15_000 });
        // The status links to the card on its board.
        Assert.Equal($"/theme-groups/{groupId}/board?card={card.Id}", await marloes.Locator("[data-testid=action-card]").GetAttributeAsync("href"));

        await sanne.Context.CloseAsync();
        await marloes.Context.CloseAsync();
    }
}
