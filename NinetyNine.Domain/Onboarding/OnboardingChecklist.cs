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

    private ChecklistStep()
    {
    }

    internal ChecklistStep(int position, TemplateStep template, DateOnly due, PersonId? assignee)
    {
        Position = position;
        Title = template.Title;
        Explanation = template.Explanation;
        Owner = template.Owner;
        DueOn = due;
        AssigneeId = assignee;
        State = StepState.Open;
    }

    /// <summary>The step's place in the checklist, from 0; also how commands name it.</summary>
    public int Position { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Explanation { get; private set; } = string.Empty;
    public StepOwner Owner { get; private set; }
    public DateOnly DueOn { get; internal set; }
    public PersonId? AssigneeId { get; internal set; }
    public StepState State { get; internal set; }
    public PersonId? ChangedBy { get; internal set; }
    public DateTimeOffset? ChangedAt { get; internal set; }

    /// <summary>Why the step was unticked or skipped.</summary>
    public string? Reason { get; internal set; }

    public bool IsOverdue(DateOnly today) => State == StepState.Open && DueOn < today;
}

/// <summary>A remark on a step, by anyone who may work on it.</summary>
public sealed class StepComment
{
    public const int TextMaxLength = 1_000;

    private StepComment()
    {
    }

    internal StepComment(int step, PersonId author, string authorName, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Step = step;
        AuthorId = author;
        AuthorName = authorName;
        Text = text;
        At = at;
    }

