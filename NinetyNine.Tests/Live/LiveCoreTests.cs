using CsCheck;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;
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
    private BoardService Boards => app.Services.GetRequiredService<BoardService>();

    private async Task<Guid> BoardOfAsync(string group) =>
        (await Boards.BoardOfAsync(await app.MemberAsync(AppFactory.Coordinator), await app.ThemeGroupIdAsync(group)))!.Value;
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
        // Ahmet's employer is a member of this group: he edits its board, over a WebSocket that stays open.
        var boardId = await BoardOfAsync("Werkgelegenheid creëren");
        await using var board = await HubLive.BoardAsync(app, AppFactory.Participant, boardId, webSocket: true);
        var before = await board.AddCardAsync(board.Columns[0].Id, BoardService.StateOf(CardFields.New("Voor de deactivering")));
        Assert.True(before.Accepted, before.Error);

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
        var card = await board.AddCardAsync(board.Columns[0].Id, BoardService.StateOf(CardFields.New("Na de deactivering")));
        var move = await board.MoveAsync(before.CardId!.Value, board.Columns[^1].Id, 0);
        Assert.Equal((false, Text.Get("Live.NoLongerActive")), (card.Accepted, card.Error));
        Assert.Equal((false, Text.Get("Live.NoLongerActive")), (move.Accepted, move.Error));
        var storedBoard = (await Boards.SnapshotAsync(await app.MemberAsync(AppFactory.Coordinator), boardId))!;
        Assert.DoesNotContain(storedBoard.Cards, c => c.Fields.Title == "Na de deactivering");
        Assert.Equal(board.Columns[0].Id, storedBoard.Cards.Single(c => c.Id == before.CardId).ColumnId);
    }

    [Fact]
    public async Task A_board_command_resent_with_the_same_operation_id_is_applied_once()
    {
        var boardId = await BoardOfAsync("In-, door- en uitstroom van kandidaten");
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var column = (await Boards.SnapshotAsync(coordinator, boardId))!.Columns[0].Id;
        var add = Guid.NewGuid();
        var card = (await Boards.AddCardAsync(coordinator, boardId, add, column, BoardService.StateOf(CardFields.New("Eén keer"))))!;
        var comment = Guid.NewGuid();

        var results = new List<BoardResult>();
        for (var i = 0; i < 3; i++)
        {
            // The client saw no answer (a lost connection) and sends the same comment again, with the same id.
            results.Add(await Boards.CommentAsync(coordinator, boardId, comment, card.CardId!.Value, "Goed plan"));
        }

        results.AddRange(await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Boards.CommentAsync(coordinator, boardId, comment, card.CardId!.Value, "Goed plan"))));
        var addAgain = await Boards.AddCardAsync(coordinator, boardId, add, column, BoardService.StateOf(CardFields.New("Eén keer")));

        Assert.All(results, r => Assert.Equal((true, results[0].Version), (r.Accepted, r.Version)));
        Assert.Equal((true, card.Version), (addAgain.Accepted, addAgain.Version));
        var stored = (await Boards.SnapshotAsync(coordinator, boardId))!;
        Assert.Single(stored.Cards, c => c.Fields.Title == "Eén keer");
        Assert.Single(stored.Cards.Single(c => c.Id == card.CardId).Comments);
    }

    /// <summary>
    /// Three clients send interleaved commands, some at the same moment and some resent with their operation id (as after
    /// a lost answer), on one board and one checklist through the core. Whatever the interleaving: every acknowledged
    /// operation is in the operation records exactly once, at the sequence it was told, the sequences have no gaps, and
    /// the aggregate holds exactly the acknowledged changes.
    /// </summary>
    [Fact]
    public async Task Interleaved_commands_of_three_clients_are_each_persisted_once_without_sequence_gaps()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var boardId = await BoardOfAsync("Werkgelegenheid creëren");
        // Three screens: the coordinator twice (desk and phone) and the group's lead.
        var clients = new[] { coordinator, await app.MemberAsync(AppFactory.SecondCoreGroupMember), await app.MemberAsync(AppFactory.Coordinator) };
        var column = (await Boards.SnapshotAsync(coordinator, boardId))!.Columns[0].Id;
        var cardId = (await Boards.AddCardAsync(coordinator, boardId, Guid.NewGuid(), column, BoardService.StateOf(CardFields.New("Gesprekskaart")))).CardId!.Value;
        var step = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Bool, Gen.Bool);
        var sample = 0;

        await step.Array[4, 12].SampleAsync(async steps =>
        {
            var checklistId = await NewChecklistAsync($"Proef {Interlocked.Increment(ref sample)} {Guid.NewGuid():N}");
            var sent = new List<(Guid Operation, string Text, Task<(bool Accepted, long Sequence)> Result, bool Board)>();
            var pending = new List<Task>();
            foreach (var (client, kind, together, resend) in steps)
            {
                var operation = Guid.NewGuid();
                var text = $"c{client}-{operation:N}"[..12];
                var member = kind == 0 ? clients[0] : clients[client]; // Only the coordinator comments on every checklist step.
                Func<Task<(bool, long)>> send = kind == 0
                    ? async () => (await Onboarding.CommentAsync(member, checklistId, operation, 0, text)) is var r ? (r.Accepted, r.Sequence) : default
                    : async () => (await Boards.CommentAsync(member, boardId, operation, cardId, text)) is var r ? (r.Accepted, r.Version) : default;
                var first = send();
                sent.Add((operation, text, first, kind != 0));
                if (resend)
                {
                    pending.Add(send()); // The same operation again, at once.
                }

                if (!together)
                {
                    await first;
                }
            }

            await Task.WhenAll(sent.Select(s => (Task)s.Result).Concat(pending));
            await using var db = await app.DbFactory.CreateDbContextAsync();
            foreach (var (type, id, board) in new[] { (BoardService.Kind.Name, boardId, true), (OnboardingService.Kind.Name, checklistId, false) })
            {
                var records = await db.OperationRecords.AsNoTracking().Where(r => r.AggregateType == type && r.AggregateId == id).OrderBy(r => r.Sequence).ToListAsync();
                Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
                foreach (var (operation, _, result, _) in sent.Where(s => s.Board == board))
                {
                    var (accepted, sequence) = await result;
                    Assert.True(accepted);
                    Assert.Equal(sequence, Assert.Single(records, r => r.OperationId == operation).Sequence);
                }
            }

            var texts = sent.Where(s => !s.Board).Select(s => s.Text).Order().ToList();
            Assert.Equal(texts, (await StoredAsync(checklistId)).Comments.Select(c => c.Text).Order());
            var onCard = (await Boards.SnapshotAsync(coordinator, boardId))!.Cards.Single(c => c.Id == cardId).Comments.Select(c => c.Text).ToHashSet();
            Assert.All(sent.Where(s => s.Board), s => Assert.Contains(s.Text, onCard));
            Assert.Equal(sent.Count(s => s.Board), onCard.Count(t => sent.Any(s => s.Text == t)));
        }, iter: 8, threads: 1);
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
