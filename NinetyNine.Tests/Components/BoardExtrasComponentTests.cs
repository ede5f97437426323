using Bunit;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Features.Dashboard;
using NinetyNine.Web.Features.Meetings;
using NinetyNine.Web.Features.Meetings.Live;

namespace NinetyNine.Tests.Components;

/// <summary>The status section of a theme group, the dashboard's status per group, the lawyers' queue, and an action's card status.</summary>
public sealed class BoardExtrasComponentTests : MudTestContext
{
    private static readonly Guid Group = Guid.NewGuid();

    public BoardExtrasComponentTests()
    {
        Services.AddSingleton<IValidator<StatusReportForm>, StatusReportFormValidator>();
        Services.AddSingleton<IValidator<AdviceAnswerForm>, AdviceAnswerFormValidator>();
    }

    private static StatusReportView Report(GroupStatus status, string text, int daysAgo) =>
        new(Guid.NewGuid(), Group, "Wet- en regelgeving", status, text, "Eerste plaatsing", 1, "Joost Hulshof", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero).AddDays(-daysAgo));

    [Fact]
    public void The_status_section_shows_the_latest_with_its_status_in_words_and_the_earlier_ones_as_history()
    {
        var section = Render<StatusReportSection>(p => p
            .Add(c => c.History, [Report(GroupStatus.OffTrack, "Geen kandidaten deze maand.", 0), Report(GroupStatus.OnTrack, "Alles loopt.", 21)])
            .Add(c => c.CanWrite, false));

        var latest = section.Find("[data-testid=status-latest]");
        Assert.Equal("Uit koers", latest.QuerySelector("[data-testid=status-chip]")!.TextContent.Trim());
        Assert.Contains("mud-chip-color-error", latest.QuerySelector("[data-testid=status-chip]")!.ClassName, StringComparison.Ordinal);
        Assert.Equal("Geen kandidaten deze maand.", section.Find("[data-testid=status-latest-text]").TextContent);
        var history = Assert.Single(section.FindAll("[data-testid=status-history-item]"));
        Assert.Contains("Op koers", history.TextContent, StringComparison.Ordinal);
        Assert.Contains("Alles loopt.", history.TextContent, StringComparison.Ordinal);
        Assert.Empty(section.FindAll("[data-testid=status-new]"));
    }

    [Fact]
    public async Task The_lead_writes_a_report_with_messages_at_the_fields_and_a_refusal_keeps_what_was_typed()
    {
        Render<MudPopoverProvider>();
        var sent = new List<StatusReportForm>();
        var section = Render<StatusReportSection>(p => p
            .Add(c => c.CanWrite, true)
            .Add(c => c.Write, form => { sent.Add(form); return Task.FromResult<string?>("Alleen de kartrekker."); }));
        Assert.Equal("Nog geen statusupdate.", section.Find("[data-testid=status-none]").TextContent);

        section.Find("[data-testid=status-new]").Click();
        await section.Find("[data-testid=status-save]").ClickAsync(new());
        section.WaitForAssertion(() => Assert.Contains("Toelichting is verplicht.", section.Markup, StringComparison.Ordinal));
        Assert.Contains("Kies: op koers, risico of uit koers.", section.Markup, StringComparison.Ordinal);
        Assert.Empty(sent);

        section.Find("textarea[data-testid=status-text]").Input("Twee nieuwe plaatsen.");
        await section.InvokeAsync(() => section.FindComponent<MudSelect<GroupStatus?>>().Instance.SelectOption(GroupStatus.AtRisk));
        await section.Find("[data-testid=status-save]").ClickAsync(new());

        section.WaitForAssertion(() => Assert.Equal("Alleen de kartrekker.", section.Find("[data-testid=status-error]").TextContent));
        Assert.Equal((GroupStatus.AtRisk, "Twee nieuwe plaatsen."), (sent[0].Status, sent[0].Text));
        Assert.Equal("Twee nieuwe plaatsen.", section.Find("textarea[data-testid=status-text]").GetAttribute("value") ?? section.Find("textarea[data-testid=status-text]").TextContent);
    }

    [Fact]
    public void The_dashboard_shows_each_groups_latest_status_and_first_line()
    {
        var card = Render<ThemeGroupsCard>(p => p.Add(c => c.Groups,
        [
            new ThemeGroupCard(new ThemeGroupId(Guid.NewGuid()), "Werkgelegenheid creëren", "Henk Nijhuis", "Sallandse Wegenbouw", 6, GroupStatus.AtRisk, "Minder vacatures dan gehoopt."),
            new ThemeGroupCard(new ThemeGroupId(Guid.NewGuid()), "Kennisuitwisseling", null, null, 3),
        ]));

        var tiles = card.FindAll("[data-testid=theme-group-tile]");
        Assert.Equal("Risico", tiles[0].QuerySelector("[data-testid=status-chip]")!.TextContent.Trim());
        Assert.Contains("mud-chip-color-warning", tiles[0].QuerySelector("[data-testid=status-chip]")!.ClassName, StringComparison.Ordinal);
        Assert.Equal("Minder vacatures dan gehoopt.", tiles[0].QuerySelector("[data-testid=group-status-line]")!.TextContent);
        Assert.Null(tiles[1].QuerySelector("[data-testid=status-chip]"));
        Assert.Equal("Nog geen statusupdate.", tiles[1].QuerySelector("[data-testid=group-status-none]")!.TextContent);
    }

    private static AdviceRequest Request(string title, bool answered, int hoursAgo) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Wet- en regelgeving", title, "Omschrijving van " + title, new DateOnly(2026, 12, 1), "Mag dit?", "Joost Hulshof",
            DateTimeOffset.UtcNow.AddHours(-hoursAgo), answered ? "Ja." : null, answered ? "mr. Eva Lammers" : null, answered ? DateTimeOffset.UtcNow : null);

    [Fact]
    public async Task The_queue_lists_open_questions_filters_the_answered_ones_and_answers_with_a_required_text()
    {
        var requests = new[] { Request("Aanbesteding", false, 1), Request("Inleen", false, 5), Request("Proefplaatsing", true, 50) };
        var answers = new List<(Guid, string)>();
        var list = Render<AdviceQueueList>(p => p.Add(c => c.Requests, requests)
            .Add(c => c.Answer, (r, f) => { answers.Add((r.CardId, f.Answer)); return Task.FromResult<string?>(null); }));

        Assert.Equal(["Aanbesteding", "Inleen"], list.FindAll("[data-testid=advice-card-title]").Select(e => e.TextContent));
        Assert.Contains("Deadline 1 dec 2026", list.Find("[data-testid=advice-request]").TextContent, StringComparison.Ordinal);

        list.FindAll("[data-testid=advice-start]")[1].Click();
        await list.Find("[data-testid=advice-save]").ClickAsync(new());
        list.WaitForAssertion(() => Assert.Contains("Antwoord is verplicht.", list.Markup, StringComparison.Ordinal));
        Assert.Empty(answers);
        list.Find("textarea[data-testid=advice-answer-input]").Input("Ze tellen mee voor de inlener.");
        await list.Find("[data-testid=advice-save]").ClickAsync(new());
        list.WaitForAssertion(() => Assert.Equal([(requests[1].CardId, "Ze tellen mee voor de inlener.")], answers));

        list.Find("[data-testid=advice-filter-answered]").Click();
        var answered = Assert.Single(list.FindAll("[data-testid=advice-request]"));
        Assert.Equal("Ja.", answered.QuerySelector("[data-testid=advice-answer]")!.TextContent);
    }

    [Fact]
    public void A_question_past_its_deadline_is_marked_late_and_one_still_in_time_is_not()
    {
        var late = Request("Aanbesteding", false, 1) with { IsLate = true };
        var inTime = Request("Inleen", false, 5);
        var list = Render<AdviceQueueList>(p => p.Add(c => c.Requests, [late, inTime]).Add(c => c.Answer, (_, _) => Task.FromResult<string?>(null)));

        var due = list.FindAll("[data-testid=advice-due]");
        Assert.Equal(["true", "false"], due.Select(d => d.GetAttribute("data-late")));
        Assert.Contains("Te laat: deadline 1 dec 2026", due[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-error", due[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("Deadline 1 dec 2026", due[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_being_typed_when_someone_else_answers_stays_on_screen()
    {
        var open = Request("Inleen", false, 5);
        var list = Render<AdviceQueueList>(p => p.Add(c => c.Requests, [open]).Add(c => c.Answer, (_, _) => Task.FromResult<string?>(null)));
        list.Find("[data-testid=advice-start]").Click();
        list.Find("textarea[data-testid=advice-answer-input]").Input("Ze tellen mee voor de inlener.");

        list.Render(p => p.Add(c => c.Requests, [open with { Answer = "Ja.", AnsweredBy = "mr. Eva Lammers", AnsweredAt = DateTimeOffset.UtcNow }]));

        Assert.Empty(list.FindAll("textarea[data-testid=advice-answer-input]"));
        Assert.StartsWith("Deze vraag over „Inleen” is intussen door iemand anders beantwoord.", list.Find("[data-testid=advice-overtaken]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Ze tellen mee voor de inlener.", list.Find("[data-testid=advice-overtaken-text]").TextContent);
    }

    [Fact]
    public void An_action_shows_its_cards_status_with_a_link_to_the_board_and_the_others_offer_naar_bord_to_the_coordinator()
    {
        var linked = new ActionState(Guid.NewGuid(), "Werkgevers benaderen", "Joost Hulshof", null, false);
        var open = new ActionState(Guid.NewGuid(), "Notitie schrijven", null, null, false);
        var done = new ActionState(Guid.NewGuid(), "Pilot evalueren", null, null, false);
        var item = new AgendaItemState(Guid.NewGuid(), "Terugkoppeling themagroepen", true, null, null, string.Empty, false, [], [linked, open, done], []);
        var board = Guid.NewGuid();
        var sent = new List<ActionState>();
        var card = Render<AgendaItemCard>(p => p.Add(c => c.Item, item).Add(c => c.Index, 1).Add(c => c.Count, 4)
            .Add(c => c.LinkedCards, new Dictionary<Guid, ActionCardStatus>
            {
                [linked.Id] = new(linked.Id, board, Group, "Wet- en regelgeving", Guid.NewGuid(), "Bezig", false, false),
                [done.Id] = new(done.Id, board, Group, "Wet- en regelgeving", Guid.NewGuid(), "Afgerond", false, true),
            })
            .Add(c => c.CanSendToBoard, true)
            .Add(c => c.OnSendToBoard, EventCallback.Factory.Create<ActionState>(this, sent.Add)));

        var statuses = card.FindAll("[data-testid=action-card]");
        Assert.Equal(["Bord Wet- en regelgeving: Bezig", "Bord Wet- en regelgeving: Afgerond"], statuses.Select(s => s.TextContent.Trim()));
        Assert.StartsWith($"/theme-groups/{Group}/board?card=", statuses[0].GetAttribute("href"), StringComparison.Ordinal);
        var send = Assert.Single(card.FindAll("[data-testid=send-to-board]"));
        send.Click();
        Assert.Equal([open], sent);
    }
}