    public Guid Id { get; private set; }
    public int Step { get; private set; }
    public PersonId AuthorId { get; private set; }
    public string AuthorName { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;
    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// One newcomer's onboarding, started at admission from the template version of that moment. Steps are ticked
/// (who, when), unticked or skipped with a reason, reassigned, re-dated and commented; it is complete when no step is
/// open. Who may do what is decided here too: the coordinator everything, an assignee their own steps.
/// </summary>
public sealed class OnboardingChecklist : IAggregateRoot
{
    public static readonly TimeSpan StalledAfter = TimeSpan.FromDays(14);
    private readonly List<ChecklistStep> _steps = [];
    private readonly List<StepComment> _comments = [];

    private OnboardingChecklist()
    {
    }

    public OnboardingChecklistId Id { get; private set; }
    public NetworkId NetworkId { get; private set; }
    public EmployerId EmployerId { get; private set; }

    /// <summary>The new employer's contact person, who sees this checklist.</summary>
    public PersonId? ContactId { get; private set; }

    public int TemplateVersion { get; private set; }
    public DateOnly AdmittedOn { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When the last open step was done or skipped; cleared when a step is opened again.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ChecklistStep> Steps => [.. _steps.OrderBy(s => s.Position)];
    public IReadOnlyList<StepComment> Comments => [.. _comments.OrderBy(c => c.At)];

    public bool IsComplete => _steps.All(s => s.State != StepState.Open);

    public int Finished => _steps.Count(s => s.State != StepState.Open);

    public ChecklistStep? NextStep => _steps.Where(s => s.State == StepState.Open).OrderBy(s => s.DueOn).ThenBy(s => s.Position).FirstOrDefault();

    /// <summary>The last tick, untick or skip; the start when nothing happened yet.</summary>
    public DateTimeOffset LastActivity => _steps.Select(s => s.ChangedAt).Where(a => a is not null).Max() ?? StartedAt;

    /// <summary>Nothing ticked for 14 days while steps are still open.</summary>
    public bool IsStalled(DateTimeOffset now) => !IsComplete && now - LastActivity >= StalledAfter;

    public int OverdueCount(DateOnly today) => _steps.Count(s => s.IsOverdue(today));

    /// <summary>Starts from the template's current version: due dates from the admission date, assignees resolved where known.</summary>
    public static OnboardingChecklist Start(OnboardingTemplate template, NetworkId networkId, EmployerId employerId, PersonId? contactId,
        DateOnly admittedOn, IReadOnlyDictionary<StepOwner, PersonId> knownAssignees, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(knownAssignees);
        var checklist = new OnboardingChecklist
        {
            Id = OnboardingChecklistId.New(),
            NetworkId = networkId,
            EmployerId = employerId,
            ContactId = contactId,
            TemplateVersion = template.CurrentVersion,
            AdmittedOn = admittedOn,
            StartedAt = now,
        };
        var steps = template.Current;
        for (var i = 0; i < steps.Count; i++)
        {
            var assignee = knownAssignees.TryGetValue(steps[i].Owner, out var p) ? p
                : steps[i].Owner == StepOwner.NewcomerContact ? contactId : null;
            checklist._steps.Add(new ChecklistStep(i, steps[i], admittedOn.AddDays(steps[i].DueAfterDays), assignee));
        }

        return checklist;
    }

    /// <summary>The coordinator, the newcomer's contact and everyone with a step of their own may open the checklist.</summary>
    public bool MayView(PersonId person, bool isCoordinator) =>
        isCoordinator || person == ContactId || _steps.Any(s => s.AssigneeId == person);

    /// <summary>The coordinator may tick, untick and comment every step; an assignee their own.</summary>
    public bool MayWorkOn(int position, PersonId person, bool isCoordinator) => MayWorkOn(Step(position).AssigneeId, person, isCoordinator);

    /// <summary>The same rule for a step known only by its assignee (a client's copy of the checklist).</summary>
    public static bool MayWorkOn(PersonId? assignee, PersonId person, bool isCoordinator) => isCoordinator || assignee == person;

    public void Tick(int position, PersonId by, DateTimeOffset now)
    {
        var step = Step(position);
        if (step.State != StepState.Open)
        {
            throw new DomainException("Onboarding.NotOpen");
        }

        Record(step, StepState.Done, by, now, reason: null);
    }

    public void Untick(int position, PersonId by, string reason, DateTimeOffset now)
    {
        var step = Step(position);
        if (step.State == StepState.Open)
        {
            throw new DomainException("Onboarding.AlreadyOpen");
        }

        Record(step, StepState.Open, by, now, RequiredReason(reason));
    }

    public void Skip(int position, PersonId by, string reason, DateTimeOffset now)
    {
        var step = Step(position);
        if (step.State != StepState.Open)
        {
            throw new DomainException("Onboarding.NotOpen");
        }

        Record(step, StepState.Skipped, by, now, RequiredReason(reason));
    }

    public void Reassign(int position, PersonId? assignee) => Step(position).AssigneeId = assignee;

    public void Redate(int position, DateOnly due)
    {
        if (due < AdmittedOn)
        {
            throw new DomainException("Onboarding.DueBeforeAdmission");
        }

        if (due > LatestDue(AdmittedOn))
        {
            throw new DomainException("Onboarding.DueTooLate");
        }

        Step(position).DueOn = due;
    }

    /// <summary>The latest a step may be due: twice the longest template delay after the admission.</summary>
    public static DateOnly LatestDue(DateOnly admittedOn) => admittedOn.AddDays(2 * TemplateStep.MaxDueAfterDays);

    public StepComment Comment(int position, PersonId by, string authorName, string text, DateTimeOffset now)
    {
        _ = Step(position);
        var comment = new StepComment(position, by, authorName, Guard.Text(text, StepComment.TextMaxLength, "Field.Comment"), now);
        _comments.Add(comment);
        return comment;
    }

    void IAggregateRoot.BumpVersion() => Version++;

    private void Record(ChecklistStep step, StepState state, PersonId by, DateTimeOffset now, string? reason)
    {
        step.State = state;
        step.ChangedBy = by;
        step.ChangedAt = now;
        step.Reason = reason;
        CompletedAt = IsComplete ? CompletedAt ?? now : null;
    }

    private static string RequiredReason(string reason) =>
        TextRules.IsBlank(reason) ? throw new DomainException("Onboarding.ReasonRequired") : Guard.Text(reason, ChecklistStep.ReasonMaxLength, "Field.Reason");

    private ChecklistStep Step(int position) =>
        _steps.FirstOrDefault(s => s.Position == position) ?? throw new DomainException("Onboarding.UnknownStep");
}
