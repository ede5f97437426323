using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Onboarding;
using NinetyNine.Web.Live;

namespace NinetyNine.Tests.Live;

/// <summary>
/// The one live core on the real app, shown on onboarding checklists: current rights on every command (not the claims of
/// an open connection), delivery that a stalled receiver cannot hold up, a failure of any kind that leaves the next
/// command working, and a resent operation applied once. Has its own app: one test deactivates a person.
/// </summary>
public sealed class LiveCoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    private OnboardingService Onboarding => app.Services.GetRequiredService<OnboardingService>();
    private LiveCore Core => app.Services.GetRequiredService<LiveCore>();

    /// <summary>A new employer with its own checklist, the demo participant as its contact.</summary>
    private async Task<Guid> NewChecklistAsync(string company)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var network = await db.Networks.SingleAsync(n => n.Slug == "99vantwente");
        var today = DateOnly.FromDateTime(DateTime.Today);
        var employer = network.AddEmployer(company, KvkNumber.Parse($"7{Math.Abs(company.GetHashCode(StringComparison.Ordinal)) % 10_000_000:0000000}"), "Zorg", "Hengelo", today, 1, false);
        var template = await Onboarding.CurrentTemplateAsync(network.Id);
        var contact = network.People.Single(p => p.Email.Value == AppFactory.Participant).Id;
        var checklist = OnboardingChecklist.Start(template, network.Id, employer.Id, contact, today,
            new Dictionary<StepOwner, PersonId> { [StepOwner.Coordinator] = network.Coordinator.Id }, DateTimeOffset.UtcNow);
        db.OnboardingChecklists.Add(checklist);
        await db.SaveChangesAsync();
        return checklist.Id.Value;
    }

    private async Task<OnboardingChecklist> StoredAsync(Guid id)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        return await db.OnboardingChecklists.AsNoTracking().SingleAsync(c => c.Id == new OnboardingChecklistId(id));
    }

    [Fact]
    public async Task A_person_deactivated_while_their_hub_connection_is_open_is_refused_on_the_next_checklist_command()
    {
        var id = await NewChecklistAsync("Zadelmakerij Ootmarsum");
        var (live, hub) = await HubLive.ChecklistAsync(app, AppFactory.Participant, id, webSocket: true);
        await using var _ = hub;
        using var __ = live;
        var own = live.Checklist!.Steps.Where(s => s.Owner == StepOwner.NewcomerContact).Select(s => s.Position).ToList();
        Assert.True((await live.TickAsync(own[0])).Accepted);

        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            var network = await db.Networks.SingleAsync(n => n.Slug == "99vantwente");
            network.DeactivatePerson(network.People.Single(p => p.Email.Value == AppFactory.Participant).Id, DateOnly.FromDateTime(DateTime.Today));
            await db.SaveChangesAsync();
        }

        // The same open connection, with the claims it was opened with.
        Assert.Equal(HubConnectionState.Connected, hub.State);
        var tick = await live.TickAsync(own[1]);
        var comment = await live.CommentAsync(own[0], "Nog even gedaan");

        Assert.Equal((false, Text.Get("Live.NoLongerActive")), (tick.Accepted, tick.Error));
        Assert.Equal((false, Text.Get("Live.NoLongerActive")), (comment.Accepted, comment.Error));
        var stored = await StoredAsync(id);
        Assert.Equal(StepState.Open, stored.Steps[own[1]].State);
        Assert.Empty(stored.Comments);
        Assert.Contains(Text.Get("Live.NoLongerActive"), live.Failures);
    }

    [Fact]
    public async Task A_subscriber_that_stops_reading_does_not_hold_up_the_next_changes_to_the_others()
    {
        var id = await NewChecklistAsync("Klompenmakerij Denekamp");
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var feed = app.Services.GetRequiredService<ILiveFeed>();
        var never = new TaskCompletionSource();
        var slowReceived = 0;
        var dropped = new TaskCompletionSource();
        using var slow = feed.Subscribe(OnboardingService.Kind.Name, id, async _ =>
        {
            Interlocked.Increment(ref slowReceived);
            await never.Task; // Stops reading, for good.
        }, () => dropped.TrySetResult(), capacity: 4);
        var fast = new List<long>();
        var allArrived = new TaskCompletionSource();
        const int Changes = 20;
        using var quick = feed.Subscribe(OnboardingService.Kind.Name, id, e =>
        {
            lock (fast)
            {
                fast.Add(e.Sequence);
                if (fast.Count == Changes)
                {
                    allArrived.TrySetResult();
                }
            }

            return Task.CompletedTask;
        });

        for (var i = 0; i < Changes; i++)
        {
            Assert.True((await Onboarding.CommentAsync(coordinator, id, Guid.NewGuid(), 0, $"Opmerking {i}")).Accepted);
        }

        await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await dropped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var first = fast[0];
        Assert.Equal(Enumerable.Range(0, Changes).Select(i => first + i), fast);
        Assert.True(slow.Dropped);
        Assert.Equal(1, Volatile.Read(ref slowReceived));
        never.SetResult();
    }

    [Fact]
    public async Task A_command_that_throws_something_else_than_a_domain_exception_leaves_the_next_command_working()
    {
        var id = await NewChecklistAsync("Touwslagerij Vriezenveen");
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        Assert.True((await Onboarding.CommentAsync(coordinator, id, Guid.NewGuid(), 0, "Eerste")).Accepted); // The line keeps the checklist loaded.

        var failed = await Core.RunAsync<OnboardingChecklist, ChecklistChange>(OnboardingService.Kind, coordinator, id, Guid.NewGuid(), "Broken", turn =>
        {
            turn.Aggregate.Tick(0, coordinator.PersonId, turn.Now); // Half done in memory...
            throw new InvalidOperationException("A bug, not a refusal.");
        });
        var next = await Onboarding.TickAsync(coordinator, id, Guid.NewGuid(), 1);

        Assert.Equal((false, Text.Get("Live.Failed")), (failed.Accepted, failed.Error));
        Assert.True(next.Accepted, next.Error);
        var stored = await StoredAsync(id);
        Assert.Equal(StepState.Open, stored.Steps[0].State); // ...and nothing of it rode along with the next save.
        Assert.Equal(StepState.Done, stored.Steps[1].State);
        Assert.True((await Onboarding.TickAsync(coordinator, id, Guid.NewGuid(), 0)).Accepted);
    }

    [Fact]
    public async Task A_checklist_command_resent_with_the_same_operation_id_is_applied_once()
    {
        var id = await NewChecklistAsync("Weverij Nijverdal");
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var operation = Guid.NewGuid();

        var first = await Onboarding.CommentAsync(coordinator, id, operation, 0, "Gebeld");
        var again = await Onboarding.CommentAsync(coordinator, id, operation, 0, "Gebeld");
        var atOnce = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Onboarding.CommentAsync(coordinator, id, operation, 0, "Gebeld")));

        Assert.True(first.Accepted);
        Assert.All(atOnce.Append(again), r => Assert.Equal((true, first.Sequence), (r.Accepted, r.Sequence)));
        Assert.Single((await StoredAsync(id)).Comments);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        Assert.Equal(1, await db.OperationRecords.CountAsync(r => r.AggregateType == OnboardingService.Kind.Name && r.AggregateId == id));
    }
}
