using NinetyNine.Domain.Meetings;

namespace NinetyNine.Web.Features.Meetings.Live;

// The messages of the live agenda, shared by the hub and every client (the Blazor page included).
// Plain records with no polymorphism, so any SignalR client can speak them.

public enum AgendaCommandKind
{
    AddItem = 1,
    RetitleItem,
    RemoveItem,
    MoveItem,
    SetPresenter,
    SetTimebox,

    /// <summary>One edit of an item's notes: <see cref="AgendaCommand.Text"/> is a text operation (JSON, see <see cref="Domain.Common.TextOperation"/>) made against <see cref="AgendaCommand.BaseRevision"/>.</summary>
    EditNotes,
    RecordDecision,
    RemoveDecision,
    AddAction,
    SetActionDone,
    RemoveAction,
    Start,
    MoveToItem,
    Close,
    RemoveTopic,

    /// <summary>Coordinator only: new start (<see cref="AgendaCommand.At"/>), length (Number), mode and details (Text).</summary>
    Reschedule,

    /// <summary>Coordinator only: the meeting does not take place; its points go to the next meeting.</summary>
    Cancel,

    /// <summary>The server only (never accepted from a client): a new application under item 1 (TargetId, Text = company).</summary>
    AddApplicationTopic,

    /// <summary>
    /// The server only (never accepted from a client): a theme group's status report in its update slot under item 2
    /// (TargetId = theme group, Text = group name, Owner = lead, Detail = the report line); the slot is added when missing.
    /// </summary>
    SetTopicReport,
}

/// <summary>
/// One change a client asks for. <see cref="OperationId"/> is chosen by the client: a resend with the
/// same id is applied once. <see cref="Text"/> carries the title, presenter, decision or action text, or
/// the notes edit (a text operation in JSON, made against the notes at <see cref="BaseRevision"/>).
/// </summary>
public sealed record AgendaCommand(
    Guid MeetingId,
    Guid OperationId,
    AgendaCommandKind Kind,
    Guid? ItemId = null,
    string? Text = null,
    int? Number = null,
    string? Owner = null,
    DateOnly? DueOn = null,
    Guid? TargetId = null,
    bool? Flag = null,
    DateTime? At = null,
    MeetingMode? Mode = null,
    string? Detail = null,
    long? BaseRevision = null);

/// <summary>What the server answers the sender: accepted with its sequence number, or refused with a reason fit to show.</summary>
public sealed record AgendaCommandResult(bool Accepted, long Sequence, string? Error, bool Duplicate = false)
{
    public static AgendaCommandResult Refused(string error) => new(false, 0, error);
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
public sealed record TopicState(Guid Id, AgendaTopicKind Kind, Guid ReferenceId, string Title, string? Presenter, string? Detail = null);

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
    long NotesRevision = 0);

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
    AgendaCommandKind Kind,
    string? By,
    MeetingState Meeting,
    IReadOnlyList<AgendaItemState> Upserts,
    IReadOnlyList<Guid> Removed,
    IReadOnlyList<Guid> Order,
    NotesStepState? Notes = null);

/// <summary>The whole agenda at a sequence number: what a client starts from, or resyncs to.</summary>
public sealed record MeetingSnapshot(Guid MeetingId, long Sequence, MeetingState Meeting, IReadOnlyList<AgendaItemState> Items, bool CanEdit);

/// <summary>Answer to "what did I miss since N": the changes in order, or a snapshot when they are no longer all at hand.</summary>
public sealed record AgendaCatchUp(IReadOnlyList<AgendaChange> Changes, MeetingSnapshot? Snapshot);

/// <summary>Who has the meeting open and which item they are editing; broadcast, never stored.</summary>
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
            [.. item.Topics.Select(t => new TopicState(t.Id, t.Kind, t.ReferenceId, t.Title, t.Presenter, t.Detail))],
            item.NotesRevision);
}
