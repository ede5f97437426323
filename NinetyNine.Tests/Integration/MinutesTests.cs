using NinetyNine.Domain.Common;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Tests.Support;
using static NinetyNine.Tests.Support.HubClients;

namespace NinetyNine.Tests.Integration;

public sealed class MinutesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Minutes_render_notes_as_safe_markdown_and_show_decisions_and_actions()
    {
        var meetingId = await MeetingWithOutcomesAsync("**Rondleiding** bij <script>alert('x')</script> Sallandse Wegenbouw");
        var client = await SignedInClient.SignInAsync(app, AppFactory.Participant);

        var page = await client.GetStringAsync($"/meetings/{meetingId}/minutes");

        Assert.Contains("<strong>Rondleiding</strong>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("Hofman wordt toegelaten", page, StringComparison.Ordinal);
        Assert.Contains("Welkomstgesprek plannen", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minutes_download_as_Markdown_per_agenda_item()
    {
        var meetingId = await MeetingWithOutcomesAsync("Henk regelt de rondleiding.");
        var client = await SignedInClient.SignInAsync(app, AppFactory.CoreGroupMember);

        var response = await client.GetAsync($"/meetings/{meetingId}/minutes.md");
        var markdown = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("# Verslag kerngroepoverleg 99vanTwente", markdown, StringComparison.Ordinal);
        Assert.Contains("## 1. Aanmelding en toelating van nieuwe deelnemers", markdown, StringComparison.Ordinal);
        Assert.Contains("Henk regelt de rondleiding.", markdown, StringComparison.Ordinal);
        Assert.Contains("- Hofman wordt toegelaten", markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] Welkomstgesprek plannen (Sanne", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minutes_of_an_unknown_meeting_are_not_found()
    {
        var client = await SignedInClient.SignInAsync(app, AppFactory.CoreGroupMember);

        var response = await client.GetAsync($"/meetings/{Guid.NewGuid()}/minutes.md");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Guid> MeetingWithOutcomesAsync(string notes)
    {
        var meetingId = await NewMeetingAsync(app);
        var agenda = app.Services.GetRequiredService<AgendaService>();
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var snapshot = (await agenda.SnapshotAsync(coordinator, meetingId))!;
        var first = snapshot.Items[0].Id;
        foreach (var result in new[]
        {
            await agenda.EditNotesAsync(coordinator, meetingId, Guid.NewGuid(), first, snapshot.Items[0].NotesRevision,
                TextOperation.Replace(snapshot.Items[0].Notes, notes).ToJson()),
            await agenda.RecordDecisionAsync(coordinator, meetingId, Guid.NewGuid(), first, "Hofman wordt toegelaten"),
            await agenda.AddActionAsync(coordinator, meetingId, Guid.NewGuid(), first, "Welkomstgesprek plannen", "Sanne", new DateOnly(2027, 1, 5)),
        })
        {
            Assert.True(result.Accepted, result.Error);
        }

        return meetingId;
    }
}
