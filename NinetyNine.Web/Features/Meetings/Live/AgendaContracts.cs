using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Live;

namespace NinetyNine.Web.Features.Meetings.Live;

// The messages of the live agenda, shared by the hub and every client (the Blazor page included).
// Plain records with no polymorphism, so any SignalR client can speak them. The intents are typed methods of
// AgendaService and AgendaHub (one per intent); these are their answers and the changes they publish.

/// <summary>What the server answers the sender: accepted with its sequence number, or refused with a reason fit to show.</summary>
public sealed record AgendaResult(bool Accepted, string? Error, long Sequence, bool Duplicate = false) : ILiveResult
{
    public static AgendaResult Refused(string error) => new(false, error, 0);
}

public sealed record MeetingState(
    MeetingStatus Status,
    DateTime StartsAt,
    DateTime? StartedAt,
    Guid? CurrentItemId,
    DateTime? CurrentItemStartedAt,
    DateTime PredictedEnd,
    int DurationMinutes,
    MeetingMode Mode,
    string? ModeDetails);

public sealed record DecisionState(Guid Id, string Text, DateTime RecordedAt);

/// <summary>An application or theme group slot under an item; <see cref="ReferenceId"/> links to its page.</summary>
public sealed record TopicState(Guid Id, AgendaTopicKind Kind, Guid ReferenceId, string Title, string? Presenter, string? Detail = null,
    GroupStatus? ReportStatus = null, int ReportJobs = 0);

public sealed record ActionState(Guid Id, string Text, string? Owner, DateOnly? DueOn, bool Done);

public sealed record AgendaItemState(
    Guid Id,
    string Title,
    bool IsStanding,
    string? Presenter,
    int? TimeboxMinutes,
    string Notes,
    bool Discussed,
    IReadOnlyList<DecisionState> Decisions,
    IReadOnlyList<ActionState> Actions,
    IReadOnlyList<TopicState> Topics,
    long NotesRevision = 0,
    bool HoldsOpenActions = false);

/// <summary>
/// One edit of an item's notes as the server applied it: made on revision <c>Revision - 1</c>, giving
/// <see cref="Revision"/>; <see cref="Operation"/> is the (transformed) text operation in JSON. A client whose own edit
/// this is (<see cref="OperationId"/>) takes it as the acknowledgement; anyone else applies it over their own pending typing.
/// </summary>
public sealed record NotesStepState(Guid ItemId, long Revision, Guid OperationId, string Operation)
{
    public static NotesStepState Of(Guid itemId, NotesStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(itemId, step.Revision, step.OperationId, step.Operation.ToJson());
    }
}

/// <summary>
/// One accepted change, broadcast to everyone in the meeting: the items it touched (full state), the
/// items it removed, and the resulting order. Applying changes in sequence order gives every client the
/// server's agenda.
/// </summary>
public sealed record AgendaChange(
    Guid MeetingId,
    long Sequence,
    Guid OperationId,
    string Operation,
    string? By,
    MeetingState Meeting,
    IReadOnlyList<AgendaItemState> Upserts,
    IReadOnlyList<Guid> Removed,
    IReadOnlyList<Guid> Order,
    NotesStepState? Notes = null);

/// <summary>The whole agenda at a sequence number: what a client starts from, or resyncs to.</summary>
public sealed record MeetingSnapshot(Guid MeetingId, long Sequence, MeetingState Meeting, IReadOnlyList<AgendaItemState> Items, bool CanEdit);

/// <summary>
/// Who has the meeting open (one entry per hub connection or page circuit, <see cref="ConnectionId"/>) and which item
/// they are editing; published on the meeting's presence feed, never stored.
/// </summary>
public sealed record PresenceEntry(string ConnectionId, string Name, Guid? EditingItemId);

/// <summary>What the hub calls on its clients.</summary>
public interface IAgendaClient
{
    Task AgendaChanged(AgendaChange change);

    Task PresenceChanged(IReadOnlyList<PresenceEntry> present);

    /// <summary>A card made from one of this meeting's action items changed on its board: its status is to be read again.</summary>
    Task LinkedCardsChanged(Guid meetingId);
}

internal static class AgendaStates
{
    public static MeetingState Of(Meeting meeting) =>
        new(meeting.Status, meeting.StartsAt, meeting.StartedAt, meeting.CurrentItemId?.Value, meeting.CurrentItemStartedAt, meeting.PredictedEnd,
            meeting.DurationMinutes, meeting.Mode, meeting.ModeDetails);

    public static AgendaItemState Of(AgendaItem item) =>
        new(item.Id.Value, item.Title, item.IsStanding, item.Presenter, item.TimeboxMinutes, item.Notes, item.Discussed,
            [.. item.Decisions.Select(d => new DecisionState(d.Id, d.Text, d.RecordedAt))],
            [.. item.ActionItems.Select(a => new ActionState(a.Id, a.Text, a.Owner, a.DueOn, a.Done))],
            [.. item.Topics.Select(t => new TopicState(t.Id, t.Kind, t.ReferenceId, t.Title, t.Presenter, t.Detail, t.ReportStatus, t.ReportJobs))],
            item.NotesRevision,
            item.HoldsOpenActions);
}
