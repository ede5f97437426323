using NinetyNine.Web.Live;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>
/// Who has which meeting open, and which item they edit: one entry per hub connection or page circuit, in one meeting
/// at a time (joining another meeting leaves the first), gone when the connection or the page goes. Every change of a
/// meeting's presence is published on its presence feed (<see cref="AgendaService.PresenceTopic"/>). Kept in memory
/// only: presence is never stored.
/// </summary>
public sealed class PresenceTracker(ILiveFeed feed)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<Guid, Dictionary<string, PresenceEntry>> _meetings = [];
    private readonly Dictionary<string, Guid> _meetingOf = [];

    /// <summary>Puts the connection in <paramref name="meetingId"/>, taking it out of the meeting it was in before.</summary>
    public IReadOnlyList<PresenceEntry> Join(Guid meetingId, string connectionId, string name)
    {
        lock (_sync)
        {
            if (_meetingOf.TryGetValue(connectionId, out var earlier) && earlier != meetingId)
            {
                RemoveLocked(earlier, connectionId);
            }

            _meetingOf[connectionId] = meetingId;
            if (!_meetings.TryGetValue(meetingId, out var present))
            {
                _meetings[meetingId] = present = [];
            }

            present[connectionId] = new PresenceEntry(connectionId, name, null);
            return PublishLocked(meetingId);
        }
    }

    /// <summary>The connection edits <paramref name="itemId"/> now (null: none); null when it is not in that meeting.</summary>
    public IReadOnlyList<PresenceEntry>? Editing(Guid meetingId, string connectionId, Guid? itemId)
    {
        lock (_sync)
        {
            if (!_meetings.TryGetValue(meetingId, out var present) || !present.TryGetValue(connectionId, out var entry))
            {
                return null;
            }

            present[connectionId] = entry with { EditingItemId = itemId };
            return PublishLocked(meetingId);
        }
    }

    /// <summary>Forgets a connection; returns the meeting it was in, if it was in one.</summary>
    public Guid? Leave(string connectionId)
    {
        lock (_sync)
        {
            if (!_meetingOf.TryGetValue(connectionId, out var meetingId))
            {
                return null;
            }

            RemoveLocked(meetingId, connectionId);
            return meetingId;
        }
    }

    public IReadOnlyList<PresenceEntry> List(Guid meetingId)
    {
        lock (_sync)
        {
            return ListLocked(meetingId);
        }
    }

    private void RemoveLocked(Guid meetingId, string connectionId)
    {
        _meetingOf.Remove(connectionId);
        if (_meetings.TryGetValue(meetingId, out var present) && present.Remove(connectionId))
        {
            if (present.Count == 0)
            {
                _meetings.Remove(meetingId);
            }

            PublishLocked(meetingId);
        }
    }

    /// <summary>Publishing never waits for a receiver, so it happens under the lock: the lists go out in the order they were made.</summary>
    private IReadOnlyList<PresenceEntry> PublishLocked(Guid meetingId)
    {
        var list = ListLocked(meetingId);
        feed.Publish(new LiveEvent(AgendaService.PresenceTopic, meetingId, 0, list));
        return list;
    }

    private IReadOnlyList<PresenceEntry> ListLocked(Guid meetingId) =>
        _meetings.TryGetValue(meetingId, out var present) ? [.. present.Values.OrderBy(p => p.Name, StringComparer.CurrentCulture)] : [];
}
