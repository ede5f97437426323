using NinetyNine.Domain.Meetings;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>
/// A client of <see cref="AgendaHub"/> holding one meeting's agenda: applies changes in sequence order,
/// catches up after a gap or a reconnect, resends what the server has not acknowledged (the operation id
/// makes that harmless), and merges notes typed here with notes typed elsewhere by operational transform
/// (<see cref="NotesClient"/>; in the browser, wwwroot/js/notes.js does the same). The Blazor meeting page
/// uses it; so do the tests.
/// </summary>
public sealed class AgendaConnection : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly Guid _meetingId;
    private readonly Lock _sync = new();
    private readonly List<AgendaCommand> _unacknowledged = [];
    private const int KeptNotesSteps = 200;
    private readonly Dictionary<Guid, NotesClient> _notes = [];
    private readonly Dictionary<Guid, List<NotesStepState>> _steps = [];
    private List<AgendaItemState> _items = [];

    public AgendaConnection(HubConnection hub, Guid meetingId)
    {
        _hub = hub;
        _meetingId = meetingId;
        _hub.On<AgendaChange>(nameof(IAgendaClient.AgendaChanged), change => ReceiveAsync(change));
        _hub.On<IReadOnlyList<PresenceEntry>>(nameof(IAgendaClient.PresenceChanged), present =>
        {
            Present = present;
            Changed?.Invoke();
        });
        _hub.On<Guid>(nameof(IAgendaClient.LinkedCardsChanged), meetingId =>
        {
            if (meetingId == _meetingId)
            {
                LinkedCardsChanged?.Invoke();
            }
        });
        _hub.Reconnecting += _ =>
        {
            Changed?.Invoke();
            return Task.CompletedTask;
        };
        _hub.Reconnected += _ => RejoinAsync();
        _hub.Closed += _ =>
        {
            Changed?.Invoke();
            return Task.CompletedTask;
        };
    }

    /// <summary>Raised after any change of state; handlers must be quick (a Blazor page re-renders).</summary>
    public event Action? Changed;

    /// <summary>Raised when a card made from one of the meeting's action items changed on its board.</summary>
    public event Action? LinkedCardsChanged;

    /// <summary>Raised when the server refused something this client asked for, with the reason.</summary>
    public event Action<string>? Refused;

    public long Sequence { get; private set; }
    public MeetingState? Meeting { get; private set; }
    public bool CanEdit { get; private set; }
    public IReadOnlyList<AgendaItemState> Items => _items;
    public IReadOnlyList<PresenceEntry> Present { get; private set; } = [];
    public HubConnectionState State => _hub.State;
    public string? ConnectionId => _hub.ConnectionId;

    /// <summary>Changes sent but not yet confirmed by the server (shown as "not saved").</summary>
    public int Unsaved
    {
        get
        {
            int sent;
            lock (_unacknowledged)
            {
                sent = _unacknowledged.Count;
            }

            lock (_sync)
            {
                return sent + _notes.Values.Count(n => n.InFlight is null && n.Buffer is not null);
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _hub.StartAsync(cancellationToken);
        await LoadAsync(await _hub.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), _meetingId, cancellationToken));
    }

    /// <summary>The notes of an item as this person sees them: with their own unsent typing.</summary>
    public string NotesOf(Guid itemId)
    {
        lock (_sync)
        {
            return _notes.TryGetValue(itemId, out var notes) ? notes.Text : _items.FirstOrDefault(i => i.Id == itemId)?.Notes ?? string.Empty;
        }
    }

    public bool HasUnsavedNotes(Guid itemId)
    {
        lock (_sync)
        {
            return _notes.TryGetValue(itemId, out var notes) && notes.Pending;
        }
    }

    /// <summary>Sends a change; the result arrives as a broadcast (and <see cref="Refused"/> if refused).</summary>
    public Task SendAsync(AgendaCommandKind kind, Guid? itemId = null, string? text = null, int? number = null,
        string? owner = null, DateOnly? dueOn = null, Guid? targetId = null, bool? flag = null) =>
        SubmitAsync(new AgendaCommand(_meetingId, Guid.NewGuid(), kind, itemId, text, number, owner, dueOn, targetId, flag));

    /// <summary>The coordinator moves the meeting: new start, length, and how the core group meets.</summary>
    public Task RescheduleAsync(DateTime startsAt, int durationMinutes, MeetingMode mode, string? details) =>
        SubmitAsync(new AgendaCommand(_meetingId, Guid.NewGuid(), AgendaCommandKind.Reschedule, Text: details, Number: durationMinutes, At: startsAt, Mode: mode));

    /// <summary>Takes the notes as the person now has them and sends the edit when nothing else is in flight.</summary>
    public Task EditNotesAsync(Guid itemId, string text) => EditNotesAsync(itemId, null, text);

    /// <summary>
    /// Takes one edit the person made (from <paramref name="previous"/> to <paramref name="text"/>) and applies it
    /// to the notes as this client has them, so an edit made on a screen that did not show the latest merge yet
    /// still removes nothing it did not mean to; it then goes to the server as a text operation.
    /// </summary>
    public async Task EditNotesAsync(Guid itemId, string? previous, string text)
    {
        AgendaCommand? command;
        lock (_sync)
        {
            var item = _items.FirstOrDefault(i => i.Id == itemId);
            if (item is null)
            {
                return;
            }

            if (!_notes.TryGetValue(itemId, out var notes))
            {
                notes = new NotesClient(item.NotesRevision, item.Notes);
                _notes[itemId] = notes;
            }

            var edited = previous is null || previous == notes.Text ? text : TextMerge.Apply(TextMerge.MakePatch(previous, text), notes.Text);
            command = NotesCommand(itemId, notes.Edit(edited));
        }

        if (command is not null)
        {
            await SubmitAsync(command);
        }
    }

    /// <summary>
    /// Sends one notes edit made elsewhere (the browser's own notes client): kept and resent with the same operation id
    /// until the server answered it. Returns the answer, or null while the connection is down (it goes after reconnecting).
    /// </summary>
    public async Task<AgendaCommandResult?> SendNotesAsync(Guid itemId, Guid operationId, long baseRevision, string operation)
    {
        var command = new AgendaCommand(_meetingId, operationId, AgendaCommandKind.EditNotes, itemId, operation, BaseRevision: baseRevision);
        lock (_unacknowledged)
        {
            if (_unacknowledged.Any(c => c.OperationId == operationId))
            {
                return null; // Already on its way (a browser resending after its circuit came back).
            }

            _unacknowledged.Add(command);
        }

        Changed?.Invoke();
        return await TransmitAsync(command);
    }

    /// <summary>
    /// The edits of an item's notes after <paramref name="revision"/>, in order: from those this connection received,
    /// or else asked of the server. Null when they are no longer at hand (the field then starts again from the notes).
    /// </summary>
    public async Task<IReadOnlyList<NotesStepState>?> NotesSinceAsync(Guid itemId, long revision)
    {
        lock (_sync)
        {
            var latest = _items.FirstOrDefault(i => i.Id == itemId)?.NotesRevision ?? revision;
            if (latest <= revision)
            {
                return [];
            }

            if (_steps.TryGetValue(itemId, out var kept) && kept.Count > 0 && kept[0].Revision <= revision + 1 && kept[^1].Revision >= latest)
            {
                return [.. kept.Where(step => step.Revision > revision)];
            }
        }

        if (_hub.State != HubConnectionState.Connected)
        {
            return [];
        }

        try
        {
            return await _hub.InvokeAsync<IReadOnlyList<NotesStepState>?>(nameof(AgendaHub.NotesSince), _meetingId, itemId, revision);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            return []; // Asked again with the next change.
        }
    }

    public async Task EditingAsync(Guid? itemId)
    {
        if (_hub.State == HubConnectionState.Connected)
        {
            try
            {
                await _hub.InvokeAsync(nameof(AgendaHub.Editing), _meetingId, itemId);
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                // Presence is best effort: it is sent again with the next focus change after reconnecting.
            }
        }
    }

    /// <summary>The ways a call fails when the connection drops under it; the command is then kept and resent.</summary>
    private static bool IsConnectionFailure(Exception e) =>
        e is HubException or InvalidOperationException or IOException or TaskCanceledException or HttpRequestException
            or System.Net.WebSockets.WebSocketException;

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
    }

    private async Task SubmitAsync(AgendaCommand command)
    {
        lock (_unacknowledged)
        {
            _unacknowledged.Add(command);
        }

        Changed?.Invoke();
        await TransmitAsync(command);
    }

    /// <summary>Sends a listed command; it leaves the list only when the server answered it.</summary>
    private async Task<AgendaCommandResult?> TransmitAsync(AgendaCommand command)
    {
        if (_hub.State != HubConnectionState.Connected)
        {
            return null; // Kept, and resent after reconnecting.
        }

        AgendaCommandResult result;
        try
        {
            result = await _hub.InvokeAsync<AgendaCommandResult>(nameof(AgendaHub.Submit), command);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            return null; // The connection dropped: the command stays unacknowledged and is resent.
        }

        await AcknowledgeAsync(command, result);
        return result;
    }

    private async Task AcknowledgeAsync(AgendaCommand command, AgendaCommandResult result)
    {
        lock (_unacknowledged)
        {
            _unacknowledged.Remove(command);
        }

        // An accepted notes edit is acknowledged by its step (broadcast, or fetched after a reconnect), in revision order.
        lock (_sync)
        {
            if (!result.Accepted && command.Kind == AgendaCommandKind.EditNotes && command.ItemId is { } itemId && _notes.TryGetValue(itemId, out var notes))
            {
                notes.Refused(command.OperationId);
            }
        }

        if (!result.Accepted && result.Error is not null)
        {
            Refused?.Invoke(result.Error);
        }

        Changed?.Invoke();
        await Task.CompletedTask;
    }

    private async Task ReceiveAsync(AgendaChange change)
    {
        var follow = new List<AgendaCommand>();
        var gap = false;
        lock (_sync)
        {
            if (change.Sequence <= Sequence)
            {
                return;
            }

            if (change.Sequence != Sequence + 1)
            {
                gap = true;
            }
            else
            {
                Apply(change, follow);
            }
        }

        if (gap)
        {
            await CatchUpAsync();
            return;
        }

        await AfterApplyAsync(follow);
    }

    /// <summary>Asks for everything missed since the last sequence number and applies it in order.</summary>
    public async Task CatchUpAsync()
    {
        var catchUp = await _hub.InvokeAsync<AgendaCatchUp>(nameof(AgendaHub.CatchUp), _meetingId, Sequence);
        var follow = new List<AgendaCommand>();
        lock (_sync)
        {
            if (catchUp.Snapshot is { } snapshot)
            {
                Load(snapshot);
            }

            foreach (var change in catchUp.Changes.Where(c => c.Sequence > Sequence).OrderBy(c => c.Sequence))
            {
                Apply(change, follow);
            }
        }

        await AfterApplyAsync(follow);
    }

    /// <summary>Sends what an acknowledgement released, and fetches the notes steps of fields that fell behind.</summary>
    private async Task AfterApplyAsync(List<AgendaCommand> follow)
    {
        Changed?.Invoke();
        foreach (var command in follow)
        {
            await SubmitAsync(command);
        }

        await CatchUpNotesAsync(Lagging());
    }

    /// <summary>The notes fields of this client behind the server's revision of their item.</summary>
    private List<Guid> Lagging()
    {
        lock (_sync)
        {
            return [.. _notes.Where(n => _items.FirstOrDefault(i => i.Id == n.Key) is { } item && item.NotesRevision > n.Value.Revision).Select(n => n.Key)];
        }
    }

    /// <summary>Brings notes fields up to their item's revision with the steps they missed, acknowledging our own among them.</summary>
    private async Task CatchUpNotesAsync(IReadOnlyList<Guid> itemIds)
    {
        foreach (var itemId in itemIds)
        {
            long since;
            lock (_sync)
            {
                if (!_notes.TryGetValue(itemId, out var notes))
                {
                    continue;
                }

                since = notes.Revision;
            }

            var steps = await NotesSinceAsync(itemId, since);
            AgendaCommand? next = null;
            lock (_sync)
            {
                if (!_notes.TryGetValue(itemId, out var notes) || _items.FirstOrDefault(i => i.Id == itemId) is not { } item)
                {
                    continue;
                }

                if (steps is null)
                {
                    notes.Reset(item.NotesRevision, item.Notes);
                    next = NotesCommand(itemId, notes.Flush());
                }
                else
                {
                    foreach (var step in steps)
                    {
                        next = NotesCommand(itemId, notes.Receive(step).Next) ?? next;
                    }
                }
            }

            Changed?.Invoke();
            if (next is not null)
            {
                await SubmitAsync(next);
            }
        }
    }

    private async Task RejoinAsync()
    {
        // A new connection id: join the group again, take the agenda as it is, then resend what was not acknowledged.
        var snapshot = await _hub.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), _meetingId);
        await LoadAsync(snapshot);
        await CatchUpNotesAsync(Lagging());
        // They stay listed (and counted as not saved) until the server answers them.
        List<AgendaCommand> resend;
        lock (_unacknowledged)
        {
            resend = [.. _unacknowledged];
        }

        foreach (var command in resend)
        {
            await TransmitAsync(command);
        }
    }

    private async Task LoadAsync(MeetingSnapshot snapshot)
    {
        lock (_sync)
        {
            Load(snapshot);
        }

        Changed?.Invoke();
    }

    private void Load(MeetingSnapshot snapshot)
    {
        Sequence = snapshot.Sequence;
        Meeting = snapshot.Meeting;
        CanEdit = snapshot.CanEdit;
        _items = [.. snapshot.Items];
        // Notes fields behind the snapshot catch up with the steps they missed (see Lagging); gone items take theirs along.
        foreach (var itemId in _notes.Keys.Where(id => _items.All(i => i.Id != id)).ToList())
        {
            _notes.Remove(itemId);
        }
    }

    private void Apply(AgendaChange change, List<AgendaCommand> follow)
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

            // Our own edit acknowledged, or someone else's transformed over our pending typing; a gap is caught up afterwards.
            if (_notes.TryGetValue(step.ItemId, out var notes) && NotesCommand(step.ItemId, notes.Receive(step).Next) is { } next)
            {
                follow.Add(next);
            }
        }

        _items = [.. change.Order.Where(byId.ContainsKey).Select(id => byId[id])];
        Meeting = change.Meeting;
        Sequence = change.Sequence;
        CanEdit = CanEdit && change.Meeting.Status is Domain.Meetings.MeetingStatus.Planned or Domain.Meetings.MeetingStatus.Live;
    }

    private AgendaCommand? NotesCommand(Guid itemId, NotesOutgoing? outgoing) =>
        outgoing is null ? null
            : new AgendaCommand(_meetingId, outgoing.OperationId, AgendaCommandKind.EditNotes, itemId, outgoing.Operation.ToJson(), BaseRevision: outgoing.BaseRevision);
}
