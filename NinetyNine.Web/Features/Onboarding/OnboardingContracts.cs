using NinetyNine.Domain.Onboarding;
using NinetyNine.Web.Live;

namespace NinetyNine.Web.Features.Onboarding;

// The messages of the live checklist, shared by the hub and every client (the Blazor page included).

/// <summary>What a person asks for in the step dialog (or by ticking).</summary>
public enum StepActionKind
{
    Tick = 1,

    /// <summary>Opens a done or skipped step again, with a reason.</summary>
    Untick,

    /// <summary>Coordinator only, with a reason.</summary>
    Skip,

    /// <summary>Coordinator only: a new assignee (or nobody yet).</summary>
    Reassign,

    /// <summary>Coordinator only: a new due date.</summary>
    Redate,

    Comment,
}

/// <summary>The checklist as it is now, read at <see cref="Sequence"/> (the number of its last live change).</summary>
public sealed record ChecklistSnapshot(
    Guid Id,
    long Sequence,
    Guid EmployerId,
    string EmployerName,
    string? ContactName,
    DateOnly AdmittedOn,
    DateOnly Today,
    int TemplateVersion,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<StepSnapshot> Steps,
    IReadOnlyList<PersonChoice> People)
{
    public int Finished => Steps.Count(s => s.State != StepState.Open);
    public bool IsComplete => Steps.All(s => s.State != StepState.Open);
}

public sealed record StepSnapshot(
    int Position,
    string Title,
    string Explanation,
    StepOwner Owner,
    DateOnly DueOn,
    Guid? AssigneeId,
    string? AssigneeName,
    StepState State,
    string? ChangedByName,
    DateTimeOffset? ChangedAt,
    string? Reason,
    bool IsOverdue,
    IReadOnlyList<CommentSnapshot> Comments);

public sealed record CommentSnapshot(Guid Id, string AuthorName, string Text, DateTimeOffset At);

/// <summary>A person of the network a step can be assigned to.</summary>
public sealed record PersonChoice(Guid Id, string Name, string? Organisation);

/// <summary>What the server answers the sender: accepted (with the change's sequence number), or refused with a reason fit to show.</summary>
public sealed record ChecklistResult(bool Accepted, string? Error, long Sequence) : ILiveResult
{
    public static ChecklistResult Refused(string error) => new(false, error, 0);
}

/// <summary>An accepted change of a checklist, with its sequence number: the checklist as it is after it.</summary>
public sealed record ChecklistChange(Guid ChecklistId, long Sequence, ChecklistSnapshot Checklist);

/// <summary>What a checklist client receives.</summary>
public interface IChecklistClient
{
    Task ChecklistChanged(ChecklistChange change);
}

/// <summary>A person asked to untick, skip, comment on, assign or re-date a step (the page opens the dialog).</summary>
public sealed record StepActionRequest(StepSnapshot Step, StepActionKind Kind);
