using FluentValidation;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Domain.ThemeGroups;

namespace NinetyNine.Domain.Networks;

/// <summary>What a new network starts from.</summary>
public enum NetworkTemplate
{
    /// <summary>The 99van formula of the case: four theme groups, the four standing agenda items, the default onboarding steps.</summary>
    NinetyNineVan = 1,

    /// <summary>No theme groups; the two standing items the app fills (applications, theme group updates); one welcome step.</summary>
    Empty = 2,
}

/// <summary>
/// Founding a network (first start, or De Normaalste Zaak starting another 99van): the network with its cadence and
/// standing agenda, its first coordinator, and what the chosen <see cref="NetworkTemplate"/> brings.
/// </summary>
public sealed class FoundNetwork
{
    public const int DefaultDurationMinutes = 90;

    public string Name { get; set; } = string.Empty;
    public string Slug { get; set; } = string.Empty;
    public string Region { get; set; } = string.Empty;
    public string CoordinatorName { get; set; } = string.Empty;
    public string CoordinatorEmail { get; set; } = string.Empty;
    public string? CoordinatorOrganisation { get; set; }
    public NetworkTemplate Template { get; set; } = NetworkTemplate.NinetyNineVan;

    /// <summary>The date of the first core group meeting; its weekday is the meeting day.</summary>
    public DateOnly? FirstMeeting { get; set; }

    public TimeOnly? MeetingTime { get; set; } = new(16, 0);
    public int IntervalWeeks { get; set; } = MeetingCadence.DefaultIntervalWeeks;
    public int DurationMinutes { get; set; } = DefaultDurationMinutes;
    public MeetingMode Mode { get; set; } = MeetingMode.Phone;
    public string? ModeDetails { get; set; }

    /// <summary>
    /// The new network and what its template brings, through the aggregates' own methods: the network with its first
    /// coordinator and standing agenda, its theme groups and its onboarding template. Nothing is saved here.
    /// </summary>
    public FoundedNetwork Found(DateOnly today, DateTimeOffset now)
    {
        if (FirstMeeting is null || MeetingTime is null)
        {
            throw new DomainException("Text.Required", Text.Get("Field.FirstMeeting"));
        }

        DateRules.Ensure(FirstMeeting.Value, today, "Field.FirstMeeting");
        var cadence = new MeetingCadence(FirstMeeting.Value, MeetingTime.Value, IntervalWeeks, DurationMinutes,
            Mode, ModeDetails);
        var network = Network.Found(Name, Slug, Region, cadence, CoordinatorName, EmailAddress.Parse(CoordinatorEmail), CoordinatorOrganisation, today,
            NetworkTemplates.StandingAgendaOf(Template));
        var groups = NetworkTemplates.ThemeGroupsOf(Template)
            .Select((g, i) => ThemeGroup.Start(network, g.Name, g.Goal, i))
            .ToList();
        var onboarding = new OnboardingTemplate(network.Id, NetworkTemplates.OnboardingStepsOf(Template), now, "NinetyNine");
        return new FoundedNetwork(network, groups, onboarding);
    }
}

/// <summary>A network just founded, with what its template gave it; saved together.</summary>
public sealed record FoundedNetwork(Network Network, IReadOnlyList<ThemeGroup> ThemeGroups, OnboardingTemplate Onboarding);

/// <summary>What each <see cref="NetworkTemplate"/> brings. The texts are the network's own (Dutch) words and become its data.</summary>
public static class NetworkTemplates
{
    /// <summary>The four theme groups that came out of 99vanTwente's start session.</summary>
    public static IReadOnlyList<(string Name, string Goal)> CaseThemeGroups { get; } =
    [
        ("Werkgelegenheid creëren", "Samen met gemeenten, wethouders en bedrijven nieuwe werkgelegenheid maken voor mensen met een arbeidsbeperking."),
        ("In-, door- en uitstroom van kandidaten", "Kandidaten goed laten instromen, doorgroeien en zo nodig uitstromen naar ander werk."),
        ("Wet- en regelgeving", "Helder maken wat de banenafspraak, loonkostensubsidie en no-riskpolis voor werkgevers betekenen."),
        ("Kennisuitwisseling", "Ervaringen delen tussen werkgevers: werkbezoeken, intervisie en praktische tips."),
    ];

