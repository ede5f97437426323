using Microsoft.Extensions.Time.Testing;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.Onboarding;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

/// <summary>Founding a network from a template, its validator, and a network's own standing agenda and settings.</summary>
public class FoundNetworkTests
{
    // 1 December 2026, 10:00 in Amsterdam.
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private static readonly FoundNetworkValidator Validator = new(Time);
    private static readonly DateOnly On = new(2026, 12, 1);

    internal static FoundNetwork Valid() => new()
    {
        Name = "99vanUtrecht",
        Slug = "99van-utrecht",
        Region = "Utrecht",
        CoordinatorName = "Fleur de Wit",
        CoordinatorEmail = "fleur@denormaalstezaak.example",
        CoordinatorOrganisation = "De Normaalste Zaak",
        FirstMeeting = new DateOnly(2026, 12, 15),
        MeetingTime = new TimeOnly(8, 30),
        IntervalWeeks = 3,
        DurationMinutes = 75,
        Mode = MeetingMode.Video,
        ModeDetails = "https://meet.example.nl/99vanutrecht",
    };

    [Fact]
    public void The_99van_template_brings_the_case_four_theme_groups_standing_agenda_and_onboarding_steps()
    {
        var founded = Valid().Found(On, Time.GetUtcNow());

        var network = founded.Network;
        Assert.Equal(("99vanUtrecht", "99van-utrecht", "Utrecht"), (network.Name, network.Slug, network.Region));
        Assert.Equal("Fleur de Wit", network.Coordinator.Name);
        Assert.Equal([NetworkRole.Coordinator], network.RolesOf(network.Coordinator.Id));
        Assert.Equal(["Werkgelegenheid creëren", "In-, door- en uitstroom van kandidaten", "Wet- en regelgeving", "Kennisuitwisseling"],
            founded.ThemeGroups.Select(g => g.Name));
        Assert.Equal([0, 1, 2, 3], founded.ThemeGroups.Select(g => g.Position));
        Assert.All(founded.ThemeGroups, g => Assert.Equal(network.Id, g.NetworkId));
        Assert.Equal(StandingAgenda.Items, network.StandingAgenda.Select(i => i.Title));
        Assert.Equal(OnboardingTemplate.DefaultSteps, founded.Onboarding.Current);
        Assert.Equal(network.Id, founded.Onboarding.NetworkId);
    }

    [Fact]
    public void A_first_meeting_years_away_is_refused_by_the_validator_and_the_aggregate()
    {
        using var culture = UiCulture.Dutch();
        var typo = Valid();
        typo.FirstMeeting = new DateOnly(9999, 12, 31);

        var errors = Validator.Validate(typo).Errors.Where(e => e.PropertyName == nameof(NinetyNine.Domain.Networks.FoundNetwork.FirstMeeting)).ToList();
        var refused = Assert.Throws<NinetyNine.Domain.Common.DomainException>(() => typo.Found(On, Time.GetUtcNow()));

        Assert.Equal("Eerste kerngroepoverleg moet tussen 1 december 2024 en 1 december 2031 liggen.", Assert.Single(errors).ErrorMessage);
        Assert.Equal(errors[0].ErrorMessage, refused.Message);
        typo.FirstMeeting = new DateOnly(2031, 12, 1);
        Assert.Empty(Validator.Validate(typo).Errors);
    }

    [Fact]
    public void The_cadence_comes_from_the_first_meeting_its_weekday_time_interval_length_and_mode()
    {
        var cadence = Valid().Found(On, Time.GetUtcNow()).Network.Cadence;

        Assert.Equal((new DateOnly(2026, 12, 15), DayOfWeek.Tuesday, new TimeOnly(8, 30), 3, 75), (cadence.Anchor, cadence.Weekday, cadence.StartTime, cadence.IntervalWeeks, cadence.DurationMinutes));
        Assert.Equal((MeetingMode.Video, "https://meet.example.nl/99vanutrecht"), (cadence.Mode, cadence.ModeDetails));
    }

    [Fact]
    public void An_empty_network_has_no_theme_groups_only_the_two_items_the_app_fills_and_one_welcome_step()
    {
        var form = Valid();
        form.Template = NetworkTemplate.Empty;

        var founded = form.Found(On, Time.GetUtcNow());

        Assert.Empty(founded.ThemeGroups);
        Assert.Equal([StandingItem.Applications, StandingItem.ThemeGroupUpdates], founded.Network.StandingAgenda.Select(i => i.Kind));
        var step = Assert.Single(founded.Onboarding.Current);
        Assert.Equal(OnboardingTemplate.DefaultSteps[0], step);
    }

    [Fact]
    public void Meetings_of_a_network_start_from_its_own_standing_agenda()
    {
        var network = Valid().Found(On, Time.GetUtcNow()).Network;
        network.ChangeStandingAgenda(
        [
            new("Updates uit de themagroepen", StandingItem.ThemeGroupUpdates),
            new("Nieuwe aanmeldingen", StandingItem.Applications),
            new("Rondvraag"),
        ]);

        var meeting = Meeting.Schedule(network.Id, new DateTime(2026, 12, 15, 8, 30, 0), 75, network.Cadence.Mode, network.Cadence.ModeDetails,
            new DateTime(2026, 12, 1, 8, 0, 0), new DateOnly(2026, 12, 15), network.StandingAgenda);

        Assert.Equal(["Updates uit de themagroepen", "Nieuwe aanmeldingen", "Rondvraag"], meeting.Agenda.Select(i => i.Title));
        Assert.Equal([StandingItem.ThemeGroupUpdates, StandingItem.Applications, null], meeting.Agenda.Select(i => i.Standing));
    }

