using System.Security.Claims;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>The intents an agenda client can send, each with its operation id (the same id when resent), and its presence.</summary>
public interface IAgendaCommands
{
    Task<AgendaResult> AddItemAsync(Guid operationId, string title);
    Task<AgendaResult> RetitleItemAsync(Guid operationId, Guid itemId, string title);
    Task<AgendaResult> RemoveItemAsync(Guid operationId, Guid itemId);
    Task<AgendaResult> MoveItemAsync(Guid operationId, Guid itemId, int index);
    Task<AgendaResult> SetPresenterAsync(Guid operationId, Guid itemId, string? presenter);
    Task<AgendaResult> SetTimeboxAsync(Guid operationId, Guid itemId, int? minutes);
    Task<AgendaResult> EditNotesAsync(Guid operationId, Guid itemId, long baseRevision, string operation);
    Task<AgendaResult> RecordDecisionAsync(Guid operationId, Guid itemId, string text);
    Task<AgendaResult> RemoveDecisionAsync(Guid operationId, Guid itemId, Guid decisionId);
    Task<AgendaResult> AddActionAsync(Guid operationId, Guid itemId, string text, string? owner, DateOnly? dueOn);
    Task<AgendaResult> SetActionDoneAsync(Guid operationId, Guid itemId, Guid actionId, bool done);
    Task<AgendaResult> RemoveActionAsync(Guid operationId, Guid itemId, Guid actionId);
    Task<AgendaResult> RemoveTopicAsync(Guid operationId, Guid itemId, Guid topicId);
    Task<AgendaResult> StartMeetingAsync(Guid operationId);
    Task<AgendaResult> MoveToItemAsync(Guid operationId, Guid itemId);
    Task<AgendaResult> CloseMeetingAsync(Guid operationId);
    Task<AgendaResult> RescheduleAsync(Guid operationId, DateTime startsAt, int durationMinutes, MeetingMode mode, string? details);
    Task<AgendaResult> CancelMeetingAsync(Guid operationId);

    /// <summary>The notes steps of an item after a revision; null when no longer all kept.</summary>
    Task<IReadOnlyList<NotesStepState>?> NotesSinceAsync(Guid itemId, long revision);

    /// <summary>Tells the others which item this person edits (null: none); best effort.</summary>
    Task EditingAsync(Guid? itemId);
}

/// <summary>
/// One meeting's agenda kept live on the client: the <see cref="LiveClient{TSnapshot, TChange}"/> base orders, catches up
/// and resends; this part is the items, presence and the notes fields. Notes typed through <see cref="EditNotesAsync(Guid, string)"/>
/// are merged by operational transform (<see cref="NotesClient"/>, as wwwroot/js/notes.js does in the browser, whose
/// edits come in through <see cref="SendNotesAsync"/>). The page builds it in-process (<see cref="InProcess"/>);
/// other clients over <see cref="AgendaHub"/> (<see cref="AgendaHubClient"/>).
/// </summary>
public sealed class AgendaLive : LiveClient<MeetingSnapshot, AgendaChange>
{
    private const int KeptNotesSteps = 200;
    private readonly IAgendaCommands _commands;
    private readonly Func<string?> _presenceId;
    private readonly Dictionary<Guid, NotesClient> _notes = [];
    private readonly Dictionary<Guid, List<NotesStepState>> _steps = [];
    private readonly List<(Guid ItemId, NotesOutgoing Outgoing)> _follow = [];
    private readonly List<IDisposable> _owned = [];
    private List<AgendaItemState> _items = [];
    private MeetingState? _meeting;
    private bool _canEdit;
    private IReadOnlyList<PresenceEntry> _present = [];

    public AgendaLive(LiveSource<MeetingSnapshot, AgendaChange> source, IAgendaCommands commands, Func<string?> presenceId) : base(source)
    {
        _commands = commands ?? throw new ArgumentNullException(nameof(commands));
        _presenceId = presenceId ?? throw new ArgumentNullException(nameof(presenceId));
        // After each change: send the notes edits an acknowledgement released, and bring lagging fields up to date.
        Changed += touched => _ = FollowUpAsync();
    }

