using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

/// <summary>
/// A meeting as people use it: the agenda against the clock (timeboxes, the running item's time left, running past the
/// end), carrying open actions over without duplicates, starting on another day, and the series after early closes.
/// </summary>
public class MeetingInUseTests
{
    private static readonly DateTime Start = new(2026, 2, 2, 8, 0, 0);

    /// <summary>08:00–09:15, with the four standing items.</summary>
    private static Meeting Schedule(NetworkId? networkId = null, DateTime? startsAt = null) =>
        Meeting.Schedule(networkId ?? NetworkId.New(), startsAt ?? Start, 75, MeetingMode.Phone, null, startsAt ?? Start);

    // ---- The agenda against the clock ---------------------------------------------------------------

    [Fact]
    public void The_predicted_end_is_the_start_plus_the_timeboxes_and_fits_a_meeting_it_fits()
    {
        var meeting = Schedule();
        foreach (var (item, minutes) in meeting.Agenda.Zip([20, 30, 10, 15]))
        {
            meeting.SetTimebox(item.Id, minutes);
        }

        var timing = meeting.Timing(Start.AddDays(-3));

        Assert.Equal(new DateTime(2026, 2, 2, 9, 15, 0), timing.PredictedEnd);
        Assert.Equal(meeting.EndsAt, timing.EndsAt);
        Assert.False(timing.RunsOver);
        Assert.Equal(0, timing.OverrunMinutes);
        Assert.Null(timing.CurrentItemLeft);
    }

    [Fact]
    public void An_agenda_longer_than_the_meeting_runs_over_by_the_minutes_it_exceeds()
    {
        var meeting = Schedule();
        meeting.SetTimebox(meeting.Agenda[1].Id, 60);
        var extra = meeting.AddAgendaItem("Werkbezoek");
        meeting.SetTimebox(extra.Id, 25);

        var timing = meeting.Timing(Start.AddDays(-1));

        // 10 + 60 + 10 + 10 + 25 = 115 minutes from 08:00: 09:55, forty minutes past 09:15.
        Assert.Equal(new DateTime(2026, 2, 2, 9, 55, 0), timing.PredictedEnd);
        Assert.True(timing.RunsOver);
        Assert.Equal(40, timing.OverrunMinutes);
    }

    [Fact]
    public void While_live_the_running_item_shows_its_time_left_and_a_running_over_item_pushes_the_end()
    {
        var meeting = Schedule();
        foreach (var item in meeting.Agenda)
        {
            meeting.SetTimebox(item.Id, 15);
        }

        meeting.Start(Start);
        meeting.MoveToItem(meeting.Agenda[1].Id, Start.AddMinutes(15));

        var early = meeting.Timing(Start.AddMinutes(20));
        Assert.Equal(TimeSpan.FromMinutes(10), early.CurrentItemLeft);
        Assert.False(early.CurrentItemOverTime);
        // Item 2 until 08:30, then items 3 and 4: 09:00.
        Assert.Equal(Start.AddMinutes(60), early.PredictedEnd);
        Assert.False(early.RunsOver);

        // Item 2 still going at 09:00: 30 minutes over its timebox; items 3 and 4 follow: 09:30, past 09:15.
        var late = meeting.Timing(Start.AddMinutes(60));
        Assert.Equal(TimeSpan.FromMinutes(-30), late.CurrentItemLeft);
        Assert.True(late.CurrentItemOverTime);
        Assert.Equal(Start.AddMinutes(90), late.PredictedEnd);
        Assert.True(late.RunsOver);
        Assert.Equal(15, late.OverrunMinutes);
    }

    [Fact]
    public void A_live_meeting_counts_discussed_items_no_more()
    {
        var meeting = Schedule();
        meeting.Start(Start);
        meeting.MoveToItem(meeting.Agenda[3].Id, Start.AddMinutes(50));

        var timing = meeting.Timing(Start.AddMinutes(52));

        // Items 1–3 are behind (item 1 discussed, 2 and 3 skipped stay to come): 08:50 + 10, then 2 × 10.
        Assert.True(meeting.Agenda[0].Discussed);
        Assert.Equal(Start.AddMinutes(80), timing.PredictedEnd);
        Assert.Equal(TimeSpan.FromMinutes(8), timing.CurrentItemLeft);
    }

    [Fact]
    public void Starting_on_another_day_than_the_meeting_is_told_apart_from_starting_on_its_day()
    {
        Assert.False(Meeting.IsOtherDay(Start, Start.AddHours(-2)));
        Assert.False(Meeting.IsOtherDay(Start, Start.AddHours(10)));
        Assert.True(Meeting.IsOtherDay(Start, Start.AddDays(-21)));
        Assert.True(Meeting.IsOtherDay(Start, Start.AddDays(1)));
    }

    // ---- Carrying over ---------------------------------------------------------------------------------

