using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Features.Meetings.Live;

namespace NinetyNine.Tests.Live;

/// <summary>
/// Three people type in one notes field at once, through the server's transform (the <see cref="Meeting"/> aggregate's
/// <see cref="Meeting.EditNotes"/>) and the client states (<see cref="NotesClient"/>, the same as notes.js), with every
/// message delayed by a random amount: sends, server turns and receipts interleave differently for each seed. Whatever
/// the interleaving, all fields end on the server's text, no typed character is lost, and each person's sentence, typed
/// at their caret that moves with the others' text, is in one piece.
/// </summary>
public sealed class NotesConvergencePropertyTests
{
    private static readonly string[] Sentences = ["SANNE PLANT HET BEZOEK.", "marloes belt de gemeente.", "0612345678 91011 1213"];

    [Theory]
    [InlineData("", false)]
    [InlineData("Werkgelegenheid:\nInstroom:", false)]
    [InlineData("Werkgelegenheid:\nInstroom:", true)]
    public void Concurrent_typing_converges_and_keeps_each_sentence_together(string initial, bool sameSpot)
    {
        var runs = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var (meeting, item) = NewItem(initial);
            var clients = Enumerable.Range(0, 3).Select(i => new Person(item.NotesRevision, item.Notes,
                sameSpot ? initial.Length / 2 : random.Next(initial.Length + 1), Sentences[i])).ToArray();
            var trace = Run(random, meeting, item, clients);

            foreach (var person in clients)
            {
                Assert.True(person.Client.Text == item.Notes, $"seed {seed}: a field shows '{person.Client.Text}', the server '{item.Notes}'.");
                Assert.False(person.Client.Pending, $"seed {seed}: typing left unacknowledged.");
                Assert.True(item.Notes.Contains(person.Sentence, StringComparison.Ordinal),
                    $"seed {seed}: '{person.Sentence}' is not in one piece in '{item.Notes}'.\n" + string.Join("\n", trace));
            }

            Assert.Equal(initial.Length + Sentences.Sum(s => s.Length), item.Notes.Length);
            runs++;
        }

        Assert.Equal(300, runs);
    }

    [Fact]
    public void Concurrent_typing_and_deleting_converges_on_the_servers_text()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var (meeting, item) = NewItem("Aanmelding Hofman; werkbezoek in mei; UWV bellen over loonkostensubsidie.");
            var clients = Enumerable.Range(0, 3).Select(i => new Person(item.NotesRevision, item.Notes, random.Next(item.Notes.Length), Sentences[i])
            {
                Deletes = true,
            }).ToArray();
            Run(random, meeting, item, clients);

            Assert.All(clients, person => Assert.True(person.Client.Text == item.Notes, $"seed {seed}: '{person.Client.Text}' against the server's '{item.Notes}'."));
        }
    }

    private static (Meeting Meeting, AgendaItem Item) NewItem(string initial)
    {
        var meeting = Meeting.Schedule(NetworkId.New(), new DateTime(2026, 2, 2, 9, 0, 0), 60, MeetingMode.Video, null, new DateTime(2026, 2, 2, 9, 0, 0));
        var item = meeting.Agenda[0];
        if (initial.Length > 0)
        {
            meeting.EditNotes(item.Id, 0, Guid.NewGuid(), TextOperation.Create().Insert(initial).Build());
        }

        return (meeting, item);
    }

    /// <summary>Random steps until everyone typed their sentence and every message was delivered; returns what happened, for a failure message.</summary>
    private static List<string> Run(Random random, Meeting meeting, AgendaItem item, Person[] people)
    {
        var trace = new List<string>();
        while (people.Any(p => p.Typed < p.Sentence.Length || p.Outbox.Count > 0 || p.Inbox.Count > 0))
        {
            var person = people[random.Next(people.Length)];
            switch (random.Next(4))
            {
                case 0 or 1 when person.Typed < person.Sentence.Length:
                    person.Type(random);
                    trace.Add($"{person.Sentence[0]} typed: '{person.Client.Text}' caret {person.Caret}");
                    break;
                case 2 when person.Outbox.Count > 0:
                    // The server takes this person's next edit (a connection delivers in order) and broadcasts the result.
                    var outgoing = person.Outbox.Dequeue();
                    var step = meeting.EditNotes(item.Id, outgoing.BaseRevision, outgoing.OperationId, outgoing.Operation);
                    var state = NotesStepState.Of(item.Id.Value, step);
                    trace.Add($"server from {person.Sentence[0]}: base {outgoing.BaseRevision} {outgoing.Operation} -> r{step.Revision} {step.Operation} = '{item.Notes}'");
                    foreach (var everyone in people)
                    {
                        everyone.Inbox.Enqueue(state);
                    }

                    break;
                case 3 when person.Inbox.Count > 0:
                    person.Receive(person.Inbox.Dequeue());
                    trace.Add($"{person.Sentence[0]} received: '{person.Client.Text}' caret {person.Caret}");
                    break;
            }
        }

        return trace;
    }

    private sealed class Person(long revision, string text, int caret, string sentence)
    {
        public NotesClient Client { get; } = new(revision, text);
        public string Sentence { get; } = sentence;
        public int Caret { get; private set; } = caret;
        public int Typed { get; private set; }
        public bool Deletes { get; init; }
        public Queue<NotesOutgoing> Outbox { get; } = new();
        public Queue<NotesStepState> Inbox { get; } = new();

        public void Type(Random random)
        {
            string next;
            if (Deletes && random.Next(4) == 0 && Client.Text.Length > 0)
            {
                var at = random.Next(Client.Text.Length);
                var length = Math.Min(random.Next(1, 4), Client.Text.Length - at);
                next = Client.Text.Remove(at, length);
                Caret = at;
            }
            else
            {
                next = Client.Text.Insert(Caret, Sentence[Typed].ToString());
                Caret++;
                Typed++;
            }

            if (Client.Edit(next, Caret) is { } outgoing)
            {
                Outbox.Enqueue(outgoing);
            }
        }

        public void Receive(NotesStepState step)
        {
            var (receipt, next, applied) = Client.Receive(step);
            Assert.NotEqual(NotesReceipt.Gap, receipt);
            if (applied is not null)
            {
                Caret = applied.TransformIndex(Caret);
            }

            if (next is not null)
            {
                Outbox.Enqueue(next);
            }
        }
    }
}
