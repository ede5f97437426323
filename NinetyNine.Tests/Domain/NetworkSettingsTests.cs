using Microsoft.Extensions.Time.Testing;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

/// <summary>The coordinator's network settings form, starting and archiving theme groups, and the employers' public listing.</summary>
public class NetworkSettingsTests
{
    // 12 January 2026, 10:00 in Amsterdam: the sample network's first meeting day.
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero));
    private static readonly NetworkSettingsValidator Validator = new(Time);

    [Fact]
    public void The_form_starts_from_the_network_and_applies_name_region_text_and_a_new_cadence()
    {
        var network = FoundNetwork();
        var settings = NetworkSettings.Of(network);
        Assert.Equal(("99van Utrecht", "Utrecht", Today, new TimeOnly(9, 0), 3), (settings.Name, settings.Region, settings.MeetingDate, settings.MeetingTime, settings.IntervalWeeks));

        settings.Name = "99van Utrecht-West";
        settings.Description = "Werkgevers die samen banen maken.";
        settings.MeetingDate = new DateOnly(2026, 1, 15);
        settings.MeetingTime = new TimeOnly(8, 0);
        settings.IntervalWeeks = 4;
        settings.Mode = MeetingMode.Video;
        settings.ModeDetails = "https://meet.example.nl/west";
        Assert.Empty(Validator.Validate(settings).Errors);
        settings.ApplyTo(network, Today);

        Assert.Equal(("99van Utrecht-West", "Werkgevers die samen banen maken."), (network.Name, network.Description));
        Assert.Equal((DayOfWeek.Thursday, new TimeOnly(8, 0), 4, MeetingMode.Video), (network.Cadence.Weekday, network.Cadence.StartTime, network.Cadence.IntervalWeeks, network.Cadence.Mode));
    }

    [Fact]
    public void Bad_settings_are_refused_at_their_field_and_leave_the_network_as_it_was()
    {
        using var culture = UiCulture.Dutch();
        var network = FoundNetwork();
        var settings = NetworkSettings.Of(network);
        settings.Name = "\u200B";
        settings.MeetingDate = new DateOnly(9999, 12, 31);
        settings.IntervalWeeks = 0;

        var errors = Validator.Validate(settings).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Contains(nameof(NetworkSettings.Name), errors.Keys);
        Assert.Equal("Datum moet tussen 12 januari 2024 en 12 januari 2031 liggen.", errors[nameof(NetworkSettings.MeetingDate)]);
        Assert.Contains(nameof(NetworkSettings.IntervalWeeks), errors.Keys);

        Assert.ThrowsAny<NinetyNine.Domain.Common.DomainException>(() => settings.ApplyTo(network, Today));
        settings.MeetingDate = Today;
        ThrowsCode("Cadence.Interval", () => settings.ApplyTo(network, Today));
        Assert.Equal(("99van Utrecht", 3), (network.Name, network.Cadence.IntervalWeeks));
    }

    [Fact]
    public void A_new_theme_group_comes_after_the_others_and_may_not_take_an_active_groups_name()
    {
        var network = FoundNetwork();
        var first = ThemeGroup.StartIn(network, [], "Werkgelegenheid creëren", "Banen");
        var second = ThemeGroup.StartIn(network, [first], "Kennisuitwisseling", string.Empty);
        Assert.Equal((0, 1), (first.Position, second.Position));

        ThrowsCode("ThemeGroup.NameTaken", () => ThemeGroup.StartIn(network, [first, second], "  kennisuitwisseling ", string.Empty));

        // Once archived, its name is free for a new start.
        second.Archive(Today);
        var again = ThemeGroup.StartIn(network, [first, second], "Kennisuitwisseling", "Opnieuw");
        Assert.Equal(2, again.Position);
        ThrowsCode("ThemeGroup.Archived", () => second.Describe("Andere naam", string.Empty));
    }

    [Fact]
    public void An_employer_consents_to_be_listed_or_withdraws_and_one_that_left_cannot_be_listed()
    {
        var sample = SampleNetwork.Create();
        var network = sample.Network;

        network.SetListed(sample.Bakery.Id, true);
        Assert.True(network.EmployerById(sample.Bakery.Id).ListedPublicly);
        network.SetListed(sample.Bakery.Id, false);
        Assert.False(network.EmployerById(sample.Bakery.Id).ListedPublicly);

        network.EmployerLeaves(sample.Bakery.Id, Today);
        ThrowsCode("Network.EmployerLeft", () => network.SetListed(sample.Bakery.Id, true));
    }

    [Fact]
    public void Only_the_current_coordinator_while_active_counts_as_coordinator()
    {
        var sample = SampleNetwork.Create();
        var network = sample.Network;
        Assert.True(network.IsActiveCoordinator(sample.Coordinator.Id));
        Assert.False(network.IsActiveCoordinator(sample.Baker.Id));

        network.AppointCoordinator(sample.Baker.Id, Today);

        Assert.True(network.IsActiveCoordinator(sample.Baker.Id));
        Assert.False(network.IsActiveCoordinator(sample.Coordinator.Id));
    }
}
