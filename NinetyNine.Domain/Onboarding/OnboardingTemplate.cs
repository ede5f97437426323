using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Onboarding;

/// <summary>Who does an onboarding step.</summary>
public enum StepOwner
{
    Coordinator = 1,
    NewcomerContact = 2,
    CoreGroupBuddy = 3,
    ThemeLead = 4,
    Advisor = 5,
}

/// <summary>One step of the onboarding template: what, why, who, and when relative to admission.</summary>
public sealed record TemplateStep
{
    public const int TitleMaxLength = 200;
    public const int ExplanationMaxLength = 1_000;
    public const int MaxDueAfterDays = 365;

    public TemplateStep(string title, string explanation, StepOwner owner, int dueAfterDays)
    {
        Title = Guard.Text(title, TitleMaxLength, "Field.StepTitle");
        Explanation = Guard.OptionalText(explanation, ExplanationMaxLength, "Field.StepExplanation") ?? string.Empty;
        Owner = Enum.IsDefined(owner) ? owner : throw new DomainException("Onboarding.UnknownOwner");
        DueAfterDays = dueAfterDays is >= 0 and <= MaxDueAfterDays ? dueAfterDays : throw new DomainException("Onboarding.DueOutOfRange", MaxDueAfterDays);
    }

    public string Title { get; }
    public string Explanation { get; }
    public StepOwner Owner { get; }

    /// <summary>Days after the admission date the step is due ("+7 days").</summary>
    public int DueAfterDays { get; }
}

/// <summary>
/// The network's onboarding template. Every change makes a new version; a checklist keeps the steps of the version it
/// started from, so editing the template never changes checklists already running.
/// </summary>
public sealed class OnboardingTemplate
{
    public const int MaxSteps = 40;
    private readonly List<IReadOnlyList<TemplateStep>> _versions = [];

    public OnboardingTemplate(IEnumerable<TemplateStep> steps) => Publish(steps);

    public int Version => _versions.Count;

    public IReadOnlyList<TemplateStep> Current => _versions[^1];

    public IReadOnlyList<TemplateStep> StepsOf(int version) =>
        version >= 1 && version <= _versions.Count ? _versions[version - 1] : throw new DomainException("Onboarding.UnknownVersion");

    /// <summary>Publishes a new ordered list of steps as the next version.</summary>
    public void Publish(IEnumerable<TemplateStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        if (list.Count is 0 or > MaxSteps)
        {
            throw new DomainException("Onboarding.StepCount", MaxSteps);
        }

        _versions.Add(list.AsReadOnly());
    }

    /// <summary>The default from the case: what the coordinator does today for every new participant.</summary>
    public static OnboardingTemplate Default() => new(
    [
        new("Welkomstgesprek", "De netwerkcoördinator belt of bezoekt de nieuwe deelnemer.", StepOwner.Coordinator, 7),
        new("Intentieverklaring ondertekend", "De werkgever tekent de intentieverklaring van het netwerk.", StepOwner.NewcomerContact, 14),
        new("Voorstellen in het kerngroepoverleg", "De nieuwe deelnemer stelt zich voor in het eerstvolgende kerngroepoverleg.", StepOwner.Coordinator, 21),
        new("Themagroep gekozen en voorgesteld", "Keuze van een of meer themagroepen; de kartrekker stelt de deelnemer voor.", StepOwner.ThemeLead, 28),
        new("Communicatie en vermelding", "Toegevoegd aan de communicatie en, met toestemming, vermeld op de openbare pagina.", StepOwner.Coordinator, 14),
        new("Buddy toegewezen", "Een werkgever uit de kerngroep wordt buddy.", StepOwner.CoreGroupBuddy, 14),
        new("Eerste netwerkbijeenkomst bijgewoond", "De deelnemer is bij een eerste bijeenkomst van het netwerk geweest.", StepOwner.NewcomerContact, 60),
        new("Kennismaking met de advocaten", "Kennismaking met de pro-bono-advocaten van het netwerk.", StepOwner.Advisor, 45),
    ]);
}