    [Fact]
    public void The_standing_agenda_keeps_the_applications_and_updates_items_once_each_with_titles_of_their_own()
    {
        var network = FoundNetwork();
        var before = network.StandingAgenda;

        ThrowsCode("StandingAgenda.KindRequired", () => network.ChangeStandingAgenda([new("Updates", StandingItem.ThemeGroupUpdates), new("Rondvraag")]));
        ThrowsCode("StandingAgenda.KindRequired", () => network.ChangeStandingAgenda(
            [new("Aanmeldingen", StandingItem.Applications), new("Nog eens aanmeldingen", StandingItem.Applications), new("Updates", StandingItem.ThemeGroupUpdates)]));
        ThrowsCode("StandingAgenda.Duplicate", () => network.ChangeStandingAgenda(
            [new("Aanmeldingen", StandingItem.Applications), new("Updates", StandingItem.ThemeGroupUpdates), new("Rondvraag"), new("rondvraag")]));
        ThrowsCode("StandingAgenda.TooMany", () => network.ChangeStandingAgenda(
            [new("Aanmeldingen", StandingItem.Applications), new("Updates", StandingItem.ThemeGroupUpdates), .. Enumerable.Range(1, 11).Select(i => new StandingAgendaItem($"Punt {i}"))]));
        ThrowsCode("Text.Required", () => _ = new StandingAgendaItem("  "));

        Assert.Same(before, network.StandingAgenda);
    }

    [Fact]
    public void Changing_the_settings_checks_everything_first_so_a_refused_change_leaves_the_network_as_it_was()
    {
        var network = FoundNetwork();
        var cadence = new MeetingCadence(new DateOnly(2026, 12, 17), new TimeOnly(16, 0), 4, 90, MeetingMode.InPerson, "Stadhuis Utrecht");

        ThrowsCode("Text.TooLong", () => network.ChangeSettings("99van Utrecht-Oost", "Utrecht", new string('x', Network.DescriptionMaxLength + 1), cadence));
        Assert.Equal(("99van Utrecht", string.Empty), (network.Name, network.Description));

        network.ChangeSettings(" 99van Utrecht-Oost ", "Utrecht-Oost", "Werkgevers in Utrecht-Oost maken samen werk van inclusie.", cadence);
        Assert.Equal(("99van Utrecht-Oost", "Utrecht-Oost", "Werkgevers in Utrecht-Oost maken samen werk van inclusie."), (network.Name, network.Region, network.Description));
        Assert.Equal(cadence, network.Cadence);
    }

    [Theory]
    [InlineData("99van-utrecht", true)]
    [InlineData("twente", true)]
    [InlineData("ab", false)]
    [InlineData("-utrecht", false)]
    [InlineData("utrecht-", false)]
    [InlineData("99van--utrecht", false)]
    [InlineData("99van_utrecht", false)]
    [InlineData("99vanUtrecht", false)]
    public void A_slug_is_lower_case_letters_digits_and_single_inner_hyphens(string slug, bool valid) =>
        Assert.Equal(valid, Network.IsValidSlug(slug));

    [Fact]
    public void The_domain_refuses_a_slug_the_validator_would_refuse()
    {
        var form = Valid();
        form.Slug = "-utrecht";

        ThrowsCode("Network.SlugInvalid", () => form.Found(On, Time.GetUtcNow()));
    }

    [Fact]
    public void A_complete_form_is_valid()
    {
        using var _ = UiCulture.Dutch();

        Assert.True(Validator.Validate(Valid()).IsValid);
    }

    [Theory]
    [InlineData("name", "Name", "Netwerknaam is verplicht.")]
    [InlineData("slug", "Slug", "Het webadres bestaat uit 3 tot 60 kleine letters, cijfers en losse streepjes ertussen, bijvoorbeeld 99van-utrecht.")]
    [InlineData("region", "Region", "Regio is verplicht.")]
    [InlineData("coordinator", "CoordinatorName", "Naam is verplicht.")]
    [InlineData("email", "CoordinatorEmail", "Vul een geldig e-mailadres in")]
    [InlineData("first", "FirstMeeting", "Eerste kerngroepoverleg is verplicht.")]
    [InlineData("past", "FirstMeeting", "Kies een moment in de toekomst.")]
    [InlineData("time", "MeetingTime", "Begintijd is verplicht.")]
    [InlineData("weeks", "IntervalWeeks", "Het kerngroepoverleg vindt elke 1 tot 12 weken plaats.")]
    [InlineData("duration", "DurationMinutes", "Een overleg duurt tussen 15 minuten en 8 uur.")]
    [InlineData("template", "Template", "Kies waarmee het netwerk begint: de 99van-opzet of leeg.")]
    [InlineData("markup", "Name", "Netwerknaam")]
    public void Each_mistake_gets_a_specific_message_at_its_field(string mistake, string field, string message)
    {
        using var _ = UiCulture.Dutch();
        var form = Valid();
        switch (mistake)
        {
            case "name": form.Name = " "; break;
            case "slug": form.Slug = "99van utrecht"; break;
            case "region": form.Region = string.Empty; break;
            case "coordinator": form.CoordinatorName = string.Empty; break;
            case "email": form.CoordinatorEmail = "fleur@"; break;
            case "first": form.FirstMeeting = null; break;
            case "past": form.FirstMeeting = new DateOnly(2026, 11, 30); break;
            case "time": form.MeetingTime = null; break;
            case "weeks": form.IntervalWeeks = 13; break;
            case "duration": form.DurationMinutes = 5; break;
            case "template": form.Template = (NetworkTemplate)0; break;
            case "markup": form.Name = "<b>99van</b>"; break;
        }

        var error = Assert.Single(Validator.Validate(form).Errors);

        Assert.Equal(field, error.PropertyName);
        Assert.Contains(message, error.ErrorMessage, StringComparison.Ordinal);
    }
}
