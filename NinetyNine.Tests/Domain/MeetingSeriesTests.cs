using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

/// <summary>The three-weekly series, and the agenda each new meeting starts from.</summary>
public class MeetingSeriesTests
{
    // Every three weeks on Monday at 09:00 from Monday 12 January 2026.
    private static readonly MeetingCadence ThreeWeekly = Cadence();
    private static readonly DateTime Jan12 = new(2026, 1, 12, 9, 0, 0);
    private static readonly DateTime Feb02 = new(2026, 2, 2, 9, 0, 0);
    private static readonly DateTime Feb23 = new(2026, 2, 23, 9, 0, 0);
    private static readonly DateTime Mar16 = new(2026, 3, 16, 9, 0, 0);

    private static DateOnly D(DateTime at) => DateOnly.FromDateTime(at);

    // ---- Cadence and series -------------------------------------------------------------------

    [Fact]
    public void Occurrences_run_every_interval_from_the_next_one()
    {
        Assert.Equal([Feb02, Feb23, Mar16], ThreeWeekly.OccurrencesFrom(Jan12.AddMinutes(1)).Take(3));
    }

    [Fact]
    public void The_series_plans_the_next_two_cadence_dates()
    {
        Assert.Equal([Feb02, Feb23], MeetingSeries.ToPlan(ThreeWeekly, [], new DateTime(2026, 1, 20, 12, 0, 0)));
    }

    [Fact]
    public void A_date_a_meeting_already_stands_for_is_not_planned_again()
    {
        Assert.Equal([Feb23], MeetingSeries.ToPlan(ThreeWeekly, [D(Feb02)], new DateTime(2026, 1, 20, 12, 0, 0)));
        Assert.Empty(MeetingSeries.ToPlan(ThreeWeekly, [D(Feb02), D(Feb23)], new DateTime(2026, 1, 20, 12, 0, 0)));
    }

    [Fact]
    public void A_moved_meeting_keeps_its_cadence_date_so_the_series_does_not_fill_it_again()
    {
        var networkId = NetworkId.New();
        var meeting = Meeting.Schedule(networkId, Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));

        meeting.Reschedule(Feb02.AddDays(2).AddHours(5), 90, MeetingMode.InPerson, "Stadhuis Hengelo", Feb02.AddDays(2).AddHours(5));