    /// <summary>Raised when a card made from one of the meeting's action items changed on its board.</summary>
    public event Action? LinkedCardsChanged;

    public Guid MeetingId { get; private init; }
    public MeetingState? Meeting => Read(() => _meeting);
    public bool CanEdit => Read(() => _canEdit);
    public IReadOnlyList<AgendaItemState> Items => Read(() => _items);
    public IReadOnlyList<PresenceEntry> Present => Read(() => _present);

    /// <summary>This client's own presence entry (its hub connection, or the page's circuit).</summary>
    public string? ConnectionId => _presenceId();

    /// <summary>Changes sent but not yet confirmed by the server, and notes typed here not sent yet (shown as "not saved").</summary>
    public int Unsaved => Unacknowledged + Read(() => _notes.Values.Count(n => n.InFlight is null && n.Buffer is not null));

    /// <summary>
    /// The page's client: calls the service directly, follows the meeting's feeds in this process, and is present in the
    /// meeting (as <paramref name="name"/>) until it is disposed, with the page or its circuit.
    /// </summary>
    public static AgendaLive InProcess(AgendaService agenda, PresenceTracker presence, CurrentMember member, Guid meetingId)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        ArgumentNullException.ThrowIfNull(presence);
        ArgumentNullException.ThrowIfNull(member);
        var presenceId = "page:" + Guid.NewGuid().ToString("N");
        AgendaLive? live = null;
        var source = new LiveSource<MeetingSnapshot, AgendaChange>(
            ct => agenda.SnapshotAsync(member, meetingId, ct),
            (since, ct) => agenda.SinceAsync(member, meetingId, since, ct),
            (receive, dropped) => agenda.Subscribe(meetingId, receive, dropped));
        live = new AgendaLive(source, new InProcessCommands(agenda, presence, member, meetingId, presenceId), () => presenceId) { MeetingId = meetingId };
        var feed = agenda.Feed;
        live._owned.Add(feed.Subscribe(AgendaService.PresenceTopic, meetingId, e =>
        {
            live.ReceivePresence((IReadOnlyList<PresenceEntry>)e.Change);
            return Task.CompletedTask;
        }));
        live._owned.Add(feed.Subscribe(AgendaService.CardsTopic, meetingId, _ =>
        {
            live.ReceiveLinkedCardsChanged();
            return Task.CompletedTask;
        }));
        live.ReceivePresence(presence.Join(meetingId, presenceId, member.User.FindFirstValue(ClaimTypes.GivenName) ?? "?"));
        live._owned.Add(new Leave(() => presence.Leave(presenceId)));
        return live;
    }

    /// <summary>A client over any source and commands (a hub client); see <see cref="AgendaHubClient"/>.</summary>
    public static AgendaLive Over(LiveSource<MeetingSnapshot, AgendaChange> source, IAgendaCommands commands, Guid meetingId, Func<string?> presenceId) =>
        new(source, commands, presenceId) { MeetingId = meetingId };

    public void ReceivePresence(IReadOnlyList<PresenceEntry> present)
    {
        ArgumentNullException.ThrowIfNull(present);
        Read(() => _present = present);
        NotifyChanged([]);
    }

    public void ReceiveLinkedCardsChanged() => LinkedCardsChanged?.Invoke();

    public Task<AgendaResult> AddItemAsync(string title) => Send(id => _commands.AddItemAsync(id, title));

    public Task<AgendaResult> RetitleItemAsync(Guid itemId, string title) => Send(id => _commands.RetitleItemAsync(id, itemId, title));

    public Task<AgendaResult> RemoveItemAsync(Guid itemId) => Send(id => _commands.RemoveItemAsync(id, itemId));

    public Task<AgendaResult> MoveItemAsync(Guid itemId, int index) => Send(id => _commands.MoveItemAsync(id, itemId, index));

    public Task<AgendaResult> SetPresenterAsync(Guid itemId, string? presenter) => Send(id => _commands.SetPresenterAsync(id, itemId, presenter));

    public Task<AgendaResult> SetTimeboxAsync(Guid itemId, int? minutes) => Send(id => _commands.SetTimeboxAsync(id, itemId, minutes));

    public Task<AgendaResult> RecordDecisionAsync(Guid itemId, string text) => Send(id => _commands.RecordDecisionAsync(id, itemId, text));

    public Task<AgendaResult> RemoveDecisionAsync(Guid itemId, Guid decisionId) => Send(id => _commands.RemoveDecisionAsync(id, itemId, decisionId));

    public Task<AgendaResult> AddActionAsync(Guid itemId, string text, string? owner = null, DateOnly? dueOn = null) =>
        Send(id => _commands.AddActionAsync(id, itemId, text, owner, dueOn));

    public Task<AgendaResult> SetActionDoneAsync(Guid itemId, Guid actionId, bool done) => Send(id => _commands.SetActionDoneAsync(id, itemId, actionId, done));

    public Task<AgendaResult> RemoveActionAsync(Guid itemId, Guid actionId) => Send(id => _commands.RemoveActionAsync(id, itemId, actionId));

    public Task<AgendaResult> RemoveTopicAsync(Guid itemId, Guid topicId) => Send(id => _commands.RemoveTopicAsync(id, itemId, topicId));

    public Task<AgendaResult> StartMeetingAsync() => Send(_commands.StartMeetingAsync);

    public Task<AgendaResult> MoveToItemAsync(Guid itemId) => Send(id => _commands.MoveToItemAsync(id, itemId));

    public Task<AgendaResult> CloseMeetingAsync() => Send(_commands.CloseMeetingAsync);

    /// <summary>The coordinator moves the meeting: new start, length, and how the core group meets.</summary>
    public Task<AgendaResult> RescheduleAsync(DateTime startsAt, int durationMinutes, MeetingMode mode, string? details) =>
        Send(id => _commands.RescheduleAsync(id, startsAt, durationMinutes, mode, details));

    public Task<AgendaResult> CancelMeetingAsync() => Send(_commands.CancelMeetingAsync);

    public Task EditingAsync(Guid? itemId) => _commands.EditingAsync(itemId);

    /// <summary>The notes of an item as this person sees them: with their own unsent typing.</summary>
    public string NotesOf(Guid itemId) =>
        Read(() => _notes.TryGetValue(itemId, out var notes) ? notes.Text : _items.FirstOrDefault(i => i.Id == itemId)?.Notes ?? string.Empty);

    /// <summary>True while the command with this operation id waits for an answer (it is resent after a reconnect).</summary>
    public bool IsPending(Guid operationId) => IsUnacknowledged(operationId);

    public bool HasUnsavedNotes(Guid itemId) => Read(() => _notes.TryGetValue(itemId, out var notes) && notes.Pending);

    /// <summary>Takes the notes as the person now has them and sends the edit when nothing else is in flight.</summary>
    public Task EditNotesAsync(Guid itemId, string text) => EditNotesAsync(itemId, null, text);

    /// <summary>
    /// Takes one edit the person made (from <paramref name="previous"/> to <paramref name="text"/>) and applies it to the
    /// notes as this client has them, so an edit made on a screen that did not show the latest merge yet still removes
    /// nothing it did not mean to; it then goes to the server as a text operation.
    /// </summary>
    public async Task EditNotesAsync(Guid itemId, string? previous, string text)
    {
        var outgoing = Read(() =>
        {
            if (_items.FirstOrDefault(i => i.Id == itemId) is not { } item)
            {
                return null;
            }

            var notes = NotesField(item);
            var edited = previous is null || previous == notes.Text ? text : TextMerge.Apply(TextMerge.MakePatch(previous, text), notes.Text);
            return notes.Edit(edited);
        });
        if (outgoing is not null)
        {
            await SendNotesAsync(itemId, outgoing.OperationId, outgoing.BaseRevision, outgoing.Operation.ToJson());
        }
    }

    /// <summary>
    /// Sends one notes edit (made here, or by the browser's own notes client): kept and resent with the same operation id
    /// until the server answered it. A refusal hands the edit back to the field.
    /// </summary>
    public async Task<AgendaResult> SendNotesAsync(Guid itemId, Guid operationId, long baseRevision, string operation)
    {
        var result = await SendAsync(operationId, () => _commands.EditNotesAsync(operationId, itemId, baseRevision, operation), AgendaResult.Refused);
        if (!result.Accepted && !IsUnacknowledged(operationId))
        {
            Read(() =>
            {
                if (_notes.TryGetValue(itemId, out var notes))
                {
                    notes.Refused(operationId);
                }

                return 0;
            });
        }

        return result;
    }

    /// <summary>
    /// The edits of an item's notes after <paramref name="revision"/>, in order: from those this client received, or else
    /// asked of the server. Null when they are no longer at hand (the field then starts again from the notes).
    /// </summary>
    public async Task<IReadOnlyList<NotesStepState>?> NotesSinceAsync(Guid itemId, long revision)
    {
        var kept = Read<IReadOnlyList<NotesStepState>?>(() =>
        {
            var latest = _items.FirstOrDefault(i => i.Id == itemId)?.NotesRevision ?? revision;
            if (latest <= revision)
            {
                return [];
            }

            return _steps.TryGetValue(itemId, out var steps) && steps.Count > 0 && steps[0].Revision <= revision + 1 && steps[^1].Revision >= latest
                ? [.. steps.Where(step => step.Revision > revision)]
                : null;
        });
        if (kept is not null)
        {
            return kept;
        }

        try
        {
            return await _commands.NotesSinceAsync(itemId, revision);
        }
        catch (Exception e) when (IsTransient(e) || e is Microsoft.AspNetCore.SignalR.HubException)
        {
            return []; // Asked again with the next change.
        }
    }

    protected override long SequenceOf(AgendaChange change) => change.Sequence;

    protected override long SequenceOf(MeetingSnapshot snapshot) => snapshot.Sequence;

    protected override void Load(MeetingSnapshot snapshot)
    {
        _meeting = snapshot.Meeting;
        _canEdit = snapshot.CanEdit;
        _items = [.. snapshot.Items];
        // Notes fields behind the snapshot catch up with the steps they missed (see FollowUpAsync); gone items take theirs along.
        foreach (var itemId in _notes.Keys.Where(id => _items.All(i => i.Id != id)).ToList())
        {
            _notes.Remove(itemId);
        }
    }

    protected override IReadOnlyCollection<Guid> Apply(AgendaChange change)
    {
        var byId = _items.ToDictionary(i => i.Id);
        foreach (var removed in change.Removed)
        {
            byId.Remove(removed);
            _notes.Remove(removed);
            _steps.Remove(removed);
        }

        foreach (var item in change.Upserts)
        {
            byId[item.Id] = item;
        }

        if (change.Notes is { } step)
        {
            Keep(step);
            // Our own edit acknowledged, or someone else's transformed over our pending typing; a gap is caught up afterwards.
            if (_notes.TryGetValue(step.ItemId, out var notes) && notes.Receive(step).Next is { } next)
            {
                _follow.Add((step.ItemId, next));
            }
        }

        _items = [.. change.Order.Where(byId.ContainsKey).Select(id => byId[id])];
        _meeting = change.Meeting;
        _canEdit = _canEdit && change.Meeting.Status is MeetingStatus.Planned or MeetingStatus.Live;
        return [.. change.Upserts.Select(i => i.Id), .. change.Removed];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var owned in _owned)
            {
                owned.Dispose();
            }

            _owned.Clear();
        }

        base.Dispose(disposing);
    }

    private NotesClient NotesField(AgendaItemState item)
    {
        if (!_notes.TryGetValue(item.Id, out var notes))
        {
            notes = new NotesClient(item.NotesRevision, item.Notes);
            _notes[item.Id] = notes;
        }

        return notes;
    }

    private void Keep(NotesStepState step)
    {
        if (!_steps.TryGetValue(step.ItemId, out var kept))
        {
            _steps[step.ItemId] = kept = [];
        }

        if (kept.Count == 0 || kept[^1].Revision + 1 == step.Revision)
        {
            kept.Add(step);
        }
        else if (kept[^1].Revision < step.Revision)
        {
            kept.Clear(); // A hole (a snapshot came in between): keep only what is contiguous.
            kept.Add(step);
        }

        if (kept.Count > KeptNotesSteps)
        {
            kept.RemoveAt(0);
        }
    }

    private int _followingUp;

    /// <summary>Sends what an acknowledgement released, and brings notes fields behind their item's revision up to it.</summary>
    private async Task FollowUpAsync()
    {
        if (Interlocked.Exchange(ref _followingUp, 1) == 1)
        {
            return;
        }

        try
        {
            var busy = true;
            while (busy)
            {
                var (next, lagging) = Read(() =>
                {
                    var follow = _follow.ToList();
                    _follow.Clear();
                    var behind = _notes.Where(n => _items.FirstOrDefault(i => i.Id == n.Key) is { } item && item.NotesRevision > n.Value.Revision)
                        .Select(n => n.Key).ToList();
                    return (follow, behind);
                });
                foreach (var (itemId, outgoing) in next)
                {
                    await SendNotesAsync(itemId, outgoing.OperationId, outgoing.BaseRevision, outgoing.Operation.ToJson());
                }

                var progressed = false;
                foreach (var itemId in lagging)
                {
                    progressed |= await CatchUpNotesAsync(itemId);
                }

                busy = progressed || next.Count > 0;
            }
        }
        finally
        {
            Volatile.Write(ref _followingUp, 0);
        }

        if (Read(() => _follow.Count > 0))
        {
            _ = FollowUpAsync(); // Released while this round was finishing.
        }
    }

    /// <summary>Brings one notes field up to its item's revision with the steps it missed; true when it moved on.</summary>
    private async Task<bool> CatchUpNotesAsync(Guid itemId)
    {
        var since = Read<long?>(() => _notes.TryGetValue(itemId, out var notes) ? notes.Revision : null);
        if (since is null)
        {
            return false;
        }

        var steps = await NotesSinceAsync(itemId, since.Value);
        var (next, moved) = Read<(NotesOutgoing?, bool)>(() =>
        {
            if (!_notes.TryGetValue(itemId, out var notes) || _items.FirstOrDefault(i => i.Id == itemId) is not { } item)
            {
                return (null, false);
            }

            var before = notes.Revision;
            if (steps is null)
            {
                notes.Reset(item.NotesRevision, item.Notes);
                return (notes.Flush(), true);
            }

            NotesOutgoing? outgoing = null;
            foreach (var step in steps)
            {
                outgoing = notes.Receive(step).Next ?? outgoing;
            }

            return (outgoing, notes.Revision > before);
        });
        NotifyChanged([]);
        if (next is not null)
        {
            await SendNotesAsync(itemId, next.OperationId, next.BaseRevision, next.Operation.ToJson());
        }

        return moved;
    }

    private Task<AgendaResult> Send(Func<Guid, Task<AgendaResult>> send)
    {
        var operationId = Guid.NewGuid();
        return SendAsync(operationId, () => send(operationId), AgendaResult.Refused);
    }

    private sealed class Leave(Action leave) : IDisposable
    {
        public void Dispose() => leave();
    }

    private sealed class InProcessCommands(AgendaService agenda, PresenceTracker presence, CurrentMember member, Guid meetingId, string presenceId) : IAgendaCommands
    {
        public Task<AgendaResult> AddItemAsync(Guid operationId, string title) => agenda.AddItemAsync(member, meetingId, operationId, title);

        public Task<AgendaResult> RetitleItemAsync(Guid operationId, Guid itemId, string title) => agenda.RetitleItemAsync(member, meetingId, operationId, itemId, title);

        public Task<AgendaResult> RemoveItemAsync(Guid operationId, Guid itemId) => agenda.RemoveItemAsync(member, meetingId, operationId, itemId);

        public Task<AgendaResult> MoveItemAsync(Guid operationId, Guid itemId, int index) => agenda.MoveItemAsync(member, meetingId, operationId, itemId, index);

        public Task<AgendaResult> SetPresenterAsync(Guid operationId, Guid itemId, string? presenter) =>
            agenda.SetPresenterAsync(member, meetingId, operationId, itemId, presenter);

        public Task<AgendaResult> SetTimeboxAsync(Guid operationId, Guid itemId, int? minutes) => agenda.SetTimeboxAsync(member, meetingId, operationId, itemId, minutes);

        public Task<AgendaResult> EditNotesAsync(Guid operationId, Guid itemId, long baseRevision, string operation) =>
            agenda.EditNotesAsync(member, meetingId, operationId, itemId, baseRevision, operation);

        public Task<AgendaResult> RecordDecisionAsync(Guid operationId, Guid itemId, string text) => agenda.RecordDecisionAsync(member, meetingId, operationId, itemId, text);

        public Task<AgendaResult> RemoveDecisionAsync(Guid operationId, Guid itemId, Guid decisionId) =>
            agenda.RemoveDecisionAsync(member, meetingId, operationId, itemId, decisionId);

        public Task<AgendaResult> AddActionAsync(Guid operationId, Guid itemId, string text, string? owner, DateOnly? dueOn) =>
            agenda.AddActionAsync(member, meetingId, operationId, itemId, text, owner, dueOn);

        public Task<AgendaResult> SetActionDoneAsync(Guid operationId, Guid itemId, Guid actionId, bool done) =>
            agenda.SetActionDoneAsync(member, meetingId, operationId, itemId, actionId, done);

        public Task<AgendaResult> RemoveActionAsync(Guid operationId, Guid itemId, Guid actionId) =>
            agenda.RemoveActionAsync(member, meetingId, operationId, itemId, actionId);

        public Task<AgendaResult> RemoveTopicAsync(Guid operationId, Guid itemId, Guid topicId) => agenda.RemoveTopicAsync(member, meetingId, operationId, itemId, topicId);

        public Task<AgendaResult> StartMeetingAsync(Guid operationId) => agenda.StartMeetingAsync(member, meetingId, operationId);

        public Task<AgendaResult> MoveToItemAsync(Guid operationId, Guid itemId) => agenda.MoveToItemAsync(member, meetingId, operationId, itemId);

        public Task<AgendaResult> CloseMeetingAsync(Guid operationId) => agenda.CloseMeetingAsync(member, meetingId, operationId);

        public Task<AgendaResult> RescheduleAsync(Guid operationId, DateTime startsAt, int durationMinutes, MeetingMode mode, string? details) =>
            agenda.RescheduleAsync(member, meetingId, operationId, startsAt, durationMinutes, mode, details);

        public Task<AgendaResult> CancelMeetingAsync(Guid operationId) => agenda.CancelMeetingAsync(member, meetingId, operationId);

        public Task<IReadOnlyList<NotesStepState>?> NotesSinceAsync(Guid itemId, long revision) => agenda.NotesSinceAsync(member, meetingId, itemId, revision);

        public Task EditingAsync(Guid? itemId)
        {
            presence.Editing(meetingId, presenceId, itemId);
            return Task.CompletedTask;
        }
    }
}
