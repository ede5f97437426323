using FluentValidation;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Onboarding;

namespace NinetyNine.Web.Features.Onboarding;

/// <summary>What a person fills in to untick, skip, comment on, reassign or re-date a step.</summary>
public sealed class StepAction
{
    public StepActionKind Kind { get; set; }
    public string Text { get; set; } = string.Empty;
    public Guid? PersonId { get; set; }
    public DateTime? DueOn { get; set; }

    /// <summary>The checklist's admission date: no step is due before it.</summary>
    public DateOnly AdmittedOn { get; set; }

    /// <summary>Sends what the person asked for on the step at <paramref name="step"/>, as its own intent.</summary>
    public Task<ChecklistResult> SendAsync(ChecklistLive live, int step)
    {
        ArgumentNullException.ThrowIfNull(live);
        return Kind switch
        {
            StepActionKind.Tick => live.TickAsync(step),
            StepActionKind.Untick => live.UntickAsync(step, Text),
            StepActionKind.Skip => live.SkipAsync(step, Text),
            StepActionKind.Comment => live.CommentAsync(step, Text),
            StepActionKind.Reassign => live.ReassignAsync(step, PersonId),
            StepActionKind.Redate when DueOn is { } due => live.RedateAsync(step, DateOnly.FromDateTime(due)),
            _ => Task.FromResult(ChecklistResult.Refused(NinetyNine.Domain.Common.Text.Get("Onboarding.DueBeforeAdmission"))),
        };
    }
}

public sealed class StepActionValidator : AbstractValidator<StepAction>
{
    public StepActionValidator()
    {
        When(x => x.Kind is StepActionKind.Untick or StepActionKind.Skip, () =>
            RuleFor(x => x.Text).Must(t => !TextRules.IsBlank(t)).WithMessage(_ => Text.Get("Onboarding.ReasonRequired"))
                .MaxText(ChecklistStep.ReasonMaxLength, "Field.Reason"));
        When(x => x.Kind == StepActionKind.Comment, () =>
            RuleFor(x => x.Text).NotEmptyText("Field.Comment")
                .MaxText(StepComment.TextMaxLength, "Field.Comment"));
        When(x => x.Kind == StepActionKind.Redate, () =>
            RuleFor(x => x.DueOn).NotNull().WithMessage(_ => Text.Get("Text.Required", Text.Get("Field.DueOn")))
                .Must((x, due) => due is null || DateOnly.FromDateTime(due.Value) >= x.AdmittedOn).WithMessage(_ => Text.Get("Onboarding.DueBeforeAdmission"))
                .Must((x, due) => due is null || DateOnly.FromDateTime(due.Value) <= OnboardingChecklist.LatestDue(x.AdmittedOn)).WithMessage(_ => Text.Get("Onboarding.DueTooLate")));
    }
}
