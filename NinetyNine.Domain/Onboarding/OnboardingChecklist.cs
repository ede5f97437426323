using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Onboarding;

public enum StepState
{
    Open = 1,
    Done = 2,
    Skipped = 3,
}

/// <summary>A step of one newcomer's checklist: due date, assignee, and who ticked or skipped it when.</summary>
public sealed class ChecklistStep
{
    public const int ReasonMaxLength = 500;

    internal ChecklistStep(TemplateStep template, DateOnly due, PersonId? assignee)
    {
        Title = template.Title;
        Explanation = template.Explanation;
        Owner = template.Owner;
        DueOn = due;
        AssigneeId = assignee;
        State = StepState.Open;
    }

    public string Title { get; }
    public string Explanation { get; }
    public StepOwner Owner { get; }
    public DateOnly DueOn { get; internal set; }
    public PersonId? AssigneeId { get; internal set; }
    public StepState State { get; internal set; }
    public PersonId? ChangedBy { get; internal set; }
    public DateTimeOffset? ChangedAt { get; internal set; }
    public string? Reason { get; internal set; }

    public bool IsOverdue(DateOnly today) => State == StepState.Open && DueOn < today;
}

/// <summary>
/// One newcomer's onboarding, started at admission from the template version of that moment. Steps are ticked
/// (who, when), unticked or skipped with a reason, reassigned and re-dated; it is complete when no step is open.
/// </summary>
public sealed class OnboardingChecklist
{
    public static readonly TimeSpan StalledAfter = TimeSpan.FromDays(14);
    private readonly List<ChecklistStep> _steps;

    private OnboardingChecklist(EmployerId employerId, int templateVersion, DateOnly admittedOn, DateTimeOffset startedAt, List<ChecklistStep> steps)
    {
        EmployerId = employerId;
        TemplateVersion = templateVersion;
        AdmittedOn = admittedOn;
        StartedAt = startedAt;
        _steps = steps;
    }

    public EmployerId EmployerId { get; }
    public int TemplateVersion { get; }
    public DateOnly AdmittedOn { get; }
    public DateTimeOffset StartedAt { get; }
    public IReadOnlyList<ChecklistStep> Steps => _steps.AsReadOnly();

    public bool IsComplete => _steps.All(s => s.State != StepState.Open);

    public ChecklistStep? NextStep => _steps.Where(s => s.State == StepState.Open).OrderBy(s => s.DueOn).FirstOrDefault();

    /// <summary>The last tick, untick or skip; the start when nothing happened yet.</summary>
    public DateTimeOffset LastActivity => _steps.Select(s => s.ChangedAt).Where(a => a is not null).Max() ?? StartedAt;

    /// <summary>Nothing ticked for 14 days while steps are still open.</summary>
    public bool IsStalled(DateTimeOffset now) => !IsComplete && now - LastActivity >= StalledAfter;

    /// <summary>Starts from the template's current version: due dates from the admission date, assignees resolved where known.</summary>
    public static OnboardingChecklist Start(OnboardingTemplate template, EmployerId employerId, DateOnly admittedOn,
        IReadOnlyDictionary<StepOwner, PersonId> knownAssignees, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(knownAssignees);
        var steps = template.Current
            .Select(t => new ChecklistStep(t, admittedOn.AddDays(t.DueAfterDays), knownAssignees.TryGetValue(t.Owner, out var p) ? p : null))
            .ToList();
        return new OnboardingChecklist(employerId, template.Version, admittedOn, now, steps);
    }

    public void Tick(int index, PersonId by, DateTimeOffset now)
    {
        var step = Step(index);
        if (step.State != StepState.Open)
        {
            throw new DomainException("Onboarding.NotOpen");
        }

        Record(step, StepState.Done, by, now, reason: null);
    }

    public void Untick(int index, PersonId by, string reason, DateTimeOffset now)
    {
        var step = Step(index);
        if (step.State == StepState.Open)
        {
            throw new DomainException("Onboarding.AlreadyOpen");
        }

        Record(step, StepState.Open, by, now, RequiredReason(reason));
    }

    public void Skip(int index, PersonId by, string reason, DateTimeOffset now)
    {
        var step = Step(index);
        if (step.State != StepState.Open)
        {
            throw new DomainException("Onboarding.NotOpen");
        }

        Record(step, StepState.Skipped, by, now, RequiredReason(reason));
    }

    public void Reassign(int index, PersonId assignee) => Step(index).AssigneeId = assignee;

    public void Redate(int index, DateOnly due)
    {
        if (due < AdmittedOn)
        {
            throw new DomainException("Onboarding.DueBeforeAdmission");
        }

        Step(index).DueOn = due;
    }

    private static void Record(ChecklistStep step, StepState state, PersonId by, DateTimeOffset now, string? reason)
    {
        step.State = state;
        step.ChangedBy = by;
        step.ChangedAt = now;
        step.Reason = reason;
    }

    private static string RequiredReason(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainException("Onboarding.ReasonRequired") : Guard.Text(reason, ChecklistStep.ReasonMaxLength, "Field.Reason");

    private ChecklistStep Step(int index) =>
        index >= 0 && index < _steps.Count ? _steps[index] : throw new DomainException("Onboarding.UnknownStep");
}
