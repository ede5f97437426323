using FluentValidation;
using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Onboarding;

/// <summary>The coordinator's edit of the onboarding template, published as its next version.</summary>
public sealed class PublishTemplate
{
    /// <summary>The version the edit started from: publishing over a newer one is refused, never silently overwritten.</summary>
    public int BasedOnVersion { get; set; }

    public List<TemplateStepForm> Steps { get; set; } = [];

    public IEnumerable<TemplateStep> ToSteps() => Steps.Select(s => new TemplateStep(s.Title, s.Explanation, s.Owner!.Value, s.DueAfterDays));

    public static PublishTemplate From(OnboardingTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new PublishTemplate
        {
            BasedOnVersion = template.CurrentVersion,
            Steps = [.. template.Current.Select(s => new TemplateStepForm { Title = s.Title, Explanation = s.Explanation, Owner = s.Owner, DueAfterDays = s.DueAfterDays })],
        };
    }
}

public sealed class TemplateStepForm
{
    public string Title { get; set; } = string.Empty;
    public string Explanation { get; set; } = string.Empty;
    public StepOwner? Owner { get; set; }
    public int DueAfterDays { get; set; } = 7;
}

public sealed class PublishTemplateValidator : AbstractValidator<PublishTemplate>
{
    public PublishTemplateValidator()
    {
        RuleFor(x => x.Steps).Must(s => s.Count is > 0 and <= OnboardingTemplate.MaxSteps)
            .WithMessage(_ => Text.Get("Onboarding.StepCount", OnboardingTemplate.MaxSteps));
        RuleForEach(x => x.Steps).SetValidator(new TemplateStepFormValidator());
    }
}

public sealed class TemplateStepFormValidator : AbstractValidator<TemplateStepForm>
{
    public TemplateStepFormValidator()
    {
        RuleFor(x => x.Title).NotEmptyText("Field.StepTitle")
            .MaxText(TemplateStep.TitleMaxLength, "Field.StepTitle");
        RuleFor(x => x.Explanation).MaxText(TemplateStep.ExplanationMaxLength, "Field.StepExplanation");
        RuleFor(x => x.Owner).NotNull().WithMessage(_ => Text.Get("Onboarding.UnknownOwner"))
            .IsInEnum().WithMessage(_ => Text.Get("Onboarding.UnknownOwner"));
        RuleFor(x => x.DueAfterDays).InclusiveBetween(0, TemplateStep.MaxDueAfterDays)
            .WithMessage(_ => Text.Get("Onboarding.DueOutOfRange", TemplateStep.MaxDueAfterDays));
    }
}