        Assert.Equal(D(Feb02), meeting.SeriesDate);
        Assert.Equal([Feb23], MeetingSeries.ToPlan(ThreeWeekly, [meeting.SeriesDate!.Value], new DateTime(2026, 1, 20, 12, 0, 0)));
    }

    [Fact]
    public void A_cancelled_date_stays_cancelled()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));
        meeting.Cancel();

        Assert.DoesNotContain(Feb02, MeetingSeries.ToPlan(ThreeWeekly, [meeting.SeriesDate!.Value], new DateTime(2026, 1, 20, 12, 0, 0)));
    }

    [Fact]
    public void The_next_meeting_after_a_close_goes_to_the_first_free_cadence_date()
    {
        Assert.Equal(Feb02, MeetingSeries.FirstFree(ThreeWeekly, [D(Jan12)], Jan12));
        Assert.Equal(Feb23, MeetingSeries.FirstFree(ThreeWeekly, [D(Jan12), D(Feb02)], Jan12));
        // A meeting moved to later than its date: the next free date follows the moved meeting's date, not the move.
        Assert.Equal(Mar16, MeetingSeries.FirstFree(ThreeWeekly, [D(Feb02), D(Feb23)], Feb02.AddDays(3)));
    }

    [Fact]
    public void An_extra_meeting_stands_for_no_cadence_date()
    {
        var extra = Meeting.Schedule(NetworkId.New(), Feb02.AddDays(10), 60, MeetingMode.Video, "https://meet.example.nl/extra", Feb02.AddDays(10));

        Assert.Null(extra.SeriesDate);
    }

    // ---- Moving --------------------------------------------------------------------------------

    [Fact]
    public void Reschedule_changes_time_length_and_mode()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), Feb02, 60, MeetingMode.Phone, "Inbellen 053 000 0000", Feb02, D(Feb02));
        var later = Feb02.AddDays(1).AddHours(4);

        meeting.Reschedule(later, 90, MeetingMode.Video, "https://meet.example.nl/kerngroep", later);

        Assert.Equal((later, 90, MeetingMode.Video, "https://meet.example.nl/kerngroep"), (meeting.StartsAt, meeting.DurationMinutes, meeting.Mode, meeting.ModeDetails));
        Assert.Equal(later.AddMinutes(90), meeting.EndsAt);
    }

    [Fact]
    public void A_meeting_that_already_started_cannot_be_moved()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));
        meeting.Start(Feb02);

        ThrowsCode("Meeting.OnlyPlannedMoves", () => meeting.Reschedule(Feb23, 60, MeetingMode.Phone, null, Feb23));

        Assert.Equal(Feb02, meeting.StartsAt);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(481)]
    public void Reschedule_to_an_impossible_length_is_refused_and_changes_nothing(int minutes)
    {
        var meeting = Meeting.Schedule(NetworkId.New(), Feb02, 60, MeetingMode.Phone, "Inbellen", Feb02, D(Feb02));

        ThrowsCode("Cadence.Duration", () => meeting.Reschedule(Feb23, minutes, MeetingMode.Video, null, Feb23));

        Assert.Equal((Feb02, 60, MeetingMode.Phone, "Inbellen"), (meeting.StartsAt, meeting.DurationMinutes, meeting.Mode, meeting.ModeDetails));
    }

    [Fact]
    public void Reschedule_to_an_unknown_mode_is_refused()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));

        ThrowsCode("Meeting.UnknownMode", () => meeting.Reschedule(Feb23, 60, (MeetingMode)9, null, Feb23));
        Assert.Equal(Feb02, meeting.StartsAt);
    }

    // ---- Cancelling passes the agenda on -----------------------------------------------------

    [Fact]
    public void A_cancelled_meeting_passes_its_own_items_and_open_actions_to_the_next_one()
    {
        var networkId = NetworkId.New();
        var cancelled = Meeting.Schedule(networkId, Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));
        var visit = cancelled.AddAgendaItem("Werkbezoek Hofman");
        cancelled.AddActionItem(visit.Id, "Datum prikken", "Sanne", null);
        cancelled.Cancel();
        var next = Meeting.Schedule(networkId, Feb23, 60, MeetingMode.Phone, null, Feb23, D(Feb23));

        cancelled.CarryOverTo(next);

        Assert.Equal([.. StandingAgenda.Items, "Werkbezoek Hofman", Text.Get("Meeting.OpenActionsTitle")], next.Agenda.Select(i => i.Title));
        Assert.Equal("Datum prikken", Assert.Single(next.Agenda[^1].ActionItems).Text);
    }

    // ---- Topics and the prepared agenda -----------------------------------------------------

    [Fact]
    public void A_new_meeting_gets_an_update_slot_per_theme_group_with_its_lead_and_the_waiting_applications_under_item_one()
    {
        var sample = SampleNetwork.Create();
        var network = sample.Network;
        var jobs = ThemeGroup.Start(network, "Werkgelegenheid creëren", "Banen maken", 1);
        var law = ThemeGroup.Start(network, "Wet- en regelgeving", "Regels uitzoeken", 3);
        var flow = ThemeGroup.Start(network, "In-, door- en uitstroom", "Kandidaten", 2);
        jobs.AssignLead(network, sample.Baker.Id);
        law.AssignLead(network, sample.Mechanic.Id);
        var later = Application.Submit(network.Id, ApplicationTests.ValidForm(), new DateTimeOffset(2026, 1, 20, 10, 0, 0, TimeSpan.Zero));
        var earlierForm = ApplicationTests.ValidForm();
        earlierForm.CompanyName = "Garage Oost";
        earlierForm.Kvk = "11223344";
        var earlier = Application.Submit(network.Id, earlierForm, new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
        var meeting = Meeting.Schedule(network.Id, Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));

        AgendaPreparation.Prepare(meeting, network, [law, jobs, flow], [later, earlier]);

        var applications = meeting.Agenda.Single(i => i.Standing == StandingItem.Applications);
        Assert.Equal(["Garage Oost", "Bäckerei Ünal & Zn."], applications.Topics.Select(t => t.Title));
        Assert.Equal([earlier.Id.Value, later.Id.Value], applications.Topics.Select(t => t.ReferenceId));
        Assert.All(applications.Topics, t => Assert.Equal(AgendaTopicKind.Application, t.Kind));
        var updates = meeting.Agenda.Single(i => i.Standing == StandingItem.ThemeGroupUpdates);
        Assert.Equal(["Werkgelegenheid creëren", "In-, door- en uitstroom", "Wet- en regelgeving"], updates.Topics.Select(t => t.Title));
        Assert.Equal([sample.Baker.Name, null, sample.Mechanic.Name], updates.Topics.Select(t => t.Presenter));
        Assert.Equal(4, meeting.Agenda.Count);
    }

    [Fact]
    public void Preparing_twice_adds_nothing_twice()
    {
        var sample = SampleNetwork.Create();
        var group = ThemeGroup.Start(sample.Network, "Kennisuitwisseling", "Leren", 4);
        var application = Application.Submit(sample.Network.Id, ApplicationTests.ValidForm(), DateTimeOffset.UnixEpoch);
        var meeting = Meeting.Schedule(sample.Network.Id, Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));

        AgendaPreparation.Prepare(meeting, sample.Network, [group], [application]);
        AgendaPreparation.Prepare(meeting, sample.Network, [group], [application]);

        Assert.Equal(2, meeting.Agenda.Sum(i => i.Topics.Count));
        Assert.True(meeting.HasTopic(AgendaTopicKind.Application, application.Id.Value));
    }

    [Fact]
    public void Preparing_with_another_networks_data_is_refused()
    {
        var sample = SampleNetwork.Create();
        var other = SampleNetwork.Create("99van-twente");
        var meeting = Meeting.Schedule(sample.Network.Id, Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));
        var foreignApplication = Application.Submit(other.Network.Id, ApplicationTests.ValidForm(), DateTimeOffset.UnixEpoch);

        ThrowsCode("Meeting.OtherSeries", () => AgendaPreparation.Prepare(meeting, other.Network, [], []));
        ThrowsCode("Meeting.OtherSeries", () => meeting.PutOnAgenda(foreignApplication));
        Assert.All(meeting.Agenda, i => Assert.Empty(i.Topics));
    }

    [Fact]
    public void An_application_put_on_an_agenda_whose_item_one_was_removed_brings_item_one_back()
    {
        var sample = SampleNetwork.Create();
        var meeting = Meeting.Schedule(sample.Network.Id, Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));
        meeting.RemoveAgendaItem(meeting.Agenda[0].Id);
        var application = Application.Submit(sample.Network.Id, ApplicationTests.ValidForm(), DateTimeOffset.UnixEpoch);

        meeting.PutOnAgenda(application);

        var restored = meeting.Agenda[^1];
        Assert.Equal(StandingItem.Applications, restored.Standing);
        Assert.Equal(StandingAgenda.TitleOf(StandingItem.Applications), restored.Title);
        Assert.Equal(application.CompanyName, Assert.Single(restored.Topics).Title);
        Assert.Equal(Enumerable.Range(0, 4), meeting.Agenda.Select(i => i.Position));
    }

    [Fact]
    public void Removing_a_topic_keeps_the_others_dense_and_an_unknown_topic_is_refused()
    {
        var sample = SampleNetwork.Create();
        var meeting = Meeting.Schedule(sample.Network.Id, Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));
        var groups = Enumerable.Range(1, 3).Select(i => ThemeGroup.Start(sample.Network, $"Groep {i}", "Doel", i)).ToList();
        AgendaPreparation.Prepare(meeting, sample.Network, groups, []);
        var item = meeting.Agenda.Single(i => i.Standing == StandingItem.ThemeGroupUpdates);

        meeting.RemoveTopic(item.Id, item.Topics[0].Id);

        Assert.Equal(["Groep 2", "Groep 3"], item.Topics.Select(t => t.Title));
        Assert.Equal([0, 1], item.Topics.Select(t => t.Position));
        ThrowsCode("Agenda.UnknownTopic", () => meeting.RemoveTopic(item.Id, Guid.NewGuid()));
    }

    [Fact]
    public void Topics_cannot_change_once_the_meeting_is_closed()
    {
        var sample = SampleNetwork.Create();
        var meeting = Meeting.Schedule(sample.Network.Id, Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));
        meeting.Close(Feb02.AddHours(1));

        ThrowsCode("Meeting.Closed", () => meeting.PutOnAgenda(Application.Submit(sample.Network.Id, ApplicationTests.ValidForm(), DateTimeOffset.UnixEpoch)));
        Assert.All(meeting.Agenda, i => Assert.Empty(i.Topics));
    }

    [Fact]
    public void An_item_holds_at_most_thirty_topics()
    {
        var sample = SampleNetwork.Create();
        var meeting = Meeting.Schedule(sample.Network.Id, Feb02, 60, MeetingMode.Phone, null, Feb02, D(Feb02));
        for (var i = 0; i < AgendaItem.MaxTopics; i++)
        {
            meeting.AddTopic(StandingItem.Applications, AgendaTopicKind.Application, Guid.NewGuid(), $"Bedrijf {i}", null);
        }

        ThrowsCode("Agenda.TooManyTopics", () => meeting.AddTopic(StandingItem.Applications, AgendaTopicKind.Application, Guid.NewGuid(), "Eén te veel", null));
        Assert.Equal(AgendaItem.MaxTopics, meeting.Agenda[0].Topics.Count);
    }

    // ---- Attendees ------------------------------------------------------------------------------

    [Fact]
    public void The_meeting_is_for_the_coordinator_and_the_active_core_group_members()
    {
        var sample = SampleNetwork.Create();
        var network = sample.Network;
        network.AssignRole(sample.Mechanic.Id, NetworkRole.CoreGroupMember, Today);
        network.AssignRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today);
        network.AssignRole(sample.Lawyer.Id, NetworkRole.Advisor, Today);

        Assert.Equal([sample.Coordinator.Name, sample.Baker.Name, sample.Mechanic.Name], network.CoreGroupAttendees().Select(p => p.Name));

        network.DeactivatePerson(sample.Mechanic.Id, DomainFixtures.Today);
        Assert.Equal([sample.Coordinator.Name, sample.Baker.Name], network.CoreGroupAttendees().Select(p => p.Name));
    }
}
