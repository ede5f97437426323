using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Meetings.Live;

namespace NinetyNine.Tests.BadInput;

/// <summary>The findings replayed through the live agenda's core (what the hub and the page call): each is a clear refusal and nothing stored is harmed.</summary>
public sealed class LiveBadInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    private AgendaService Agenda => app.Services.GetRequiredService<AgendaService>();

    private async Task<(Guid Meeting, Guid Item, NinetyNine.Web.Security.CurrentMember Coordinator)> MeetingAsync()
    {
        var meetingId = await HubClients.NewMeetingAsync(app);
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var snapshot = (await Agenda.SnapshotAsync(coordinator, meetingId))!;
        return (meetingId, snapshot.Items[0].Id, coordinator);
    }

    [Fact]
    public async Task A_notes_patch_with_a_NUL_is_refused_and_everyone_elses_notes_survive_a_reload()
    {
        var (meetingId, item, coordinator) = await MeetingAsync();
        const string Notes = "Sanne: welkom allemaal.\nMarloes: dank, ik begin.";
        var typed = await Agenda.EditNotesAsync(coordinator, meetingId, Guid.NewGuid(), item, 0, TextOperation.Replace(string.Empty, Notes).ToJson());

        // The operation's JSON is made by hand: the client library would not build one with a NUL in it.
        var poisonedOperation = "[13,\"\\u0000\"," + (Notes.Length - 13) + "]";
        var poisoned = await Agenda.EditNotesAsync(coordinator, meetingId, Guid.NewGuid(), item, 1, poisonedOperation);

        Assert.True(typed.Accepted, typed.Error);
        Assert.False(poisoned.Accepted);
        // Nothing of it was logged or published: the meeting's operation log ends at the accepted edit.
        Assert.Equal(typed.Sequence, poisoned.Sequence == 0 ? await LastSequenceAsync(meetingId) : -1);
        Assert.Equal("De tekst bevat een teken dat niet is toegestaan (alleen tab en nieuwe regel mogen).", poisoned.Error);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var stored = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == new MeetingId(meetingId));
        Assert.Equal(Notes, stored.Agenda.Single(i => i.Id.Value == item).Notes);
    }

    [Fact]
    public async Task Rescheduling_to_9999_is_refused_and_the_meetings_pages_and_calendar_keep_working()
    {
        var (meetingId, _, coordinator) = await MeetingAsync();

        var result = await Agenda.RescheduleAsync(coordinator, meetingId, Guid.NewGuid(), new DateTime(9999, 12, 31, 9, 0, 0), 60,
            NinetyNine.Domain.Meetings.MeetingMode.Phone, null);

        Assert.False(result.Accepted);
        Assert.StartsWith("Datum moet tussen", result.Error, StringComparison.Ordinal);
        var client = await SignedInClient.SignInAsync(app, AppFactory.Coordinator);
        foreach (var path in new[] { "/meetings", $"/meetings/{meetingId}", $"/meetings/{meetingId}/minutes", $"/meetings/{meetingId}.ics" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }

    private async Task<long> LastSequenceAsync(Guid meetingId)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        return await NinetyNine.Web.Live.LiveCore.SequenceAsync(db, AgendaService.Kind.Name, meetingId, CancellationToken.None);
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\uFEFF \u2060")]
    [InlineData("Punt\0")]
    public async Task An_invisible_or_poisoned_title_is_refused_with_a_message(string title)
    {
        var (meetingId, item, coordinator) = await MeetingAsync();

        var added = await Agenda.AddItemAsync(coordinator, meetingId, Guid.NewGuid(), title);
        var retitled = await Agenda.RetitleItemAsync(coordinator, meetingId, Guid.NewGuid(), item, title);

        Assert.False(added.Accepted);
        Assert.False(retitled.Accepted);
        Assert.StartsWith("Titel van het agendapunt", added.Error, StringComparison.Ordinal);
    }
}