    public static IReadOnlyList<(string Name, string Goal)> ThemeGroupsOf(NetworkTemplate template) =>
        template == NetworkTemplate.NinetyNineVan ? CaseThemeGroups : [];

    public static IReadOnlyList<StandingAgendaItem> StandingAgendaOf(NetworkTemplate template) =>
        template == NetworkTemplate.NinetyNineVan
            ? StandingAgenda.Default
            : [.. StandingAgenda.Default.Where(i => i.Kind is StandingItem.Applications or StandingItem.ThemeGroupUpdates)];

    /// <summary>The default steps of the case, or only the welcome call (a template has at least one step).</summary>
    public static IReadOnlyList<TemplateStep> OnboardingStepsOf(NetworkTemplate template) =>
        template == NetworkTemplate.NinetyNineVan ? OnboardingTemplate.DefaultSteps : [OnboardingTemplate.DefaultSteps[0]];
}

public sealed class FoundNetworkValidator : AbstractValidator<FoundNetwork>
{
    public FoundNetworkValidator(TimeProvider time)
    {
        RuleFor(x => x.Name).NotEmptyText("Field.NetworkName").MaxText(Network.NameMaxLength, "Field.NetworkName").PlainText("Field.NetworkName");
        RuleFor(x => x.Slug).NotEmptyText("Field.Slug")
            .Must(s => string.IsNullOrWhiteSpace(s) || Network.IsValidSlug(s.Trim()))
            .WithMessage(_ => Text.Get("Network.SlugFormat", Network.SlugMinLength, Network.SlugMaxLength));
        RuleFor(x => x.Region).NotEmptyText("Field.Region").MaxText(Network.RegionMaxLength, "Field.Region").PlainText("Field.Region");
        RuleFor(x => x.CoordinatorName).NotEmptyText("Field.PersonName").MaxText(Person.NameMaxLength, "Field.PersonName").PlainText("Field.PersonName");
        RuleFor(x => x.CoordinatorEmail).NotEmptyText("Field.Email").Email();
        RuleFor(x => x.CoordinatorOrganisation).MaxText(Employer.NameMaxLength, "Field.Organisation").PlainText("Field.Organisation");
        RuleFor(x => x.Template).IsInEnum().WithMessage(_ => Text.Get("Network.UnknownTemplate"));
        RuleFor(x => x.FirstMeeting).NotNull().WithMessage(_ => Text.Get("Text.Required", Text.Get("Field.FirstMeeting")))
            .Must(d => d is null || d.Value >= DateOnly.FromDateTime(Network.LocalNow(time, Network.DefaultTimeZone)))
            .WithMessage(_ => Text.Get("Meeting.InThePast"))
            .Must(d => d is null || DateRules.IsSane(d.Value, DateOnly.FromDateTime(Network.LocalNow(time, Network.DefaultTimeZone))))
            .WithMessage(_ => DateRules.Message("Field.FirstMeeting", DateOnly.FromDateTime(Network.LocalNow(time, Network.DefaultTimeZone))));
        RuleFor(x => x.MeetingTime).NotNull().WithMessage(_ => Text.Get("Text.Required", Text.Get("Field.MeetingTime")));
        RuleFor(x => x.IntervalWeeks).InclusiveBetween(1, 12).WithMessage(_ => Text.Get("Cadence.Interval"));
        RuleFor(x => x.DurationMinutes).InclusiveBetween(15, 480).WithMessage(_ => Text.Get("Cadence.Duration"));
        RuleFor(x => x.Mode).IsInEnum().WithMessage(_ => Text.Get("Meeting.UnknownMode"));
        RuleFor(x => x.ModeDetails).MaxText(Meeting.ModeDetailsMaxLength, "Field.ModeDetails").PlainText("Field.ModeDetails");
    }
}
