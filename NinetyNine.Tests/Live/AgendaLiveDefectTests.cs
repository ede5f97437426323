using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Live;
using static NinetyNine.Tests.Support.HubClients;

namespace NinetyNine.Tests.Live;

/// <summary>
/// The live core's defects of issue 12, shown on the agenda over its public hub: current rights on every command (not
/// the claims of an open connection), delivery that a stalled receiver cannot hold up, a failure of any kind that leaves
/// the next command working, and presence that follows the connection. Has its own app: tests deactivate a person and
/// revoke a role.
/// </summary>
public sealed class AgendaLiveDefectTests(AppFactory app) : IClassFixture<AppFactory>
{
    private AgendaService Agenda => app.Services.GetRequiredService<AgendaService>();

    [Fact]
    public async Task A_person_deactivated_while_their_agenda_hub_connection_is_open_is_refused_on_the_next_agenda_command()
    {
        var meetingId = await NewMeetingAsync(app);
        var (live, hub) = await OpenAsync(AppFactory.CoreGroupMember, meetingId);
        await using var _ = live;
        var item = live.Items[1].Id;
        Assert.True((await live.SetPresenterAsync(item, "Marloes ter Horst")).Accepted);

        await ChangeNetworkAsync(n => n.DeactivatePerson(PersonOf(n, AppFactory.CoreGroupMember), DateOnly.FromDateTime(DateTime.Today)));

        // The same open WebSocket, with the claims it was opened with.
        Assert.Equal(HubConnectionState.Connected, hub.State);
        var retitle = await live.RetitleItemAsync(item, "Na de deactivering");
        var add = await live.AddItemAsync("Nog een punt na de deactivering");
        var notes = await hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.EditNotes), meetingId, Guid.NewGuid(), item, 0L, "[\"Stiekem\"]");

        Assert.All(new[] { retitle, add, notes }, r => Assert.Equal((false, Text.Get("Live.NoLongerActive")), (r.Accepted, r.Error)));
        var stored = await StoredAsync(meetingId);
        Assert.DoesNotContain(stored.Agenda, i => i.Title.Contains("deactivering", StringComparison.Ordinal));
        Assert.DoesNotContain("Stiekem", stored.Agenda.Single(i => i.Id.Value == item).Notes, StringComparison.Ordinal);
        Assert.Contains(Text.Get("Live.NoLongerActive"), live.Failures);
    }

    [Fact]
    public async Task A_person_whose_core_group_role_was_revoked_while_their_agenda_hub_connection_is_open_may_no_longer_change_it()
    {
        var meetingId = await NewMeetingAsync(app);
        var (live, hub) = await OpenAsync(AppFactory.SecondCoreGroupMember, meetingId);
        await using var _ = live;
        Assert.True(live.CanEdit);
        var before = await live.AddItemAsync("Voor het einde van de rol");
        Assert.True(before.Accepted, before.Error);

        // Henk stays an active participant, but is no longer in the core group.
        await ChangeNetworkAsync(n => n.RevokeRole(PersonOf(n, AppFactory.SecondCoreGroupMember), NetworkRole.CoreGroupMember, DateOnly.FromDateTime(DateTime.Today)));

        Assert.Equal(HubConnectionState.Connected, hub.State);
        var item = live.Items.Single(i => i.Title == "Voor het einde van de rol").Id;
        var retitle = await live.RetitleItemAsync(item, "Na het einde van de rol");
        var add = await live.AddItemAsync("Nog een punt na het einde van de rol");

        Assert.All(new[] { retitle, add }, r => Assert.Equal((false, Text.Get("Agenda.ReadOnly")), (r.Accepted, r.Error)));
        var titles = (await StoredAsync(meetingId)).Agenda.Select(i => i.Title).ToList();
        Assert.Contains("Voor het einde van de rol", titles);
        Assert.DoesNotContain(titles, t => t.Contains("Na het einde", StringComparison.Ordinal) || t.StartsWith("Nog een punt", StringComparison.Ordinal));
        // He still follows the meeting, now read-only.
        Assert.False((await hub.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), meetingId)).CanEdit);
    }

    [Fact]
    public async Task An_agenda_subscriber_or_hub_client_that_stops_reading_does_not_hold_up_the_next_changes_to_the_others()
    {
        var meetingId = await NewMeetingAsync(app);
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var never = new TaskCompletionSource();
        // A page in this process that stops reading, for good...
        var slowReceived = 0;
        var dropped = new TaskCompletionSource();
        using var slow = Agenda.Feed.Subscribe(AgendaService.Kind.Name, meetingId, async _ =>
        {
            Interlocked.Increment(ref slowReceived);
            await never.Task;
        }, () => dropped.TrySetResult(), capacity: 4);
        // ...and a hub client whose handler never returns, so it reads nothing after its first change.
        var stuckHub = await ConnectionAsync(app, AppFactory.Coordinator, webSocket: true);
        var stuckReceived = 0;
        stuckHub.On<AgendaChange>(nameof(IAgendaClient.AgendaChanged), async _ =>
        {
            Interlocked.Increment(ref stuckReceived);
            await never.Task;
        });
        await stuckHub.StartAsync();
        await stuckHub.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), meetingId);
        await using var quick = await AgendaAsync(app, AppFactory.Coordinator, meetingId, webSocket: true);
        const int Changes = 20;
        try
        {
            // Every command is answered although two receivers are stuck: publishing happens outside the meeting's turn.
            var answers = new List<AgendaResult>();
            var commands = Task.Run(async () =>
            {
                for (var i = 0; i < Changes; i++)
                {
                    answers.Add(await Agenda.AddItemAsync(coordinator, meetingId, Guid.NewGuid(), $"Punt {i}"));
                }
            });
            await commands.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.All(answers, a => Assert.True(a.Accepted, a.Error));
            Assert.Equal(Enumerable.Range(1, Changes).Select(i => (long)i), answers.Select(a => a.Sequence));
            await EventuallyAsync(() => quick.Sequence == Changes, "the reading hub client has every change", timeoutMs: 30_000);
            Assert.Equal([.. StandingAgenda.Items, .. Enumerable.Range(0, Changes).Select(i => $"Punt {i}")], quick.Items.Select(i => i.Title));
            await dropped.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(slow.Dropped);
            Assert.Equal(1, Volatile.Read(ref slowReceived));
            Assert.Equal(1, Volatile.Read(ref stuckReceived));
        }
        finally
        {
            never.TrySetResult();
            await stuckHub.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_agenda_command_that_throws_something_else_than_a_domain_exception_leaves_the_next_command_working()
    {
        var meetingId = await NewMeetingAsync(app);
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using var live = await AgendaAsync(app, AppFactory.Coordinator, meetingId);
        Assert.True((await live.AddItemAsync("Eerste")).Accepted); // The core keeps the meeting loaded.
        var timebox = live.Items[0].TimeboxMinutes;

        var failed = await app.Services.GetRequiredService<LiveCore>().RunAsync<Meeting, AgendaChange>(AgendaService.Kind, coordinator, meetingId, Guid.NewGuid(),
            "Broken", turn =>
            {
                turn.Aggregate.AddAgendaItem("Half gedaan"); // Half done in memory...
                turn.Aggregate.SetTimebox(turn.Aggregate.Agenda[0].Id, timebox == 45 ? 50 : 45);
                throw new InvalidOperationException("A bug, not a refusal.");
            });
        var next = await live.AddItemAsync("Daarna");
        var after = await live.SetPresenterAsync(live.Items[0].Id, "Sanne Kuipers");

        Assert.Equal((false, Text.Get("Live.Failed")), (failed.Accepted, failed.Error));
        Assert.True(next.Accepted, next.Error);
        Assert.True(after.Accepted, after.Error);
        Assert.Equal(next.Sequence + 1, after.Sequence);
        var stored = await StoredAsync(meetingId);
        // ...and nothing of it rode along with the next saves.
        Assert.Equal([.. StandingAgenda.Items, "Eerste", "Daarna"], stored.Agenda.Select(i => i.Title));
        Assert.Equal(timebox, stored.Agenda[0].TimeboxMinutes);
        Assert.Equal("Sanne Kuipers", stored.Agenda[0].Presenter);
        await EventuallyAsync(() => live.Sequence == after.Sequence, "the client has the changes after the failure");
        Assert.DoesNotContain(live.Items, i => i.Title == "Half gedaan");
        await using var db = await app.DbFactory.CreateDbContextAsync();
        Assert.Equal([1L, 2, 3], await db.OperationRecords.Where(r => r.AggregateType == AgendaService.Kind.Name && r.AggregateId == meetingId)
            .OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync());
    }

    [Fact]
    public async Task A_hub_connection_that_joins_meeting_B_is_no_longer_present_in_meeting_A_nor_fed_its_changes()
    {
        var a = await NewMeetingAsync(app);
        var b = await NewMeetingAsync(app, DateTime.Today.AddDays(51).AddHours(8));
        var presence = app.Services.GetRequiredService<PresenceTracker>();
        await using var watcher = await AgendaAsync(app, AppFactory.Coordinator, a);
        var mover = await ConnectionAsync(app, AppFactory.Coordinator); // Her phone: a second connection of the same person.
        var changesOfA = 0;
        mover.On<AgendaChange>(nameof(IAgendaClient.AgendaChanged), change =>
        {
            if (change.MeetingId == a)
            {
                Interlocked.Increment(ref changesOfA);
            }
        });
        await mover.StartAsync();
        await mover.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), a);
        var moverId = mover.ConnectionId!;
        await EventuallyAsync(() => watcher.Present.Any(p => p.ConnectionId == moverId), "the watcher in A sees the second person arrive");
        await mover.InvokeAsync(nameof(AgendaHub.Editing), a, (Guid?)watcher.Items[0].Id);
        await EventuallyAsync(() => watcher.Present.Any(p => p.ConnectionId == moverId && p.EditingItemId == watcher.Items[0].Id),
            "the watcher sees which item the second person edits");

        // The same connection moves on to meeting B.
        var inB = await mover.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), b);

        Assert.Equal(b, inB.MeetingId);
        await EventuallyAsync(() => watcher.Present.All(p => p.ConnectionId != moverId), "the watcher in A no longer sees the one who moved to B");
        Assert.DoesNotContain(presence.List(a), p => p.ConnectionId == moverId);
        Assert.Contains(presence.List(b), p => p.ConnectionId == moverId);
        Assert.Single(watcher.Present);
        // Nor does A's feed reach the connection any more.
        var before = Volatile.Read(ref changesOfA);
        Assert.True((await watcher.AddItemAsync("Alleen voor A")).Accepted);
        await EventuallyAsync(() => watcher.Items.Any(i => i.Title == "Alleen voor A"), "the change in A is applied");
        await mover.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), b); // A round trip: anything sent before it has arrived.
        Assert.Equal(before, Volatile.Read(ref changesOfA));

        // Gone with the connection.
        await mover.DisposeAsync();
        await EventuallyAsync(() => presence.List(b).All(p => p.ConnectionId != moverId), "the closed connection is gone from B");
    }

    /// <summary>An agenda client over a WebSocket that stays open (only its start is authenticated, as a browser's).</summary>
    private async Task<(AgendaLive Live, HubConnection Hub)> OpenAsync(string email, Guid meetingId)
    {
        var hub = await ConnectionAsync(app, email, webSocket: true);
        var live = AgendaHubClient.Over(hub, meetingId);
        await hub.StartAsync();
        await live.StartAsync();
        return (live, hub);
    }

    private static PersonId PersonOf(Network network, string email) => network.People.Single(p => p.Email.Value == email).Id;

    private async Task ChangeNetworkAsync(Action<Network> change)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        change(await db.Networks.SingleAsync(n => n.Slug == "99vantwente"));
        await db.SaveChangesAsync();
    }

    private async Task<Meeting> StoredAsync(Guid meetingId)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        return await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == new MeetingId(meetingId));
    }
}
