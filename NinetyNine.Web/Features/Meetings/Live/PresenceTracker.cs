using System.Collections.Concurrent;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>Who has which meeting open, and which item they edit. Kept in memory only: presence is never stored.</summary>
public sealed class PresenceTracker
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, PresenceEntry>> _meetings = new();
    private readonly ConcurrentDictionary<string, Guid> _meetingOf = new();

    public IReadOnlyList<PresenceEntry> Join(Guid meetingId, string connectionId, string name)
    {
        _meetingOf[connectionId] = meetingId;
        var present = _meetings.GetOrAdd(meetingId, _ => new());
        present[connectionId] = new PresenceEntry(connectionId, name, null);
        return List(meetingId);
    }

    public IReadOnlyList<PresenceEntry>? Editing(Guid meetingId, string connectionId, Guid? itemId)
    {
        if (!_meetings.TryGetValue(meetingId, out var present) || !present.TryGetValue(connectionId, out var entry))
        {
            return null;
        }

        present[connectionId] = entry with { EditingItemId = itemId };
        return List(meetingId);
    }

    /// <summary>Forgets a connection; returns the meeting it was in and who is left, if it was in one.</summary>
    public (Guid MeetingId, IReadOnlyList<PresenceEntry> Present)? Leave(string connectionId)
    {
        if (!_meetingOf.TryRemove(connectionId, out var meetingId))
        {
            return null;
        }

        if (_meetings.TryGetValue(meetingId, out var present))
        {
            present.TryRemove(connectionId, out _);
        }

        return (meetingId, List(meetingId));
    }

    public IReadOnlyList<PresenceEntry> List(Guid meetingId) =>
        _meetings.TryGetValue(meetingId, out var present) ? [.. present.Values.OrderBy(p => p.Name, StringComparer.CurrentCulture)] : [];
}
