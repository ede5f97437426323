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

/// <summary>One published version of the template: its steps as they were, and who published them when.</summary>
public sealed class TemplateVersion
{
    private TemplateVersion()
    {
    }

    internal TemplateVersion(int number, IReadOnlyList<TemplateStep> steps, DateTimeOffset publishedAt, string publishedBy)
    {
        Number = number;
        Steps = steps;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    public int Number { get; private set; }
    public IReadOnlyList<TemplateStep> Steps { get; private set; } = [];
    public DateTimeOffset PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = string.Empty;
}

/// <summary>
/// The network's onboarding template. Every change publishes a new version and keeps the earlier ones; a checklist
/// keeps the steps of the version it started from, so editing the template never changes checklists already running.
/// </summary>
public sealed class OnboardingTemplate : IAggregateRoot
{
    public const int MaxSteps = 40;
    public const int PublisherMaxLength = 120;
    private readonly List<TemplateVersion> _versions = [];

    private OnboardingTemplate()
    {
    }

    public OnboardingTemplate(NetworkId networkId, IEnumerable<TemplateStep> steps, DateTimeOffset now, string publishedBy)
    {
        NetworkId = networkId;
        Publish(steps, now, publishedBy);
    }

    public NetworkId NetworkId { get; private set; }

    /// <summary>Concurrency token (see <see cref="IAggregateRoot"/>), not the template's version number.</summary>
    public int Version { get; private set; }

    /// <summary>The number of the version now in use; the first is 1.</summary>
    public int CurrentVersion => _versions.Max(v => v.Number);

    public IReadOnlyList<TemplateStep> Current => _versions.Single(v => v.Number == CurrentVersion).Steps;

    /// <summary>Every published version, newest first.</summary>
    public IReadOnlyList<TemplateVersion> Versions => [.. _versions.OrderByDescending(v => v.Number)];

    public IReadOnlyList<TemplateStep> StepsOf(int version) =>
        _versions.FirstOrDefault(v => v.Number == version)?.Steps ?? throw new DomainException("Onboarding.UnknownVersion");

    /// <summary>Publishes a new ordered list of steps as the next version.</summary>
    public void Publish(IEnumerable<TemplateStep> steps, DateTimeOffset now, string publishedBy)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        if (list.Count is 0 or > MaxSteps)
        {
            throw new DomainException("Onboarding.StepCount", MaxSteps);
        }

        var by = string.IsNullOrWhiteSpace(publishedBy) ? "?" : publishedBy.Trim();
        _versions.Add(new TemplateVersion(_versions.Count == 0 ? 1 : CurrentVersion + 1, list.AsReadOnly(), now, by[..Math.Min(by.Length, PublisherMaxLength)]));
    }

    void IAggregateRoot.BumpVersion() => Version++;

    /// <summary>The default from the case: what the coordinator does today for every new participant.</summary>
    public static OnboardingTemplate Default(NetworkId networkId, DateTimeOffset now) => new(networkId, DefaultSteps, now, "NinetyNine");

    public static IReadOnlyList<TemplateStep> DefaultSteps { get; } =
    [
        new("Welkomstgesprek", "De netwerkcoördinator belt of bezoekt de nieuwe deelnemer.", StepOwner.Coordinator, 7),
        new("Intentieverklaring ondertekend", "De werkgever tekent de intentieverklaring van het netwerk.", StepOwner.NewcomerContact, 14),
        new("Voorstellen in het kerngroepoverleg", "De nieuwe deelnemer stelt zich voor in het eerstvolgende kerngroepoverleg.", StepOwner.Coordinator, 21),
        new("Themagroep gekozen en voorgesteld", "Keuze van een of meer themagroepen; de kartrekker stelt de deelnemer voor.", StepOwner.ThemeLead, 28),
        new("Communicatie en vermelding", "Toegevoegd aan de communicatie en, met toestemming, vermeld op de openbare pagina.", StepOwner.Coordinator, 14),
        new("Buddy toegewezen", "Een werkgever uit de kerngroep wordt buddy.", StepOwner.CoreGroupBuddy, 14),
        new("Eerste netwerkbijeenkomst bijgewoond", "De deelnemer is bij een eerste bijeenkomst van het netwerk geweest.", StepOwner.NewcomerContact, 60),
        new("Kennismaking met de advocaten", "Kennismaking met de pro-bono-advocaten van het netwerk.", StepOwner.Advisor, 45),
    ];
}
