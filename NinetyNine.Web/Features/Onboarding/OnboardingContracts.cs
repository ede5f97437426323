using NinetyNine.Domain.Onboarding;

namespace NinetyNine.Web.Features.Onboarding;

// The messages of the live checklist, shared by the hub and every client (the Blazor page included).

public enum ChecklistCommandKind
{
    Tick = 1,

    /// <summary>Opens a done or skipped step again; <see cref="ChecklistCommand.Text"/> is the reason.</summary>
    Untick,

    /// <summary>Coordinator only; <see cref="ChecklistCommand.Text"/> is the reason.</summary>
    Skip,

    /// <summary>Coordinator only; <see cref="ChecklistCommand.PersonId"/> is the new assignee (null: nobody yet).</summary>
    Reassign,

    /// <summary>Coordinator only; <see cref="ChecklistCommand.DueOn"/> is the new due date.</summary>
    Redate,

    Comment,
}

/// <summary>One change a client asks for, on the step at <see cref="Step"/> (its position, from 0).</summary>
public sealed record ChecklistCommand(Guid ChecklistId, ChecklistCommandKind Kind, int Step, string? Text = null, Guid? PersonId = null, DateOnly? DueOn = null);

/// <summary>The checklist as it is now. <see cref="Version"/> grows with every change: a client keeps the highest it saw.</summary>
public sealed record ChecklistSnapshot(
    Guid Id,
    int Version,
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

/// <summary>What the server answers the sender: accepted, or refused with a reason fit to show.</summary>
public sealed record ChecklistResult(bool Accepted, string? Error, int Version)
{
    public static ChecklistResult Refused(string error) => new(false, error, 0);
}

/// <summary>What a checklist client receives.</summary>
public interface IChecklistClient
{
    Task ChecklistChanged(ChecklistSnapshot snapshot);
}

/// <summary>A person asked to untick, skip, comment on, assign or re-date a step (the page opens the dialog).</summary>
public sealed record StepActionRequest(StepSnapshot Step, ChecklistCommandKind Kind);
