using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Live;
using NinetyNine.Web.Security;
using Xunit.Abstractions;
using static NinetyNine.Tests.Support.HubClients;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// Property-based test of the live agenda: three people edit one meeting through the real <see cref="AgendaHub"/>,
/// their operations randomly interleaved and partly sent at the same moment. Whatever the interleaving, once everyone
/// has settled each of them holds exactly the server's agenda, every operation the server acknowledged is in its
/// change log exactly once (at the sequence number the sender was told), the stored agenda is what those
/// acknowledged operations give when replayed in that order, and no typed character is lost from the notes.
/// On failure CsCheck prints the seed and the (shrunk) interleaving; rerun with the environment variable
/// <c>CsCheck_Seed</c> set to that seed to generate the same interleaving again.
/// </summary>
public sealed class AgendaInterleavingPropertyTests(RecordingAppFactory app, ITestOutputHelper output) : IClassFixture<RecordingAppFactory>
{
    /// <summary>Samples per run; set the environment variable <c>CsCheck_Iter</c> for a longer hunt.</summary>
    private static readonly int Samples = int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iter) ? iter : 20;
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(20);

    private enum Op
    {
        Add,
        Retitle,
        Remove,
        Move,
        Presenter,
        Timebox,
        Type,
        Decide,
        Act,
    }

    /// <summary>
    /// One thing one client does. The target item is picked at run time from the agenda as that client sees it
    /// (<see cref="Pick"/> modulo its item count), like a person clicking on what is on their screen.
    /// <see cref="WithPrevious"/> sends it at the same moment as the steps before it (at most three, all from different clients).
    /// </summary>
    private sealed record Step(int Client, Op Op, int Pick, int At, int Minutes, string Text, bool WithPrevious)
    {
        public override string ToString() => Op switch
        {
            Op.Add => $"c{Client}:Add('{Text}')",
            Op.Remove => $"c{Client}:Remove(#{Pick})",
            Op.Move => $"c{Client}:Move(#{Pick} to {At})",
            Op.Timebox => $"c{Client}:Timebox(#{Pick}, {Minutes})",
            Op.Type => $"c{Client}:Type(#{Pick}, '{Text}' at {At})",
            _ => $"c{Client}:{Op}(#{Pick}, '{Text}')",
        };
    }

    private static readonly Gen<string> Word = Gen.Char["abcdefghijklmnopqrstuvwxyz"].Array[1, 6].Select(c => new string(c));

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (2, Op.Add), (1, Op.Retitle), (1, Op.Remove), (1, Op.Move), (1, Op.Presenter),
        (1, Op.Timebox), (4, Op.Type), (1, Op.Decide), (1, Op.Act));

    // Mostly the first two items of what a client sees, so that clients often collide on the same item.
    private static readonly Gen<int> Picks = Gen.Frequency((3, Gen.Int[0, 1]), (2, Gen.Int[0, 999]));

    private static readonly Gen<List<Step>> Interleavings =
        Gen.Select(Gen.Int[0, 2], Ops, Picks, Gen.Int[0, 999], Gen.Int[1, 120], Word, Gen.Bool,
                (client, op, pick, at, minutes, text, together) => new Step(client, op, pick, at, minutes, text, together))
            .List[10, 30];

    [Fact]
    public async Task Any_interleaving_of_three_editors_converges_on_the_server_state_without_losing_an_acknowledged_change()
    {
        var totals = new Totals();
        var member = await app.MemberAsync(AppFactory.Coordinator);
        var clock = Stopwatch.StartNew();

        await Interleavings.SampleAsync(steps => RunAsync(steps, member, totals), output.WriteLine, iter: Samples, threads: 1, print: Describe);

        output.WriteLine($"{Samples} samples in {clock.Elapsed.TotalSeconds:0.0} s: {totals.Steps} steps, {totals.Accepted} accepted operations " +
            $"({totals.Patches} notes patches), {totals.Refused} refused, {totals.Duplicates} duplicates, {totals.Skipped} steps without a target.");
        // The property must have been exercised, not held vacuously: operations, notes patches among them, were accepted.
        Assert.True(totals.Accepted > Samples * 5, $"Only {totals.Accepted} operations were accepted.");
        Assert.True(totals.Patches > 0, "No notes patch was ever accepted.");
    }

    private async Task RunAsync(List<Step> steps, CurrentMember member, Totals totals)
    {
        var meetingId = await NewMeetingAsync(app);
        await using var a = await AgendaAsync(app, AppFactory.Coordinator, meetingId);
        await using var b = await AgendaAsync(app, AppFactory.CoreGroupMember, meetingId);
        await using var c = await AgendaAsync(app, AppFactory.Coordinator, meetingId);
        AgendaLive[] clients = [a, b, c];
        var initial = a.Items.Select(ModelItem.From).ToList();
        var typed = new ConcurrentQueue<(Guid Item, string Text)>();

        foreach (var batch in Batches(steps))
        {
            var skipped = await Task.WhenAll(batch.Select(s => ExecuteAsync(clients[s.Client], s, typed))).WaitAsync(BatchTimeout);
            Interlocked.Add(ref totals.Skipped, skipped.Count(x => x));
        }

        await SettleAsync(meetingId, clients);

        await using var db = await app.DbFactory.CreateDbContextAsync();
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == new MeetingId(meetingId));
        var log = await db.OperationRecords.AsNoTracking().Where(r => r.AggregateType == AgendaService.Kind.Name && r.AggregateId == meetingId)
            .OrderBy(r => r.Sequence).Select(r => new { r.Sequence, r.OperationId, r.Payload }).ToListAsync();
        var sequence = await LiveCore.SequenceAsync(db, AgendaService.Kind.Name, meetingId, CancellationToken.None);
        var server = Render(meeting.Agenda.Select(ItemView.Of));

        // 1. Everyone holds exactly the server's agenda at the server's sequence number; so does a fresh snapshot.
        var snapshot = await app.Services.GetRequiredService<AgendaService>().SnapshotAsync(member, meetingId);
        Assert.NotNull(snapshot);
        Assert.Equal(sequence, snapshot.Sequence);
        AssertSameAgenda("A fresh snapshot differs from the stored agenda", server, Render(snapshot.Items.Select(ItemView.Of)));
        for (var i = 0; i < clients.Length; i++)
        {
            Assert.True(sequence == clients[i].Sequence, $"Client {i} is at sequence {clients[i].Sequence}, the server at {sequence}.");
            AssertSameAgenda($"Client {i} ends with another agenda than the server (expected: server, actual: client)", server, Render(clients[i].Items.Select(ItemView.Of)));
            Assert.Equal(snapshot.Meeting, clients[i].Meeting);
            Assert.Equal(0, clients[i].Unsaved);
        }

        // 2. The change log is dense (1..Sequence) and applies no operation twice.
        Assert.Equal(Enumerable.Range(1, (int)sequence).Select(n => (long)n), log.Select(r => r.Sequence));
        Assert.Equal(log.Count, log.Select(r => r.OperationId).Distinct().Count());

        // 3. The log holds exactly the operations the server acknowledged as new, each at the sequence number it answered;
        //    a resend answered as a duplicate points at the one entry of its first acceptance.
        var answers = app.Recorder.For(meetingId);
        var accepted = answers.Where(x => x.Result.Accepted && !x.Result.Duplicate).OrderBy(x => x.Result.Sequence).ToList();
        Assert.Equal(accepted.Count, accepted.Select(x => x.Command.OperationId).Distinct().Count());
        var logged = log.Select(r => (r.OperationId, r.Sequence)).ToHashSet();
        var lost = accepted.Where(x => !logged.Contains((x.Command.OperationId, x.Result.Sequence))).ToList();
        Assert.True(lost.Count == 0, "Acknowledged but not in the change log at the answered sequence number: "
            + string.Join(", ", lost.Select(x => $"{x.Command.Method} {x.Command.OperationId} (answered {x.Result.Sequence})")) + ".");
        Assert.Equal(log.Select(r => (r.OperationId, r.Sequence)), accepted.Select(x => (x.Command.OperationId, x.Result.Sequence)));
        foreach (var (command, result) in answers.Where(x => x.Result.Duplicate))
        {
            Assert.Contains((command.OperationId, result.Sequence), log.Select(r => (r.OperationId, r.Sequence)));
        }

        // 4. Replaying the acknowledged operations, in the order of their sequence numbers, on the agenda everyone
        //    started from gives the stored agenda: each acknowledged change is reflected, and nothing else happened.
        var model = initial;
        var payloads = log.ToDictionary(r => r.OperationId, r => r.Payload);
        foreach (var (command, result) in accepted)
        {
            Replay(model, command, result.Sequence, payloads[command.OperationId]);
        }

        AssertSameAgenda("The stored agenda is not what the acknowledged operations give (expected: replay, actual: stored)",
            [.. model.Select(m => m.View())], [.. meeting.Agenda.Select(i => ModelItem.From(i).View())]);

        // 5. Nobody deletes notes in this test, so every character typed into an item that still exists is in its notes.
        foreach (var item in meeting.Agenda)
        {
            var expected = Sorted(string.Concat(typed.Where(t => t.Item == item.Id.Value).Select(t => t.Text)));
            Assert.True(expected == Sorted(item.Notes), $"Typed characters of item '{item.Title}' are missing or extra: typed (sorted) '{expected}', notes '{item.Notes}'.");
        }

        Interlocked.Add(ref totals.Steps, steps.Count);
        Interlocked.Add(ref totals.Accepted, accepted.Count);
        Interlocked.Add(ref totals.Patches, accepted.Count(x => x.Command.Method == nameof(AgendaHub.EditNotes)));
        Interlocked.Add(ref totals.Refused, answers.Count(x => !x.Result.Accepted));
        Interlocked.Add(ref totals.Duplicates, answers.Count(x => x.Result.Duplicate));
    }

    /// <summary>Does one step as the client sees the agenda now; true when there was no item to act on.</summary>
    private static async Task<bool> ExecuteAsync(AgendaLive client, Step step, ConcurrentQueue<(Guid Item, string Text)> typed)
    {
        if (step.Op == Op.Add)
        {
            await client.AddItemAsync(step.Text);
            return false;
        }

        var items = client.Items;
        if (items.Count == 0)
        {
            return true;
        }

        var item = items[step.Pick % items.Count].Id;
        switch (step.Op)
        {
            case Op.Retitle:
                await client.RetitleItemAsync(item, step.Text);
                break;
            case Op.Remove:
                await client.RemoveItemAsync(item);
                break;
            case Op.Move:
                await client.MoveItemAsync(item, step.At % items.Count);
                break;
            case Op.Presenter:
                await client.SetPresenterAsync(item, step.Text);
                break;
            case Op.Timebox:
                await client.SetTimeboxAsync(item, step.Minutes);
                break;
            case Op.Type:
                // As the browser does: the edit is reported with the text it was made on.
                var before = client.NotesOf(item);
                typed.Enqueue((item, step.Text));
                await client.EditNotesAsync(item, before, before.Insert(step.At % (before.Length + 1), step.Text));
                break;
            case Op.Decide:
                await client.RecordDecisionAsync(item, step.Text);
                break;
            case Op.Act:
                await client.AddActionAsync(item, step.Text);
                break;
            default:
                throw new InvalidOperationException($"Unknown step {step.Op}.");
        }

        return false;
    }

    /// <summary>Waits until no client has anything unsent or unacknowledged and all are at the server's sequence number.</summary>
    private async Task SettleAsync(Guid meetingId, AgendaLive[] clients)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = await app.DbFactory.CreateDbContextAsync();
            var sequence = await LiveCore.SequenceAsync(db, AgendaService.Kind.Name, meetingId, CancellationToken.None);
            if (clients.All(c => c.Sequence == sequence && c.Unsaved == 0 && c.Items.All(i => !c.HasUnsavedNotes(i.Id))))
            {
                return;
            }

            if (clock.Elapsed > SettleTimeout)
            {
                Assert.Fail($"The clients did not settle within {SettleTimeout.TotalSeconds} s: server at sequence {sequence}, clients at "
                    + string.Join(", ", clients.Select(c => $"{c.Sequence} ({c.Unsaved} unsaved, unsaved notes: {c.Items.Count(i => c.HasUnsavedNotes(i.Id))})")) + ".");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Applies one acknowledged operation to the model, by the rules of the agenda.</summary>
    private static void Replay(List<ModelItem> model, AgendaCall command, long sequence, string payload)
    {
        if (command.Method == nameof(AgendaHub.AddItem))
        {
            // The new item's id is chosen by the server; take it from the change it logged.
            var change = JsonSerializer.Deserialize<AgendaChange>(payload, AgendaService.Json)!;
            model.Add(new ModelItem(change.Upserts.Single().Id, command.Argument<string>(0)));
            return;
        }

        // Every other intent this test sends names its item first.
        var item = model.FirstOrDefault(m => m.Id == command.Argument<Guid>(0))
            ?? throw new Xunit.Sdk.XunitException($"Operation {sequence} ({command.Method}) was accepted on an item that no longer existed.");
        switch (command.Method)
        {
            case nameof(AgendaHub.RetitleItem):
                item.Title = command.Argument<string>(1);
                break;
            case nameof(AgendaHub.RemoveItem):
                model.Remove(item);
                break;
            case nameof(AgendaHub.MoveItem):
                model.Remove(item);
                model.Insert(command.Argument<int>(1), item);
                break;
            case nameof(AgendaHub.SetPresenter):
                item.Presenter = (string?)command.Arguments[1];
                break;
            case nameof(AgendaHub.SetTimebox):
                item.Timebox = (int?)command.Arguments[1];
                break;
            case nameof(AgendaHub.EditNotes):
                // The edit was made on an older revision; the server logged it as it applied it (transformed).
                var step = JsonSerializer.Deserialize<AgendaChange>(payload, AgendaService.Json)!.Notes!;
                item.Notes = TextOperation.Parse(step.Operation).Apply(item.Notes);
                break;
            case nameof(AgendaHub.RecordDecision):
                item.Decisions.Add(command.Argument<string>(1));
                break;
            case nameof(AgendaHub.AddAction):
                item.Actions.Add(command.Argument<string>(1));
                break;
            default:
                throw new Xunit.Sdk.XunitException($"Operation {sequence} is an intent this test never sends: {command.Method}.");
        }
    }

    /// <summary>Groups the steps into what is sent at the same moment: up to three consecutive steps of different clients.</summary>
    private static List<Step[]> Batches(List<Step> steps)
    {
        var batches = new List<Step[]>();
        var batch = new List<Step>();
        foreach (var step in steps)
        {
            if (batch.Count > 0 && (!step.WithPrevious || batch.Count == 3 || batch.Exists(s => s.Client == step.Client)))
            {
                batches.Add([.. batch]);
                batch.Clear();
            }

            batch.Add(step);
        }

        if (batch.Count > 0)
        {
            batches.Add([.. batch]);
        }

        return batches;
    }

    private static string Describe(List<Step> steps) =>
        string.Join(" ", Batches(steps).Select(b => "[" + string.Join(" | ", b.Select(s => s.ToString())) + "]"));

    private static List<string> Render(IEnumerable<ItemView> items) => [.. items.Select(i => i.ToString())];

    private static string Sorted(string text)
    {
        var characters = text.ToCharArray();
        Array.Sort(characters);
        return new string(characters);
    }

    /// <summary>Everything a client shows of an item, comparable by value.</summary>
    private sealed record ItemView(Guid Id, string Title, bool IsStanding, string? Presenter, int? Timebox, string Notes, bool Discussed,
        string Decisions, string Actions)
    {
        public static ItemView Of(AgendaItemState i) =>
            new(i.Id, i.Title, i.IsStanding, i.Presenter, i.TimeboxMinutes, i.Notes, i.Discussed,
                string.Join("; ", i.Decisions.Select(d => $"{d.Id}:{d.Text}@{d.RecordedAt.Ticks}")),
                string.Join("; ", i.Actions.Select(a => $"{a.Id}:{a.Text}/{a.Owner}/{a.DueOn}/{a.Done}")));

        public static ItemView Of(AgendaItem i) =>
            new(i.Id.Value, i.Title, i.IsStanding, i.Presenter, i.TimeboxMinutes, i.Notes, i.Discussed,
                string.Join("; ", i.Decisions.Select(d => $"{d.Id}:{d.Text}@{d.RecordedAt.Ticks}")),
                string.Join("; ", i.ActionItems.Select(a => $"{a.Id}:{a.Text}/{a.Owner}/{a.DueOn}/{a.Done}")));
    }

    /// <summary>Fails with both agendas item by item, differing lines marked, when they are not equal.</summary>
    private static void AssertSameAgenda(string what, List<string> expected, List<string> actual)
    {
        if (expected.SequenceEqual(actual))
        {
            return;
        }

        var lines = Enumerable.Range(0, Math.Max(expected.Count, actual.Count)).Select(n =>
        {
            var e = n < expected.Count ? expected[n] : "(none)";
            var a = n < actual.Count ? actual[n] : "(none)";
            return e == a ? $"  {n}: {e}" : $"* {n}: expected {e}\n     actual   {a}";
        });
        Assert.Fail($"{what}:\n{string.Join("\n", lines)}");
    }

    /// <summary>The agenda as the test's own replay of acknowledged operations builds it.</summary>
    private sealed class ModelItem(Guid id, string title)
    {
        public Guid Id { get; } = id;
        public string Title { get; set; } = title;
        public string? Presenter { get; set; }
        public int? Timebox { get; set; }
        public string Notes { get; set; } = string.Empty;
        public List<string> Decisions { get; } = [];
        public List<string> Actions { get; } = [];

        public static ModelItem From(AgendaItemState state)
        {
            var item = new ModelItem(state.Id, state.Title) { Presenter = state.Presenter, Timebox = state.TimeboxMinutes, Notes = state.Notes };
            item.Decisions.AddRange(state.Decisions.Select(d => d.Text));
            item.Actions.AddRange(state.Actions.Select(a => a.Text));
            return item;
        }

        public static ModelItem From(AgendaItem stored)
        {
            var item = new ModelItem(stored.Id.Value, stored.Title) { Presenter = stored.Presenter, Timebox = stored.TimeboxMinutes, Notes = stored.Notes };
            item.Decisions.AddRange(stored.Decisions.Select(d => d.Text));
            item.Actions.AddRange(stored.ActionItems.Select(a => a.Text));
            return item;
        }

        public string View() =>
            $"{Id} '{Title}' presenter '{Presenter}' timebox {Timebox} notes '{Notes}' decisions [{string.Join(", ", Decisions)}] actions [{string.Join(", ", Actions)}]";
    }

    private sealed class Totals
    {
        public int Steps;
        public int Accepted;
        public int Patches;
        public int Refused;
        public int Duplicates;
        public int Skipped;
    }
}
