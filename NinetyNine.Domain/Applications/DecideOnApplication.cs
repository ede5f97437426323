using FluentValidation;
using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Applications;

/// <summary>The coordinator records the core group's decision on an application.</summary>
public sealed class DecideOnApplication
{
    public DecisionOutcome? Outcome { get; set; }
    public string Rationale { get; set; } = string.Empty;
    public Guid? MeetingId { get; set; }
}

public sealed class DecideOnApplicationValidator : AbstractValidator<DecideOnApplication>
{
    public DecideOnApplicationValidator()
    {
        RuleFor(x => x.Outcome).NotNull().IsInEnum().WithMessage(_ => Text.Get("Application.UnknownOutcome"));
        RuleFor(x => x.Rationale).Must(v => !TextRules.IsBlank(v)).WithMessage(_ => Text.Get("Application.RationaleRequired"))
            .MaxText(ApplicationDecision.RationaleMaxLength, "Field.Rationale");
    }
}
