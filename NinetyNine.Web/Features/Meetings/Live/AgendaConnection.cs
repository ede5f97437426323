using NinetyNine.Domain.Meetings;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>
/// A client of <see cref="AgendaHub"/> holding one meeting's agenda: applies changes in sequence order,
/// catches up after a gap or a reconnect, resends what the server has not acknowledged (the operation id
/// makes that harmless), and merges notes typed here with notes typed elsewhere. The Blazor meeting page
/// uses it; so do the tests.
/// </summary>
public sealed class AgendaConnection : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly Guid _meetingId;
    private readonly Lock _sync = new();
    private readonly List<AgendaCommand> _unacknowledged = [];
    private readonly Dictionary<Guid, NotesDraft> _drafts = [];
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
                return sent + _drafts.Values.Count(d => d.InFlight is null && d.Text != d.Base);
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
            return _drafts.TryGetValue(itemId, out var draft) ? draft.Text : _items.FirstOrDefault(i => i.Id == itemId)?.Notes ?? string.Empty;
        }
    }

    public bool HasUnsavedNotes(Guid itemId)
    {
        lock (_sync)
        {
            return _drafts.TryGetValue(itemId, out var draft) && (draft.InFlight is not null || draft.Text != draft.Base);
        }
    }

    /// <summary>Sends a change; the result arrives as a broadcast (and <see cref="Refused"/> if refused).</summary>
    public Task SendAsync(AgendaCommandKind kind, Guid? itemId = null, string? text = null, int? number = null,
        string? owner = null, DateOnly? dueOn = null, Guid? targetId = null, bool? flag = null) =>
        SubmitAsync(new AgendaCommand(_meetingId, Guid.NewGuid(), kind, itemId, text, number, owner, dueOn, targetId, flag));

    /// <summary>The coordinator moves the meeting: new start, length, and how the core group meets.</summary>
    public Task RescheduleAsync(DateTime startsAt, int durationMinutes, MeetingMode mode, string? details) =>
        SubmitAsync(new AgendaCommand(_meetingId, Guid.NewGuid(), AgendaCommandKind.Reschedule, Text: details, Number: durationMinutes, At: startsAt, Mode: mode));

    /// <summary>Takes the notes as the person now has them and sends the change as a patch when nothing else is in flight.</summary>
    public Task EditNotesAsync(Guid itemId, string text) => EditNotesAsync(itemId, null, text);

    /// <summary>
    /// Takes one edit the person made (from <paramref name="previous"/> to <paramref name="text"/>) and applies it
    /// to the notes as this client has them, so an edit made on a screen that did not show the latest merge yet
    /// still removes nothing it did not mean to.
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

            if (!_drafts.TryGetValue(itemId, out var draft))
            {
                draft = new NotesDraft(item.Notes);
                _drafts[itemId] = draft;
            }

            draft.Text = previous is null || previous == draft.Text ? text : TextMerge.Apply(TextMerge.MakePatch(previous, text), draft.Text);
            draft.Blocked = false;
            command = NextNotesPatch(itemId, draft);
        }

        if (command is not null)
        {
            await SubmitAsync(command);
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
    private async Task TransmitAsync(AgendaCommand command)
    {
        if (_hub.State != HubConnectionState.Connected)
        {
            return; // Kept, and resent after reconnecting.
        }

        AgendaCommandResult result;
        try
        {
            result = await _hub.InvokeAsync<AgendaCommandResult>(nameof(AgendaHub.Submit), command);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            return; // The connection dropped: the command stays unacknowledged and is resent.
        }

        await AcknowledgeAsync(command, result);
    }

    private async Task AcknowledgeAsync(AgendaCommand command, AgendaCommandResult result)
    {
        lock (_unacknowledged)
        {
            _unacknowledged.Remove(command);
        }

        AgendaCommand? follow = null;
        lock (_sync)
        {
            if (command.Kind == AgendaCommandKind.PatchNotes && command.ItemId is { } itemId && _drafts.TryGetValue(itemId, out var draft)
                && draft.InFlight == command.OperationId)
            {
                if (!result.Accepted || result.Duplicate || result.Sequence <= Sequence)
                {
                    // Refused, or already applied (its broadcast was seen or the snapshot holds it): settle on the server's text.
                    var serverText = _items.FirstOrDefault(i => i.Id == itemId)?.Notes;
                    Settle(draft, serverText, accepted: result.Accepted);
                    follow = serverText is null ? null : NextNotesPatch(itemId, draft);
                }
            }
        }

        if (!result.Accepted && result.Error is not null)
        {
            Refused?.Invoke(result.Error);
        }

        Changed?.Invoke();
        if (follow is not null)
        {
            await SubmitAsync(follow);
        }
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

        Changed?.Invoke();
        foreach (var command in follow)
        {
            await SubmitAsync(command);
        }
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

        Changed?.Invoke();
        foreach (var command in follow)
        {
            await SubmitAsync(command);
        }
    }

    private async Task RejoinAsync()
    {
        // A new connection id: join the group again, take the agenda as it is, then resend what was not acknowledged.
        var snapshot = await _hub.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), _meetingId);
        await LoadAsync(snapshot);
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
        foreach (var (itemId, draft) in _drafts.ToList())
        {
            var serverText = _items.FirstOrDefault(i => i.Id == itemId)?.Notes;
            if (serverText is null)
            {
                _drafts.Remove(itemId);
            }
            else if (draft.InFlight is null)
            {
                draft.Text = TextMerge.Rebase(draft.Base, draft.Text, serverText);
                draft.Base = serverText;
            }
        }
    }

    private void Apply(AgendaChange change, List<AgendaCommand> follow)
    {
        var byId = _items.ToDictionary(i => i.Id);
        foreach (var removed in change.Removed)
        {
            byId.Remove(removed);
            _drafts.Remove(removed);
        }

        foreach (var item in change.Upserts)
        {
            byId[item.Id] = item;
            if (_drafts.TryGetValue(item.Id, out var draft))
            {
                if (draft.InFlight == change.OperationId)
                {
                    Settle(draft, item.Notes, accepted: true);
                    if (NextNotesPatch(item.Id, draft) is { } next)
                    {
                        follow.Add(next);
                    }
                }
                else if (draft.InFlight is null)
                {
                    // Someone else typed: keep our unsent words on top of theirs.
                    draft.Text = TextMerge.Rebase(draft.Base, draft.Text, item.Notes);
                    draft.Base = item.Notes;
                }
                else
                {
                    draft.LatestServer = item.Notes;
                }
            }
        }

        _items = [.. change.Order.Where(byId.ContainsKey).Select(id => byId[id])];
        Meeting = change.Meeting;
        Sequence = change.Sequence;
        CanEdit = CanEdit && change.Meeting.Status is Domain.Meetings.MeetingStatus.Planned or Domain.Meetings.MeetingStatus.Live;
    }

    /// <summary>Our patch landed (or was refused): move the typing done since sending onto the server's text.</summary>
    private static void Settle(NotesDraft draft, string? serverText, bool accepted)
    {
        var server = serverText ?? draft.LatestServer ?? draft.Base;
        var sentFrom = accepted ? draft.SentText ?? draft.Base : draft.Base;
        draft.Text = TextMerge.Rebase(sentFrom, draft.Text, server);
        draft.Base = server;
        draft.InFlight = null;
        draft.SentText = null;
        draft.LatestServer = null;
        // A refused patch is not sent again by itself: the person sees the reason and their text, and types on.
        draft.Blocked = !accepted;
    }

    private AgendaCommand? NextNotesPatch(Guid itemId, NotesDraft draft)
    {
        if (draft.InFlight is not null || draft.Blocked || draft.Text == draft.Base || !CanEdit)
        {
            return null;
        }

        var command = new AgendaCommand(_meetingId, Guid.NewGuid(), AgendaCommandKind.PatchNotes, itemId, TextMerge.MakePatch(draft.Base, draft.Text));
        draft.InFlight = command.OperationId;
        draft.SentText = draft.Text;
        return command;
    }

    private sealed class NotesDraft(string baseText)
    {
        /// <summary>The server's text this draft was last made against.</summary>
        public string Base { get; set; } = baseText;

        /// <summary>What the person sees and types.</summary>
        public string Text { get; set; } = baseText;

        public Guid? InFlight { get; set; }

        public string? SentText { get; set; }

        public string? LatestServer { get; set; }

        public bool Blocked { get; set; }
    }
}
