using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Tests.Support;
using static NinetyNine.Tests.Support.HubClients;

namespace NinetyNine.Tests.Integration;

/// <summary>The live agenda over real SignalR connections: several people, one agenda.</summary>
public sealed class AgendaHubTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Two_people_editing_one_meeting_converge_on_the_same_agenda()
    {
        var meetingId = await NewMeetingAsync(app);
        await using var coordinator = await AgendaAsync(app, AppFactory.Coordinator, meetingId);
        await using var member = await AgendaAsync(app, AppFactory.CoreGroupMember, meetingId);

        await coordinator.AddItemAsync("Subsidie gemeente Enschede");
        await EventuallyAsync(() => member.Items.Any(i => i.Title == "Subsidie gemeente Enschede"), "the second person sees the new item");
        var added = member.Items.Single(i => i.Title == "Subsidie gemeente Enschede").Id;
        await coordinator.RetitleItemAsync(added, "Subsidie gemeente Hengelo");
        await member.MoveItemAsync(added, 0);
        await member.SetTimeboxAsync(added, 15);

        await EventuallyAsync(() => coordinator.Sequence == 4 && member.Sequence == 4, "both have applied four changes");
        Assert.Equal(Titles(coordinator), Titles(member));
        Assert.Equal("Subsidie gemeente Hengelo", coordinator.Items[0].Title);
        Assert.Equal(15, coordinator.Items[0].TimeboxMinutes);
        Assert.Equal(member.Meeting!.StartsAt.AddMinutes(15 + (4 * Meeting.DefaultItemMinutes)), member.Meeting.PredictedEnd);
        Assert.Equal(Titles(coordinator), await StoredTitlesAsync(meetingId));
    }

    [Fact]
    public async Task Three_people_typing_in_the_same_notes_keep_all_their_words()
    {
        var meetingId = await NewMeetingAsync(app);
        await using var a = await AgendaAsync(app, AppFactory.Coordinator, meetingId);
        await using var b = await AgendaAsync(app, AppFactory.CoreGroupMember, meetingId);
        await using var c = await AgendaAsync(app, AppFactory.Coordinator, meetingId);
        var item = a.Items[1].Id;
        await a.EditNotesAsync(item, "Kartrekkers melden:\n");
        await EventuallyAsync(() => b.NotesOf(item).StartsWith("Kartrekkers", StringComparison.Ordinal) && c.NotesOf(item).StartsWith("Kartrekkers", StringComparison.Ordinal), "everyone has the first line");

        // All three type at once, each in their own copy of the same text.
        await Task.WhenAll(
            a.EditNotesAsync(item, "Kartrekkers melden:\n- werkgelegenheid: plan klaar\n"),
            b.EditNotesAsync(item, "Kartrekkers melden:\n- instroom: twee kandidaten\n"),
            c.EditNotesAsync(item, "Kartrekkers melden:\n- wetgeving: advies gevraagd\n"));

        await EventuallyAsync(() => !a.HasUnsavedNotes(item) && !b.HasUnsavedNotes(item) && !c.HasUnsavedNotes(item)
            && a.Sequence == b.Sequence && b.Sequence == c.Sequence && a.NotesOf(item) == b.NotesOf(item) && b.NotesOf(item) == c.NotesOf(item),
            "all notes are saved and equal");
        var notes = a.NotesOf(item);
        Assert.Contains("werkgelegenheid: plan klaar", notes, StringComparison.Ordinal);
        Assert.Contains("instroom: twee kandidaten", notes, StringComparison.Ordinal);
        Assert.Contains("wetgeving: advies gevraagd", notes, StringComparison.Ordinal);
        Assert.Equal(notes, await StoredNotesAsync(meetingId, item));
    }

    [Fact]
    public async Task A_resent_operation_is_applied_once()
    {
        var meetingId = await NewMeetingAsync(app);
        await using var hub = await ConnectionAsync(app, AppFactory.Coordinator);
        await hub.StartAsync();
        await hub.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), meetingId);
        var operationId = Guid.NewGuid();

        var first = await hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddItem), meetingId, operationId, "Eenmaal");
        var second = await hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddItem), meetingId, operationId, "Eenmaal");

        Assert.True(first.Accepted);
        Assert.False(first.Duplicate);
        Assert.True(second.Accepted);
        Assert.True(second.Duplicate);
        Assert.Equal(first.Sequence, second.Sequence);
        Assert.Single(await StoredTitlesAsync(meetingId), t => t == "Eenmaal");
    }

    [Fact]
    public async Task A_change_saved_elsewhere_between_two_live_edits_is_kept_not_overwritten()
    {
        // The service keeps the meeting it last saved at hand between edits; a save by anyone else (another server,
        // the series) must win its place: the next live edit finds the newer version and applies on top of it.
        var meetingId = await NewMeetingAsync(app);
        var service = app.Services.GetRequiredService<AgendaService>();
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var first = await service.AddItemAsync(coordinator, meetingId, Guid.NewGuid(), "Live toegevoegd");
        await using (var elsewhere = await app.DbFactory.CreateDbContextAsync())
        {
            var meeting = await elsewhere.Meetings.SingleAsync(m => m.Id == new MeetingId(meetingId));
            meeting.AddAgendaItem("Elders toegevoegd");
            await elsewhere.SaveChangesAsync();
        }

        var second = await service.AddItemAsync(coordinator, meetingId, Guid.NewGuid(), "Daarna live");

        Assert.True(first.Accepted && second.Accepted);
        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal([.. StandingAgenda.Items, "Live toegevoegd", "Elders toegevoegd", "Daarna live"], await StoredTitlesAsync(meetingId));
    }

    [Fact]
    public async Task A_client_that_missed_a_change_notices_the_gap_and_catches_up()
    {
        var meetingId = await NewMeetingAsync(app);
        // Two changes are saved, but only the second one's message reaches the listener.
        var skip = "Verloren bericht";
        await using var listener = await AgendaAsync(app, AppFactory.CoreGroupMember, meetingId,
            hear: change => change.Upserts.All(i => i.Title != skip));
        var service = app.Services.GetRequiredService<AgendaService>();
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);

        var lost = await service.AddItemAsync(coordinator, meetingId, Guid.NewGuid(), skip);
        var arrives = await service.AddItemAsync(coordinator, meetingId, Guid.NewGuid(), "Aangekomen bericht");

        await EventuallyAsync(() => listener.Sequence == arrives.Sequence, "the listener is at the latest sequence");
        Assert.Equal(lost.Sequence + 1, arrives.Sequence);
        Assert.Contains(listener.Items, i => i.Title == "Verloren bericht");
        Assert.Equal(await StoredTitlesAsync(meetingId), Titles(listener));
    }

    [Fact]
    public async Task Catch_up_returns_exactly_the_changes_after_a_sequence_number_in_order()
    {
        var meetingId = await NewMeetingAsync(app);
        await using var hub = await ConnectionAsync(app, AppFactory.Coordinator);
        await hub.StartAsync();
        await hub.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), meetingId);
        foreach (var title in new[] { "Een", "Twee", "Drie" })
        {
            await hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddItem), meetingId, Guid.NewGuid(), title);
        }

        var catchUp = await hub.InvokeAsync<IReadOnlyList<AgendaChange>?>(nameof(AgendaHub.CatchUp), meetingId, 1L);

        Assert.NotNull(catchUp);
        Assert.Equal([2L, 3L], catchUp.Select(c => c.Sequence));
        Assert.Equal("Drie", catchUp[^1].Upserts.Single().Title);
    }

    [Fact]
    public async Task A_participant_may_follow_but_not_change_the_agenda()
    {
        var meetingId = await NewMeetingAsync(app);
        await using var participant = await ConnectionAsync(app, AppFactory.Participant);
        await participant.StartAsync();

        var snapshot = await participant.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), meetingId);
        var result = await participant.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddItem), meetingId, Guid.NewGuid(), "Ongevraagd punt");

        Assert.False(snapshot.CanEdit);
        Assert.Equal(4, snapshot.Items.Count);
        Assert.False(result.Accepted);
        Assert.Contains("niet wijzigen", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Ongevraagd punt", await StoredTitlesAsync(meetingId));
    }

    [Fact]
    public async Task Without_a_ticket_or_cookie_the_hub_refuses_the_connection()
    {
        await using var anonymous = await ConnectionAsync(app, AppFactory.Coordinator, withTicket: false);

        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());
        Assert.Equal(HubConnectionState.Disconnected, anonymous.State);
    }

    [Fact]
    public async Task A_meeting_of_another_network_cannot_be_joined_or_changed()
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var other = NinetyNine.Domain.Networks.Network.Found("99vanUtrecht", "99vanutrecht-hub", "Utrecht",
            new NinetyNine.Domain.Networks.MeetingCadence(new DateOnly(2026, 1, 6), new TimeOnly(9, 0)),
            "Coördinator", EmailAddress.Parse("c@99vanutrecht-hub.example"), null, new DateOnly(2026, 1, 1));
        var foreign = Meeting.Schedule(other.Id, DateTime.Today.AddDays(9), 60, MeetingMode.Video, null, DateTime.Today.AddDays(9));
        db.Networks.Add(other);
        db.Meetings.Add(foreign);
        await db.SaveChangesAsync();
        await using var hub = await ConnectionAsync(app, AppFactory.Coordinator);
        await hub.StartAsync();

        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), foreign.Id.Value));
        var result = await hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddItem), foreign.Id.Value, Guid.NewGuid(), "Inbraak");
        Assert.False(result.Accepted);
    }

    [Fact]
    public async Task A_closed_meeting_refuses_changes_with_the_reason()
    {
        var meetingId = await NewMeetingAsync(app);
        await using var a = await AgendaAsync(app, AppFactory.Coordinator, meetingId);
        string? refusal = null;
        a.Refused += message => refusal = message;

        await a.StartMeetingAsync();
        await a.CloseMeetingAsync();
        await EventuallyAsync(() => a.Meeting?.Status == MeetingStatus.Closed, "the meeting is closed");
        await a.AddItemAsync("Te laat");

        await EventuallyAsync(() => refusal is not null, "the refusal arrives");
        Assert.Equal("Dit overleg is gesloten; de agenda kan niet meer veranderen.", refusal);
        Assert.False(a.CanEdit);
        Assert.DoesNotContain("Te laat", await StoredTitlesAsync(meetingId));
    }

    [Fact]
    public async Task Closing_carries_undiscussed_items_and_open_actions_to_the_next_meeting_of_the_series()
    {
        var meetingId = await NewMeetingAsync(app, DateTime.Today.AddDays(200).AddHours(8));
        var nextId = await NewMeetingAsync(app, DateTime.Today.AddDays(221).AddHours(8));
        await using var a = await AgendaAsync(app, AppFactory.Coordinator, meetingId);
        await a.AddItemAsync("Niet aan toegekomen");
        await EventuallyAsync(() => a.Items.Count == 5, "the item is added");
        await a.AddActionAsync(a.Items[0].Id, "Intentieverklaring opsturen", owner: "Sanne");
        await a.AddActionAsync(a.Items[0].Id, "Al gedaan", owner: "Henk");
        await EventuallyAsync(() => a.Items[0].Actions.Count == 2, "the actions are added");
        await a.SetActionDoneAsync(a.Items[0].Id, a.Items[0].Actions[1].Id, true);
        await a.StartMeetingAsync();
        await a.CloseMeetingAsync();
        await EventuallyAsync(() => a.Meeting?.Status == MeetingStatus.Closed, "the meeting is closed");

        await using var db = await app.DbFactory.CreateDbContextAsync();
        var next = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == new MeetingId(nextId));
        Assert.Contains(next.Agenda, i => i.Title == "Niet aan toegekomen");
        var actions = next.Agenda.SelectMany(i => i.ActionItems).ToList();
        Assert.Equal(["Intentieverklaring opsturen"], actions.Select(x => x.Text));
        Assert.DoesNotContain(next.Agenda, i => i.Title == StandingAgenda.Items[0] && i.ActionItems.Count > 0);
    }

    [Fact]
    public async Task Retitling_an_item_someone_just_removed_is_refused_visibly()
    {
        var meetingId = await NewMeetingAsync(app);
        await using var a = await AgendaAsync(app, AppFactory.Coordinator, meetingId);
        await using var b = await AgendaAsync(app, AppFactory.CoreGroupMember, meetingId);
        string? refusal = null;
        b.Refused += message => refusal = message;
        var item = a.Items[3].Id;

        await a.RemoveItemAsync(item);
        await b.RetitleItemAsync(item, "Nieuwe titel");

        await EventuallyAsync(() => refusal is not null && b.Items.Count == 3, "the refusal arrives and the item is gone");
        Assert.Equal("Dit agendapunt bestaat niet (meer).", refusal);
        Assert.Equal(Titles(a), Titles(b));
    }

    [Fact]
    public async Task An_oversized_message_drops_only_its_sender()
    {
        var meetingId = await NewMeetingAsync(app);
        await using var bystander = await AgendaAsync(app, AppFactory.CoreGroupMember, meetingId);
        await using var sender = await ConnectionAsync(app, AppFactory.Coordinator);
        await sender.StartAsync();
        await sender.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), meetingId);

        await Assert.ThrowsAnyAsync<Exception>(() => sender.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddItem), meetingId, Guid.NewGuid(), new string('x', 40_000)));

        await bystander.AddItemAsync("Gaat gewoon door");
        await EventuallyAsync(() => bystander.Items.Any(i => i.Title == "Gaat gewoon door"), "the other person's change still lands");
    }

    private static List<string> Titles(AgendaLive connection) => [.. connection.Items.Select(i => i.Title)];

    private async Task<List<string>> StoredTitlesAsync(Guid meetingId)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == new MeetingId(meetingId));
        return [.. meeting.Agenda.Select(i => i.Title)];
    }

    private async Task<string> StoredNotesAsync(Guid meetingId, Guid itemId)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == new MeetingId(meetingId));
        return meeting.Item(new AgendaItemId(itemId)).Notes;
    }
}
