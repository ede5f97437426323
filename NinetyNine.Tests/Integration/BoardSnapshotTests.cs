using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// A board as read for its page and its live connections: read once per version of the board, network and group, and
/// never stale after a change; each person still gets their own right to edit. The page as the server sends it shows a
/// screenful of cards per column and says how many more the live board holds.
/// </summary>
public sealed partial class BoardSnapshotTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Kennis = "Kennisuitwisseling";

    private BoardService Boards => app.Services.GetRequiredService<BoardService>();

    private async Task<(Guid GroupId, Guid BoardId)> BoardOfAsync(string group)
    {
        var id = await app.ThemeGroupIdAsync(group);
        return (id.Value, (await Boards.BoardOfAsync(await app.MemberAsync(AppFactory.Coordinator), id))!.Value);
    }

    private async Task AddCardAsync(Guid boardId, Guid columnId, string title)
    {
        var result = await Boards.AddCardAsync(await app.MemberAsync(AppFactory.Coordinator), boardId, Guid.NewGuid(), columnId, BoardService.StateOf(CardFields.New(title)));
        Assert.True(result.Accepted, result.Error);
    }

    [Fact]
    public async Task A_board_is_read_again_after_a_change_to_it_or_to_the_network_and_each_person_keeps_their_own_right_to_edit()
    {
        var (_, boardId) = await BoardOfAsync(Kennis);
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var marloes = await app.MemberAsync(AppFactory.CoreGroupMember);

        var first = (await Boards.SnapshotAsync(coordinator, boardId))!;
        var again = (await Boards.SnapshotAsync(marloes, boardId))!;

        // Nothing changed: the second reader shares the first read, with her own (read-only) access.
        Assert.Same(first.Cards, again.Cards);
        Assert.True(first.CanEdit);
        Assert.False(again.CanEdit);

        // A change to the board: the next read has it.
        await AddCardAsync(boardId, first.Columns[0].Id, "Kennissessie jobcarving");
        var changed = (await Boards.SnapshotAsync(marloes, boardId))!;
        Assert.Equal(first.Version + 1, changed.Version);
        Assert.Contains(changed.Cards, c => c.Fields.Title == "Kennissessie jobcarving");
        Assert.False(changed.CanEdit);

        // A change to the network (a new person): the board's list of people has her.
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            var network = await db.Networks.SingleAsync(n => n.Id == coordinator.NetworkId);
            network.AddPerson("Iris Nieuwenhuis", EmailAddress.Parse("iris.nieuwenhuis@example.org"));
            await db.SaveChangesAsync();
        }

        var renamed = (await Boards.SnapshotAsync(coordinator, boardId))!;
        Assert.Contains(renamed.People, p => p.Name == "Iris Nieuwenhuis");
        Assert.DoesNotContain(changed.People, p => p.Name == "Iris Nieuwenhuis");
        Assert.True(renamed.CanEdit);
    }

    [Fact]
    public async Task The_page_as_sent_by_the_server_shows_a_screenful_of_cards_per_column_and_how_many_more_there_are()
    {
        var (groupId, boardId) = await BoardOfAsync(Kennis);
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var board = (await Boards.SnapshotAsync(coordinator, boardId))!;
        var column = board.Columns[1];
        var before = board.Cards.Count(c => c.ColumnId == column.Id && !c.IsArchived);
        for (var i = before; i < BoardFilter.PreviewSize + 5; i++)
        {
            await AddCardAsync(boardId, column.Id, $"Voorbeeldkaart {i + 1}");
        }

        using var client = await SignedInClient.SignInAsync(app, AppFactory.Coordinator);
        var response = await client.GetAsync($"/theme-groups/{groupId}/board");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var section = ColumnSection().Matches(html).Single(m => m.Groups["index"].Value == "1").Value;
        Assert.Equal(BoardFilter.PreviewSize, TilePattern().Count(section));
        Assert.Contains("en nog 5 kaarten", section, StringComparison.Ordinal);
        Assert.Contains($">{BoardFilter.PreviewSize + 5}</span>", section, StringComparison.Ordinal); // The column's count is of all its cards.
    }

    [Theory]
    [InlineData(AppFactory.Coordinator, true)]
    [InlineData(AppFactory.CoreGroupMember, true)]
    [InlineData(AppFactory.Participant, true)]
    [InlineData(AppFactory.Advisor, false)] // Lawyers answer the questions put to them, on /advice; they do not open boards.
    public async Task The_theme_group_pages_link_to_a_board_only_for_those_the_board_lets_in(string email, bool mayOpen)
    {
        var member = await app.MemberAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        var groups = await scope.ServiceProvider.GetRequiredService<NinetyNine.Web.Features.ThemeGroups.ThemeGroupService>().ListAsync(member);
        var (groupId, boardId) = await BoardOfAsync(Kennis);

        Assert.All(groups, g => Assert.Equal(mayOpen, g.MayOpenBoard));
        Assert.Equal(mayOpen, await Boards.SnapshotAsync(member, boardId) is not null);
        using var client = await SignedInClient.SignInAsync(app, email);
        Assert.Equal(mayOpen, (await client.GetStringAsync($"/theme-groups/{groupId}")).Contains("data-testid=\"open-board\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AppFactory.Coordinator, true)]
    [InlineData(AppFactory.SecondCoreGroupMember, true)] // Henk leads Werkgelegenheid creëren.
    [InlineData(AppFactory.ThemeLead, false)] // Joost leads another group.
    [InlineData(AppFactory.CoreGroupMember, false)]
    public async Task Only_the_groups_lead_and_the_coordinator_get_the_button_for_a_status_report(string email, bool mayReport)
    {
        var groupId = await app.ThemeGroupIdAsync("Werkgelegenheid creëren");
        using var client = await SignedInClient.SignInAsync(app, email);

        var page = await client.GetStringAsync($"/theme-groups/{groupId.Value}");

        Assert.Contains("data-testid=\"status-section\"", page, StringComparison.Ordinal);
        Assert.Equal(mayReport, page.Contains("data-testid=\"status-new\"", StringComparison.Ordinal));
    }

    [GeneratedRegex("<section class=\"board-column\" data-testid=\"column-(?<index>\\d+)\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex ColumnSection();

    [GeneratedRegex("<article class=\"board-card[^\"]*\" data-testid=\"card-")]
    private static partial Regex TilePattern();
}