    [Fact]
    public void Open_actions_keep_their_identity_and_merge_into_one_item_over_several_closes()
    {
        var networkId = NetworkId.New();
        var first = Schedule(networkId);
        var flyer = first.AddActionItem(first.Agenda[2].Id, "Flyer maken", "Ayşe", null);
        var zaal = first.AddActionItem(first.Agenda[3].Id, "Zaal boeken", "Piet", null);
        first.Close(Start.AddHours(1));
        var second = Schedule(networkId, Start.AddDays(21));
        first.CarryOverTo(second);

        var holder = Assert.Single(second.Agenda, i => i.HoldsOpenActions);
        Assert.Equal([flyer.Id, zaal.Id], holder.ActionItems.Select(a => a.Id));

        // In the second meeting one is done and one is added; the holder itself is not discussed.
        second.SetActionDone(holder.Id, zaal.Id, true);
        var nieuwsbrief = second.AddActionItem(second.Agenda[2].Id, "Nieuwsbrief versturen", null, null);
        second.Close(Start.AddDays(21).AddHours(1));
        var third = Schedule(networkId, Start.AddDays(42));
        second.CarryOverTo(third);

        // One item of open actions, not one per close, and the old one is not carried along as an item of its own.
        var merged = Assert.Single(third.Agenda, i => i.HoldsOpenActions);
        Assert.Equal(5, third.Agenda.Count);
        Assert.Equal([flyer.Id, nieuwsbrief.Id], merged.ActionItems.Select(a => a.Id));
        Assert.All(merged.ActionItems, a => Assert.False(a.Done));
    }

    [Fact]
    public void An_item_of_open_actions_whose_actions_are_all_done_is_not_carried_over()
    {
        var networkId = NetworkId.New();
        var first = Schedule(networkId);
        var flyer = first.AddActionItem(first.Agenda[0].Id, "Flyer maken", null, null);
        first.Close(Start.AddHours(1));
        var second = Schedule(networkId, Start.AddDays(21));
        first.CarryOverTo(second);
        var holder = second.Agenda.Single(i => i.HoldsOpenActions);
        second.SetActionDone(holder.Id, flyer.Id, true);
        second.Close(Start.AddDays(21).AddHours(1));
        var third = Schedule(networkId, Start.AddDays(42));

        second.CarryOverTo(third);

        Assert.Equal(StandingAgenda.Items, third.Agenda.Select(i => i.Title));
        Assert.DoesNotContain(third.Agenda, i => i.HoldsOpenActions);
    }

    [Fact]
    public void Carrying_into_a_meeting_that_already_has_the_actions_adds_them_once_to_its_item_of_open_actions()
    {
        var networkId = NetworkId.New();
        var cancelled = Schedule(networkId);
        var flyer = cancelled.AddActionItem(cancelled.Agenda[0].Id, "Flyer maken", null, null);
        cancelled.Cancel();
        var next = Schedule(networkId, Start.AddDays(21));

        cancelled.CarryOverTo(next);
        cancelled.CarryOverTo(next);

        var holder = Assert.Single(next.Agenda, i => i.HoldsOpenActions);
        Assert.Equal(flyer.Id, Assert.Single(holder.ActionItems).Id);
    }

    [Fact]
    public void The_item_of_open_actions_given_a_title_of_the_group_is_theirs_from_then_on()
    {
        var networkId = NetworkId.New();
        var first = Schedule(networkId);
        first.AddActionItem(first.Agenda[0].Id, "Flyer maken", null, null);
        first.Close(Start.AddHours(1));
        var second = Schedule(networkId, Start.AddDays(21));
        first.CarryOverTo(second);
        var holder = second.Agenda.Single(i => i.HoldsOpenActions);

        second.RetitleAgendaItem(holder.Id, "Acties uit januari");

        Assert.False(second.Item(holder.Id).HoldsOpenActions);
        Assert.Equal("Acties uit januari", second.Item(holder.Id).Title);
    }

    // ---- The series after early closes -------------------------------------------------------------------

    [Fact]
    public void After_the_next_two_meetings_were_closed_early_the_series_plans_the_two_after_them()
    {
        var cadence = Cadence();
        var now = Today.ToDateTime(new TimeOnly(12, 0));
        var next = cadence.OccurrencesFrom(now).Take(4).ToList();
        List<DateOnly> taken = [DateOnly.FromDateTime(next[0]), DateOnly.FromDateTime(next[1])];

        // Before the fix only the next two occurrences were looked at: nothing was planned.
        Assert.Empty(MeetingSeries.ToPlan(cadence, taken, now));
        Assert.Equal([next[2], next[3]], MeetingSeries.ToPlan(cadence, taken, now, stillAhead: 0));
        Assert.Equal([next[2]], MeetingSeries.ToPlan(cadence, taken, now, stillAhead: 1));
        Assert.Empty(MeetingSeries.ToPlan(cadence, taken, now, stillAhead: 2));
    }

    [Fact]
    public void A_series_with_its_next_meetings_planned_plans_nothing_more()
    {
        var cadence = Cadence();
        var now = Today.ToDateTime(new TimeOnly(12, 0));
        var next = cadence.OccurrencesFrom(now).Take(2).ToList();

        Assert.Equal(next, MeetingSeries.ToPlan(cadence, [], now, stillAhead: 0));
        Assert.Empty(MeetingSeries.ToPlan(cadence, [.. next.Select(DateOnly.FromDateTime)], now, stillAhead: 2));
    }
}
