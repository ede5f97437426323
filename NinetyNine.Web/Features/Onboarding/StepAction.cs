using FluentValidation;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Onboarding;

namespace NinetyNine.Web.Features.Onboarding;

/// <summary>What a person fills in to untick, skip, comment on, reassign or re-date a step.</summary>
public sealed class StepAction
{
    public ChecklistCommandKind Kind { get; set; }
    public string Text { get; set; } = string.Empty;
    public Guid? PersonId { get; set; }
    public DateTime? DueOn { get; set; }

    /// <summary>The checklist's admission date: no step is due before it.</summary>
    public DateOnly AdmittedOn { get; set; }

    public ChecklistCommand ToCommand(Guid checklistId, int step) =>
        new(checklistId, Kind, step, Kind is ChecklistCommandKind.Untick or ChecklistCommandKind.Skip or ChecklistCommandKind.Comment ? Text : null,
            PersonId, DueOn is { } due ? DateOnly.FromDateTime(due) : null);
}

public sealed class StepActionValidator : AbstractValidator<StepAction>
{
    public StepActionValidator()
    {
        When(x => x.Kind is ChecklistCommandKind.Untick or ChecklistCommandKind.Skip, () =>
            RuleFor(x => x.Text).Must(t => !TextRules.IsBlank(t)).WithMessage(_ => Text.Get("Onboarding.ReasonRequired"))
                .MaxText(ChecklistStep.ReasonMaxLength, "Field.Reason"));
        When(x => x.Kind == ChecklistCommandKind.Comment, () =>
            RuleFor(x => x.Text).NotEmptyText("Field.Comment")
                .MaxText(StepComment.TextMaxLength, "Field.Comment"));
        When(x => x.Kind == ChecklistCommandKind.Redate, () =>
            RuleFor(x => x.DueOn).NotNull().WithMessage(_ => Text.Get("Text.Required", Text.Get("Field.DueOn")))
                .Must((x, due) => due is null || DateOnly.FromDateTime(due.Value) >= x.AdmittedOn).WithMessage(_ => Text.Get("Onboarding.DueBeforeAdmission"))
                .Must((x, due) => due is null || DateOnly.FromDateTime(due.Value) <= OnboardingChecklist.LatestDue(x.AdmittedOn)).WithMessage(_ => Text.Get("Onboarding.DueTooLate")));
    }
}
