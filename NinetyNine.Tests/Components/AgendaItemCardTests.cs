using Bunit;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Features.Meetings;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Components;

public sealed class AgendaItemCardTests : MudTestContext
{
    private static readonly DateTime Start = new(2026, 12, 15, 8, 0, 0);

    private static AgendaItemState Item(string title = "Werkbezoek", bool discussed = false, IReadOnlyList<TopicState>? topics = null) =>
        new(Guid.NewGuid(), title, false, "Henk Nijhuis", 15, "Rondleiding in mei", discussed,
            [new DecisionState(Guid.NewGuid(), "We gaan op werkbezoek", Start)],
            [new ActionState(Guid.NewGuid(), "Datum prikken", "Sanne", new DateOnly(2026, 12, 22), false)],
            topics ?? []);

    private static readonly Guid ApplicationRef = Guid.NewGuid();
    private static readonly Guid GroupRef = Guid.NewGuid();

    private static readonly TopicState[] Topics =
    [
        new(Guid.NewGuid(), AgendaTopicKind.Application, ApplicationRef, "Bakkerij Hofman", null),
        new(Guid.NewGuid(), AgendaTopicKind.ThemeGroupUpdate, GroupRef, "Wet- en regelgeving", "Joost Hulshof"),
        new(Guid.NewGuid(), AgendaTopicKind.ThemeGroupUpdate, Guid.NewGuid(), "Kennisuitwisseling", null),
    ];

    [Fact]
    public void Topics_link_to_the_application_dossier_and_the_theme_group_with_their_presenter()
    {
        var card = Render<AgendaItemCard>(p => p
            .Add(c => c.Item, Item(topics: Topics)).Add(c => c.Index, 0).Add(c => c.Count, 4).Add(c => c.CanEdit, false).Add(c => c.CanOpenApplications, true));

        var rows = card.FindAll("[data-testid=agenda-topic]");
        Assert.Equal(3, rows.Count);
        Assert.Equal($"/applications/{ApplicationRef}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"/theme-groups/{GroupRef}", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Joost Hulshof", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("nog geen kartrekker", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("[data-testid=remove-topic]"));
    }

    [Fact]
    public void Someone_who_may_not_open_applications_sees_them_as_text_and_the_theme_groups_as_links()
    {
        var card = Render<AgendaItemCard>(p => p
            .Add(c => c.Item, Item(topics: Topics)).Add(c => c.Index, 0).Add(c => c.Count, 4).Add(c => c.CanEdit, false));

        var rows = card.FindAll("[data-testid=agenda-topic]");
        Assert.Null(rows[0].QuerySelector("a"));
        Assert.Equal("Bakkerij Hofman", rows[0].QuerySelector("[data-testid=topic-text]")!.TextContent.Trim());
        Assert.Equal($"/theme-groups/{GroupRef}", rows[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void An_editor_removes_a_topic_by_its_id()
    {
        var item = Item(topics: Topics);
        var sent = new RecordedIntents();
        var card = Render<AgendaItemCard>(p => p
            .Add(c => c.Item, item).Add(c => c.Index, 0).Add(c => c.Count, 4).Add(c => c.CanEdit, true)
            .Add(c => c.Live, sent.Live()));

        card.FindAll("[data-testid=remove-topic]")[1].Click();

        Assert.Equal([$"RemoveTopic({item.Id}, {Topics[1].Id})"], sent.Calls);
        Assert.Equal("„Wet- en regelgeving” van de agenda halen", card.FindAll("[data-testid=remove-topic]")[1].GetAttribute("aria-label"));
    }

    [Fact]
    public void Shows_presenter_timebox_decisions_actions_and_how_long_the_current_item_runs()
    {
        var item = Item();
        var live = new MeetingState(MeetingStatus.Live, Start, Start, item.Id, Start.AddMinutes(3), Start.AddMinutes(55), 60, MeetingMode.Phone, null);

        var card = Render<AgendaItemCard>(p => p
            .Add(c => c.Item, item).Add(c => c.Index, 1).Add(c => c.Count, 5).Add(c => c.CanEdit, true)
            .Add(c => c.Meeting, live).Add(c => c.Now, Start.AddMinutes(10)).Add(c => c.Notes, item.Notes));

        Assert.Equal("Werkbezoek", card.Find("[data-testid=item-title]").TextContent);
        Assert.Contains("Henk Nijhuis", card.Markup, StringComparison.Ordinal);
        Assert.Contains("15 min", card.Markup, StringComparison.Ordinal);
        Assert.Equal("Nu aan de orde · 7 min", card.Find("[data-testid=current-item]").TextContent.Trim());
        Assert.Contains("We gaan op werkbezoek", card.Find("[data-testid=decisions]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Datum prikken", card.Find("[data-testid=actions]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Rondleiding in mei", card.Find("textarea[data-testid=notes]").GetAttribute("value"));
    }

    [Fact]
    public void The_arrows_ask_to_move_the_item_one_place_and_are_labelled()
    {
        var item = Item();
        var sent = new RecordedIntents();
        var card = Render<AgendaItemCard>(p => p
            .Add(c => c.Item, item).Add(c => c.Index, 2).Add(c => c.Count, 5).Add(c => c.CanEdit, true)
            .Add(c => c.Live, sent.Live()));

        card.Find("[data-testid=move-up]").Click();
        card.Find("[data-testid=move-down]").Click();

        Assert.Equal([$"MoveItem({item.Id}, 1)", $"MoveItem({item.Id}, 3)"], sent.Calls);
        Assert.Equal("„Werkbezoek” omhoog", card.Find("[data-testid=move-up]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Someone_who_may_only_follow_gets_no_editing_controls()
    {
        var card = Render<AgendaItemCard>(p => p
            .Add(c => c.Item, Item()).Add(c => c.Index, 0).Add(c => c.Count, 4).Add(c => c.CanEdit, false).Add(c => c.Notes, "Rondleiding in mei"));

        Assert.Empty(card.FindAll("button"));
        Assert.Empty(card.FindAll("textarea"));
        Assert.Equal("Rondleiding in mei", card.Find("[data-testid=notes-readonly]").TextContent);
    }

    [Fact]
    public void Shows_who_is_typing_in_the_item()
    {
        var card = Render<AgendaItemCard>(p => p
            .Add(c => c.Item, Item()).Add(c => c.Index, 0).Add(c => c.Count, 4).Add(c => c.CanEdit, true)
            .Add(c => c.EditingBy, ["Marloes ter Horst"]));

        Assert.Equal("Marloes ter Horst typt hier", card.Find("[data-testid=editing-by]").TextContent.Trim());
    }
}
