using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;
using static Microsoft.Playwright.Assertions;

namespace NinetyNine.Tests.Browser;

/// <summary>
/// The lawyers' queue is live: a lawyer on her phone sees a new question arrive without reloading and answers it; the
/// coordinator, with the queue open too, sees it move to the answered ones.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdviceJourneyTests(BrowserFixture browser)
{
    private const string Group = "Wet- en regelgeving";
    private const string Question = "Mag een werkgever de proefplaatsing na twee maanden verlengen?";

    [Fact]
    public async Task A_new_question_arrives_live_in_the_queue_and_its_answer_moves_it_for_everyone()
    {
        var app = browser.App;
        var eva = await browser.OpenLiveAsync(AppFactory.Advisor, "/advice", 360);
        var sanne = await browser.OpenLiveAsync(AppFactory.Coordinator, "/advice");
        var open = await eva.Locator("[data-testid=advice-request]").CountAsync();

        // The coordinator asks on a card of the group's board (through the board's own line, as the board page does).
        Guid groupId;
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            groupId = await db.ThemeGroups.Where(g => g.Name == Group).Select(g => g.Id.Value).SingleAsync();
        }

        var boards = app.Services.GetRequiredService<BoardService>();
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var boardId = (await boards.BoardOfAsync(coordinator, new ThemeGroupId(groupId)))!.Value;
        var columns = (await boards.SnapshotAsync(coordinator, boardId))!.Columns;
        var added = await boards.AddCardAsync(coordinator, boardId, Guid.NewGuid(), columns[0].Id, BoardService.StateOf(CardFields.New("Proefplaatsing verlengen")));
        Assert.True((await boards.AskLegalAdviceAsync(coordinator, boardId, Guid.NewGuid(), added.CardId!.Value, Question)).Accepted);

        var request = eva.Locator($"[data-testid=advice-request][data-card-id='{added.CardId}']");
        await Expect(request.Locator("[data-testid=advice-question]")).ToHaveTextAsync(Question, new() { Timeout = 15_000 });
        await Expect(eva.Locator("[data-testid=advice-request]")).ToHaveCountAsync(open + 1);
        await Expect(sanne.Locator($"[data-testid=advice-request][data-card-id='{added.CardId}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await request.Locator("[data-testid=advice-start]").ClickAsync();
        await request.Locator("textarea[data-testid=advice-answer-input]").FillAsync("Ja, met instemming van het UWV; leg het schriftelijk vast.");
        await request.Locator("[data-testid=advice-save]").ClickAsync();

        await Expect(eva.Locator($"[data-testid=advice-request][data-card-id='{added.CardId}']")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(sanne.Locator($"[data-testid=advice-request][data-card-id='{added.CardId}']")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await sanne.ClickAsync("[data-testid=advice-filter-answered]");
        await Expect(sanne.Locator($"[data-testid=advice-request][data-card-id='{added.CardId}'] [data-testid=advice-answer]"))
            .ToHaveTextAsync("Ja, met instemming van het UWV; leg het schriftelijk vast.");

        await eva.Context.CloseAsync();
        await sanne.Context.CloseAsync();
    }
}
