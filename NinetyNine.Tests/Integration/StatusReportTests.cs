using Microsoft.AspNetCore.SignalR;
using FluentValidation;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Tests.Domain;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Meetings;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Tests.Integration;

/// <summary>The lead's status report: who may write it, where it appears (latest, history, the next meeting's item 2, live).</summary>
public sealed class StatusReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Inflow = "In-, door- en uitstroom van kandidaten";
    private const string Employment = "Werkgelegenheid creëren";

    private StatusReportService Reports => app.Services.GetRequiredService<StatusReportService>();

    private Task<ThemeGroupId> GroupAsync(string name) => app.ThemeGroupIdAsync(name);

    private async Task<Meeting> NextMeetingAsync()
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var planned = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.Live).ToListAsync();
        return planned.Where(m => m.Status == MeetingStatus.Live || m.StartsAt >= DateTime.Now).OrderBy(m => m.Status == MeetingStatus.Live ? 0 : 1).ThenBy(m => m.StartsAt).First();
    }

    private static StatusReportForm Form(string text, GroupStatus status = GroupStatus.AtRisk) =>
        new() { Status = status, Text = text, Highlights = "Twee plaatsingen bij Wevers Bouw", JobsCreated = 2 };

    [Fact]
    public async Task The_leads_report_becomes_the_latest_and_arrives_live_in_the_groups_slot_of_the_next_meetings_item_2()
    {
        var group = await GroupAsync(Inflow);
        var next = await NextMeetingAsync();
        await using var marloes = await HubClients.AgendaAsync(app, AppFactory.CoreGroupMember, next.Id.Value);
        var joost = await app.MemberAsync(AppFactory.ThemeLead);

        await Reports.WriteAsync(joost, group, Form("Instroom loopt achter: UWV levert minder kandidaten aan.\nTweede regel."));

        var latest = Assert.Single(await Reports.LatestAsync(joost, joost.NetworkId), r => r.ThemeGroupId == group.Value);
        Assert.Equal((GroupStatus.AtRisk, "Instroom loopt achter: UWV levert minder kandidaten aan.", "Joost Hulshof"),
            (latest.Status, latest.FirstLine, latest.AuthorName));

        // Stored as values (status, the lead's words, jobs), said in the reader's language.
        const string words = "Instroom loopt achter: UWV levert minder kandidaten aan.\nTweede regel. (Twee plaatsingen bij Wevers Bouw)";
        await HubClients.EventuallyAsync(() => marloes.Items.SelectMany(i => i.Topics).Any(t => t.ReferenceId == group.Value && t.Detail == words),
            "the report arrives in the group's slot on the open agenda");
        var live = marloes.Items.SelectMany(i => i.Topics).Single(t => t.ReferenceId == group.Value);
        Assert.Equal((GroupStatus.AtRisk, 2), (live.ReportStatus, live.ReportJobs));
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var stored = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == next.Id);
        var item2 = stored.Agenda.Single(i => i.Standing == StandingItem.ThemeGroupUpdates);
        var topic = Assert.Single(item2.Topics, t => t.Kind == AgendaTopicKind.ThemeGroupUpdate && t.ReferenceId == group.Value);
        Assert.Equal((words, GroupStatus.AtRisk, 2), (topic.Detail, topic.ReportStatus, topic.ReportJobs));
        using (UiCulture.Dutch())
        {
            Assert.Equal($"Risico: {words} · 2 banen gecreëerd", AgendaWords.Detail(topic.Detail, topic.ReportStatus, topic.ReportJobs));
        }

        using (UiCulture.English())
        {
            Assert.Equal($"At risk: {words} · 2 jobs created", AgendaWords.Detail(topic.Detail, topic.ReportStatus, topic.ReportJobs));
        }

        // A second report replaces the slot's line and pushes the first into the history.
        await Reports.WriteAsync(joost, group, Form("Weer op koers na overleg met UWV.", GroupStatus.OnTrack));
        var history = await Reports.HistoryAsync(await app.MemberAsync(AppFactory.Participant), group);
        Assert.Equal(["Weer op koers na overleg met UWV.", "Instroom loopt achter: UWV levert minder kandidaten aan.\nTweede regel."], history.Select(r => r.Text).Take(2));
        await HubClients.EventuallyAsync(() => marloes.Items.SelectMany(i => i.Topics).Any(t => t.ReferenceId == group.Value && t.ReportStatus == GroupStatus.OnTrack && t.Detail!.StartsWith("Weer op koers", StringComparison.Ordinal)),
            "the newer report replaces the line");
    }

    [Fact]
    public async Task A_group_whose_slot_was_removed_gets_it_back_with_the_report()
    {
        var group = await GroupAsync(Employment);
        var next = await NextMeetingAsync();
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var item2 = next.Agenda.Single(i => i.Standing == StandingItem.ThemeGroupUpdates);
        var slot = item2.Topics.Single(t => t.ReferenceId == group.Value);
        var agenda = app.Services.GetRequiredService<AgendaService>();
        Assert.True((await agenda.RemoveTopicAsync(coordinator, next.Id.Value, Guid.NewGuid(), item2.Id.Value, slot.Id)).Accepted);

        await Reports.WriteAsync(await app.MemberAsync(AppFactory.SecondCoreGroupMember), group, Form("Drie werkgevers bieden een proefplaats."));

        await using var db = await app.DbFactory.CreateDbContextAsync();
        var stored = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == next.Id);
        var topic = Assert.Single(stored.Agenda.Single(i => i.Standing == StandingItem.ThemeGroupUpdates).Topics, t => t.ReferenceId == group.Value);
        Assert.Equal(("Henk Nijhuis", true), (topic.Presenter, topic.Detail!.Contains("Drie werkgevers", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Only_the_lead_of_that_very_group_or_the_coordinator_may_write_a_report()
    {
        var employment = await GroupAsync(Employment);
        var inflow = await GroupAsync(Inflow);

        var joost = await app.MemberAsync(AppFactory.ThemeLead);
        var ahmet = await app.MemberAsync(AppFactory.Participant);
        var marloes = await app.MemberAsync(AppFactory.CoreGroupMember);

        // Joost leads "In-, door- en uitstroom", not "Werkgelegenheid creëren": refused even when calling the service directly.
        await Assert.ThrowsAsync<ForbiddenException>(() => Reports.WriteAsync(joost, employment, Form("Niet mijn groep.")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Reports.WriteAsync(ahmet, inflow, Form("Ik ben geen kartrekker.")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Reports.WriteAsync(marloes, inflow, Form("Kerngroep schrijft niet.")));
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            Assert.False(await db.StatusReports.AnyAsync(r => r.Text == "Niet mijn groep." || r.Text == "Ik ben geen kartrekker." || r.Text == "Kerngroep schrijft niet."));
        }

        var written = await Reports.WriteAsync(await app.MemberAsync(AppFactory.Coordinator), employment, Form("Namens de kartrekker."));
        Assert.Equal("Sanne", written.AuthorName.Split(' ')[0]);
    }

    [Fact]
    public async Task A_report_without_text_or_status_is_refused_with_a_message_per_field()
    {
        var joost = await app.MemberAsync(AppFactory.ThemeLead);
        var inflow = await GroupAsync(Inflow);
        var e = await Assert.ThrowsAsync<ValidationException>(() =>
            Reports.WriteAsync(joost, inflow, new StatusReportForm { Status = null, Text = " ", Highlights = new string('x', 501), JobsCreated = 1001 }));
        Assert.Equal(["Status", "Text", "Highlights", "JobsCreated"], e.Errors.Select(x => x.PropertyName));
    }

    [Fact]
    public async Task A_client_cannot_send_the_server_only_report_command()
    {
        var next = await NextMeetingAsync();
        var group = await GroupAsync(Inflow);
        await using var connection = await HubClients.ConnectionAsync(app, AppFactory.Coordinator);
        await connection.StartAsync();
        await connection.InvokeAsync<MeetingSnapshot>("Join", next.Id.Value);
        var item2 = next.Agenda.Single(i => i.Standing == StandingItem.ThemeGroupUpdates);

        // The server's own intent is simply not on the hub: asking for it is an unknown method.
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<AgendaResult>(nameof(AgendaService.ReportOnAgendaAsync)[..^"Async".Length],
            next.Id.Value, Guid.NewGuid(), group.Value, "Nep", null, "Op koers: verzonnen"));
        Assert.DoesNotContain(typeof(AgendaHub).GetMethods(), m => m.Name.Contains("Report", StringComparison.Ordinal) || m.Name.Contains("PutOn", StringComparison.Ordinal));
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var stored = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == next.Id);
        Assert.DoesNotContain(stored.Agenda.SelectMany(i => i.Topics), t => t.Detail == "Op koers: verzonnen");
    }
}
