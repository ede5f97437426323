using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

/// <summary>
/// The live side of a meeting: sequence numbers, the current item and its timing, presenters,
/// timeboxes, notes, decisions, action items, closing and carrying over to the next meeting.
/// </summary>
public class MeetingLiveTests
{
    private static readonly DateTime Start = new(2026, 2, 2, 9, 0, 0);
    private static readonly DateOnly DueOn = new(2026, 2, 16);

    private static Meeting Schedule(NetworkId? networkId = null, DateTime? startsAt = null) =>
        Meeting.Schedule(networkId ?? NetworkId.New(), startsAt ?? Start, 60, MeetingMode.Video, "https://meet.example.nl/kerngroep", startsAt ?? Start);

    private static Meeting Live(DateTime? startedAt = null)
    {
        var meeting = Schedule();
        meeting.Start(startedAt ?? Start);
        return meeting;
    }

    // ---- A new meeting ------------------------------------------------------------------------

    [Fact]
    public void A_new_meeting_has_no_live_state_yet()
    {
        var meeting = Schedule();

        Assert.Null(meeting.StartedAt);
        Assert.Null(meeting.CurrentItemId);
        Assert.Null(meeting.CurrentItemStartedAt);
        Assert.Null(meeting.ClosedAt);
        Assert.All(meeting.Agenda, item =>
        {
            Assert.Null(item.Presenter);
            Assert.Null(item.TimeboxMinutes);
            Assert.Equal(string.Empty, item.Notes);
            Assert.False(item.Discussed);
            Assert.Empty(item.Decisions);
            Assert.Empty(item.ActionItems);
        });
    }

    // ---- Start, MoveToItem, Close -------------------------------------------------------------

    [Fact]
    public void Start_records_the_actual_start_and_makes_the_first_item_current()
    {
        var startedAt = Start.AddMinutes(4);
        var meeting = Schedule();
        var first = meeting.Agenda[0];

        meeting.Start(startedAt);

        Assert.Equal(MeetingStatus.Live, meeting.Status);
        Assert.Equal(startedAt, meeting.StartedAt);
        Assert.Equal(first.Id, meeting.CurrentItemId);
        Assert.Equal(startedAt, meeting.CurrentItemStartedAt);
        Assert.All(meeting.Agenda, item => Assert.False(item.Discussed));
    }

    [Fact]
    public void Start_makes_the_item_at_position_zero_current_after_a_reorder()
    {
        var meeting = Schedule();
        var extra = meeting.AddAgendaItem("Welkom");
        meeting.MoveAgendaItem(extra.Id, 0);

        meeting.Start(Start);

        Assert.Equal(extra.Id, meeting.CurrentItemId);
    }

    [Fact]
    public void Start_with_an_empty_agenda_has_no_current_item()
    {
        var meeting = Schedule();
        foreach (var item in meeting.Agenda)
        {
            meeting.RemoveAgendaItem(item.Id);
        }

        meeting.Start(Start);

        Assert.Equal(MeetingStatus.Live, meeting.Status);
        Assert.Equal(Start, meeting.StartedAt);
        Assert.Null(meeting.CurrentItemId);
        Assert.Null(meeting.CurrentItemStartedAt);
    }

    [Fact]
    public void MoveToItem_marks_the_item_left_behind_as_discussed_and_times_the_new_one()
    {
        var meeting = Live();
        var ids = meeting.Agenda.Select(i => i.Id).ToList();
        var movedAt = Start.AddMinutes(12);

        meeting.MoveToItem(ids[2], movedAt);

        Assert.Equal(ids[2], meeting.CurrentItemId);
        Assert.Equal(movedAt, meeting.CurrentItemStartedAt);
        Assert.Equal(Start, meeting.StartedAt);
        Assert.Equal([true, false, false, false], meeting.Agenda.Select(i => i.Discussed));
    }

    [Fact]
    public void Walking_through_the_agenda_marks_each_item_discussed_as_it_is_left()
    {
        var meeting = Live();
        var ids = meeting.Agenda.Select(i => i.Id).ToList();

        for (var i = 1; i < ids.Count; i++)
        {
            var at = Start.AddMinutes(10 * i);
            meeting.MoveToItem(ids[i], at);

            Assert.Equal(ids[i], meeting.CurrentItemId);
            Assert.Equal(at, meeting.CurrentItemStartedAt);
            Assert.Equal(ids.Select((_, index) => index < i), meeting.Agenda.Select(item => item.Discussed));
        }
    }

    [Fact]
    public void MoveToItem_to_the_current_item_does_not_mark_it_discussed()
    {
        var meeting = Live();
        var first = meeting.Agenda[0].Id;

        meeting.MoveToItem(first, Start.AddMinutes(3));

        Assert.Equal(first, meeting.CurrentItemId);
        Assert.All(meeting.Agenda, item => Assert.False(item.Discussed));
    }

    [Fact]
    public void Going_back_to_a_discussed_item_keeps_it_discussed_and_marks_the_one_left()
    {
        var meeting = Live();
        var ids = meeting.Agenda.Select(i => i.Id).ToList();
        meeting.MoveToItem(ids[1], Start.AddMinutes(10));

        meeting.MoveToItem(ids[0], Start.AddMinutes(20));

        Assert.Equal(ids[0], meeting.CurrentItemId);
        Assert.Equal(Start.AddMinutes(20), meeting.CurrentItemStartedAt);
        Assert.Equal([true, true, false, false], meeting.Agenda.Select(i => i.Discussed));
    }

    [Fact]
    public void MoveToItem_to_an_unknown_item_is_refused_and_changes_nothing()
    {
        var meeting = Live();
        var first = meeting.Agenda[0].Id;

        ThrowsCode("Meeting.UnknownItem", () => meeting.MoveToItem(AgendaItemId.New(), Start.AddMinutes(5)));

        Assert.Equal(first, meeting.CurrentItemId);
        Assert.Equal(Start, meeting.CurrentItemStartedAt);
        Assert.All(meeting.Agenda, item => Assert.False(item.Discussed));
    }

    [Theory]
    [InlineData(MeetingStatus.Planned)]
    [InlineData(MeetingStatus.Closed)]
    [InlineData(MeetingStatus.Cancelled)]
    public void MoveToItem_is_only_possible_while_live(MeetingStatus status)
    {
        var meeting = Schedule();
        var second = meeting.Agenda[1].Id;
        if (status == MeetingStatus.Closed)
        {
            meeting.Start(Start);
            meeting.Close(Start.AddHours(1));
        }
        else if (status == MeetingStatus.Cancelled)
        {
            meeting.Cancel();
        }

        ThrowsCode("Meeting.NotLive", () => meeting.MoveToItem(second, Start.AddMinutes(30)));

        Assert.Equal(status, meeting.Status);
        Assert.Null(meeting.CurrentItemId);
        Assert.Null(meeting.CurrentItemStartedAt);
        Assert.False(meeting.Agenda[1].Discussed);
    }

    [Fact]
    public void Close_marks_the_current_item_discussed_and_records_when()
    {
        var meeting = Live();
        var ids = meeting.Agenda.Select(i => i.Id).ToList();
        meeting.MoveToItem(ids[1], Start.AddMinutes(20));
        var closedAt = Start.AddMinutes(55);

        meeting.Close(closedAt);

        Assert.Equal(MeetingStatus.Closed, meeting.Status);
        Assert.Equal(closedAt, meeting.ClosedAt);
        Assert.Equal(Start, meeting.StartedAt);
        Assert.Null(meeting.CurrentItemId);
        Assert.Null(meeting.CurrentItemStartedAt);
        Assert.Equal([true, true, false, false], meeting.Agenda.Select(i => i.Discussed));
    }

    [Fact]
    public void Closing_a_meeting_that_never_went_live_discusses_nothing()
    {
        var meeting = Schedule();

        meeting.Close(Start.AddHours(2));

        Assert.Equal(MeetingStatus.Closed, meeting.Status);
        Assert.Equal(Start.AddHours(2), meeting.ClosedAt);
        Assert.Null(meeting.StartedAt);
        Assert.All(meeting.Agenda, item => Assert.False(item.Discussed));
    }

    [Fact]
    public void Removing_the_current_item_clears_the_current_item()
    {
        var meeting = Live();
        var ids = meeting.Agenda.Select(i => i.Id).ToList();

        meeting.RemoveAgendaItem(ids[0]);

        Assert.Null(meeting.CurrentItemId);
        Assert.Null(meeting.CurrentItemStartedAt);
        Assert.Equal(3, meeting.Agenda.Count);

        // With nothing current, moving on leaves no item behind and closing discusses nothing more.
        meeting.MoveToItem(ids[2], Start.AddMinutes(15));
        Assert.Equal(ids[2], meeting.CurrentItemId);
        Assert.All(meeting.Agenda, item => Assert.False(item.Discussed));
        meeting.Close(Start.AddMinutes(40));
        Assert.Equal([false, true, false], meeting.Agenda.Select(i => i.Discussed));
    }

    [Fact]
    public void Removing_another_item_keeps_the_current_item_and_its_timing()
    {
        var meeting = Live();
        var ids = meeting.Agenda.Select(i => i.Id).ToList();
        meeting.MoveToItem(ids[1], Start.AddMinutes(10));

        meeting.RemoveAgendaItem(ids[3]);

        Assert.Equal(ids[1], meeting.CurrentItemId);
        Assert.Equal(Start.AddMinutes(10), meeting.CurrentItemStartedAt);
    }

    // ---- PredictedEnd --------------------------------------------------------------------------

    [Fact]
    public void PredictedEnd_of_a_planned_meeting_counts_the_default_for_items_without_a_timebox()
    {
        var meeting = Schedule();

        Assert.Equal(Start.AddMinutes(4 * Meeting.DefaultItemMinutes), meeting.PredictedEnd);

        meeting.SetTimebox(meeting.Agenda[0].Id, 25);
        meeting.SetTimebox(meeting.Agenda[2].Id, 5);

        Assert.Equal(Start.AddMinutes(25 + Meeting.DefaultItemMinutes + 5 + Meeting.DefaultItemMinutes), meeting.PredictedEnd);
    }

    [Fact]
    public void PredictedEnd_follows_agenda_changes_and_cleared_timeboxes()
    {
        var meeting = Schedule();
        var extra = meeting.AddAgendaItem("Rondvraag");
        meeting.SetTimebox(extra.Id, 30);
        Assert.Equal(Start.AddMinutes((4 * Meeting.DefaultItemMinutes) + 30), meeting.PredictedEnd);

        meeting.SetTimebox(extra.Id, null);
        Assert.Equal(Start.AddMinutes(5 * Meeting.DefaultItemMinutes), meeting.PredictedEnd);

        meeting.RemoveAgendaItem(extra.Id);
        meeting.RemoveAgendaItem(meeting.Agenda[0].Id);
        Assert.Equal(Start.AddMinutes(3 * Meeting.DefaultItemMinutes), meeting.PredictedEnd);
    }

    [Fact]
    public void PredictedEnd_of_an_empty_agenda_is_the_start()
    {
        var meeting = Schedule();
        foreach (var item in meeting.Agenda)
        {
            meeting.RemoveAgendaItem(item.Id);
        }

        Assert.Equal(Start, meeting.PredictedEnd);
    }

    [Fact]
    public void PredictedEnd_of_a_live_meeting_counts_from_the_actual_start()
    {
        var late = Start.AddMinutes(7);
        var meeting = Schedule();
        meeting.SetTimebox(meeting.Agenda[1].Id, 20);

        meeting.Start(late);

        Assert.Equal(late.AddMinutes(20 + (3 * Meeting.DefaultItemMinutes)), meeting.PredictedEnd);
    }

    [Fact]
    public void PredictedEnd_moves_with_a_rescheduled_meeting()
    {
        var meeting = Schedule();
        var nextWeek = Start.AddDays(7).AddHours(1);

        meeting.Reschedule(nextWeek, 60, MeetingMode.InPerson, "Stadhuis", nextWeek);

        Assert.Equal(nextWeek.AddMinutes(4 * Meeting.DefaultItemMinutes), meeting.PredictedEnd);
    }

    // ---- Presenter, timebox, notes -------------------------------------------------------------

    [Fact]
    public void SetPresenter_trims_and_clears()
    {
        var meeting = Live();
        var item = meeting.Agenda[1];

        meeting.SetPresenter(item.Id, "  Ayşe Ünal ");
        Assert.Equal("Ayşe Ünal", item.Presenter);

        meeting.SetPresenter(item.Id, "   ");
        Assert.Null(item.Presenter);

        var longest = new string('p', AgendaItem.PresenterMaxLength);
        meeting.SetPresenter(item.Id, longest);
        Assert.Equal(longest, item.Presenter);

        meeting.SetPresenter(item.Id, null);
        Assert.Null(item.Presenter);
    }

    [Fact]
    public void SetPresenter_that_is_too_long_is_refused()
    {
        var meeting = Schedule();
        var item = meeting.Agenda[0];
        meeting.SetPresenter(item.Id, "Piet de Vries");

        ThrowsCode("Text.TooLong", () => meeting.SetPresenter(item.Id, new string('p', AgendaItem.PresenterMaxLength + 1)));

        Assert.Equal("Piet de Vries", item.Presenter);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(AgendaItem.MaxTimeboxMinutes)]
    public void SetTimebox_accepts_1_to_240_minutes(int minutes)
    {
        var meeting = Schedule();
        var item = meeting.Agenda[0];

        meeting.SetTimebox(item.Id, minutes);
        Assert.Equal(minutes, item.TimeboxMinutes);

        meeting.SetTimebox(item.Id, null);
        Assert.Null(item.TimeboxMinutes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(AgendaItem.MaxTimeboxMinutes + 1)]
    [InlineData(int.MaxValue)]
    public void SetTimebox_outside_1_to_240_minutes_is_refused(int minutes)
    {
        var meeting = Schedule();
        var item = meeting.Agenda[0];
        meeting.SetTimebox(item.Id, 20);

        ThrowsCode("Agenda.Timebox", () => meeting.SetTimebox(item.Id, minutes));

        Assert.Equal(20, item.TimeboxMinutes);
    }

    [Fact]
    public void SetNotes_accepts_exactly_20000_characters_and_keeps_them_verbatim()
    {
        var meeting = Live();
        var item = meeting.Agenda[0];
        var longest = new string('n', AgendaItem.NotesMaxLength);

        meeting.SetNotes(item.Id, longest);
        Assert.Equal(20_000, item.Notes.Length);
        Assert.Equal(longest, item.Notes);

        const string typed = "  - Bakkerij zoekt 2 plekken\n  - Garage: open dag op 14 maart\n";
        meeting.SetNotes(item.Id, typed);
        Assert.Equal(typed, item.Notes);

        meeting.SetNotes(item.Id, null);
        Assert.Equal(string.Empty, item.Notes);
    }

    [Fact]
    public void SetNotes_of_20001_characters_is_refused_and_keeps_the_old_notes()
    {
        var meeting = Live();
        var item = meeting.Agenda[0];
        meeting.SetNotes(item.Id, "Eerste aantekening");

        ThrowsCode("Text.TooLong", () => meeting.SetNotes(item.Id, new string('n', AgendaItem.NotesMaxLength + 1)));

        Assert.Equal("Eerste aantekening", item.Notes);
    }

    // ---- Decisions and action items ------------------------------------------------------------

    [Fact]
    public void RecordDecision_and_RemoveDecision()
    {
        var meeting = Live();
        var item = meeting.Agenda[0];
        var at = Start.AddMinutes(8);

        var first = meeting.RecordDecision(item.Id, "  Bakkerij Ünal wordt toegelaten. ", at);
        var second = meeting.RecordDecision(item.Id, "Garage De Vries wordt toegelaten.", at.AddMinutes(1));

        Assert.Equal("Bakkerij Ünal wordt toegelaten.", first.Text);
        Assert.Equal(at, first.RecordedAt);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal([first.Id, second.Id], item.Decisions.Select(d => d.Id));

        meeting.RemoveDecision(item.Id, first.Id);

        Assert.Equal(second.Id, Assert.Single(item.Decisions).Id);
        ThrowsCode("Agenda.UnknownDecision", () => meeting.RemoveDecision(item.Id, first.Id));
        ThrowsCode("Agenda.UnknownDecision", () => meeting.RemoveDecision(meeting.Agenda[1].Id, second.Id));
        Assert.Single(item.Decisions);
    }

    [Fact]
    public void A_decision_must_have_text_of_at_most_2000_characters()
    {
        var meeting = Live();
        var item = meeting.Agenda[0];

        ThrowsCode("Text.Required", () => meeting.RecordDecision(item.Id, "  ", Start));
        ThrowsCode("Text.TooLong", () => meeting.RecordDecision(item.Id, new string('d', Decision.TextMaxLength + 1), Start));
        Assert.Empty(item.Decisions);

        meeting.RecordDecision(item.Id, new string('d', Decision.TextMaxLength), Start);
        Assert.Single(item.Decisions);
    }

    [Fact]
    public void An_item_holds_at_most_20_decisions()
    {
        var meeting = Live();
        var item = meeting.Agenda[0];
        for (var i = 0; i < AgendaItem.MaxDecisions; i++)
        {
            meeting.RecordDecision(item.Id, $"Besluit {i}", Start);
        }

        ThrowsCode("Agenda.TooManyDecisions", () => meeting.RecordDecision(item.Id, "Eén te veel", Start));

        Assert.Equal(AgendaItem.MaxDecisions, item.Decisions.Count);
    }

    [Fact]
    public void AddActionItem_SetActionDone_and_RemoveActionItem()
    {
        var meeting = Live();
        var item = meeting.Agenda[2];

        var action = meeting.AddActionItem(item.Id, " Flyer maken ", " Ayşe ", DueOn);
        var anonymous = meeting.AddActionItem(item.Id, "Website bijwerken", "  ", null);

        Assert.Equal("Flyer maken", action.Text);
        Assert.Equal("Ayşe", action.Owner);
        Assert.Equal(DueOn, action.DueOn);
        Assert.False(action.Done);
        Assert.Null(anonymous.Owner);
        Assert.Null(anonymous.DueOn);
        Assert.Equal([action.Id, anonymous.Id], item.ActionItems.Select(a => a.Id));

        meeting.SetActionDone(item.Id, action.Id, true);
        Assert.True(action.Done);
        meeting.SetActionDone(item.Id, action.Id, false);
        Assert.False(action.Done);

        meeting.RemoveActionItem(item.Id, anonymous.Id);
        Assert.Equal(action.Id, Assert.Single(item.ActionItems).Id);
    }

    [Fact]
    public void Unknown_action_items_are_refused()
    {
        var meeting = Live();
        var item = meeting.Agenda[0];
        var action = meeting.AddActionItem(item.Id, "Flyer maken", null, null);
        var other = meeting.Agenda[1].Id;

        ThrowsCode("Agenda.UnknownAction", () => meeting.SetActionDone(item.Id, Guid.NewGuid(), true));
        ThrowsCode("Agenda.UnknownAction", () => meeting.RemoveActionItem(item.Id, Guid.NewGuid()));
        ThrowsCode("Agenda.UnknownAction", () => meeting.SetActionDone(other, action.Id, true));
        ThrowsCode("Agenda.UnknownAction", () => meeting.RemoveActionItem(other, action.Id));

        meeting.RemoveActionItem(item.Id, action.Id);
        ThrowsCode("Agenda.UnknownAction", () => meeting.RemoveActionItem(item.Id, action.Id));
        Assert.Empty(item.ActionItems);
    }

    [Fact]
    public void An_action_item_must_have_valid_text_and_owner()
    {
        var meeting = Live();
        var item = meeting.Agenda[0];

        ThrowsCode("Text.Required", () => meeting.AddActionItem(item.Id, " ", "Ayşe", null));
        ThrowsCode("Text.TooLong", () => meeting.AddActionItem(item.Id, new string('a', ActionItem.TextMaxLength + 1), null, null));
        ThrowsCode("Text.TooLong", () => meeting.AddActionItem(item.Id, "Flyer", new string('o', ActionItem.OwnerMaxLength + 1), null));

        Assert.Empty(item.ActionItems);
    }

    [Fact]
    public void An_item_holds_at_most_30_action_items()
    {
        var meeting = Live();
        var item = meeting.Agenda[0];
        for (var i = 0; i < AgendaItem.MaxActionItems; i++)
        {
            meeting.AddActionItem(item.Id, $"Actie {i}", null, null);
        }

        ThrowsCode("Agenda.TooManyActions", () => meeting.AddActionItem(item.Id, "Eén te veel", null, null));

        Assert.Equal(AgendaItem.MaxActionItems, item.ActionItems.Count);
    }

    [Theory]
    [InlineData("SetPresenter")]
    [InlineData("SetTimebox")]
    [InlineData("SetNotes")]
    [InlineData("RecordDecision")]
    [InlineData("RemoveDecision")]
    [InlineData("AddActionItem")]
    [InlineData("SetActionDone")]
    [InlineData("RemoveActionItem")]
    public void Item_changes_on_an_unknown_item_are_refused(string change)
    {
        var meeting = Live();

        ThrowsCode("Meeting.UnknownItem", () => Change(meeting, change, AgendaItemId.New(), Guid.NewGuid(), Guid.NewGuid()));
    }

    // ---- Closed and cancelled meetings do not change -------------------------------------------

    public static TheoryData<string> NewChanges => new()
    {
        "SetPresenter",
        "SetTimebox",
        "SetNotes",
        "RecordDecision",
        "RemoveDecision",
        "AddActionItem",
        "SetActionDone",
        "RemoveActionItem",
        "Close",
    };

    [Theory]
    [MemberData(nameof(NewChanges))]
    public void After_Close_every_live_change_is_refused(string change)
    {
        var (meeting, decision, action) = Prepared();
        var item = meeting.Agenda[0];
        meeting.Start(Start);
        var closedAt = Start.AddMinutes(50);
        meeting.Close(closedAt);

        ThrowsCode("Meeting.Closed", () => Change(meeting, change, item.Id, decision, action));

        Assert.Equal(MeetingStatus.Closed, meeting.Status);
        Assert.Equal(closedAt, meeting.ClosedAt);
        AssertPrepared(meeting, decision, action);
    }

    [Theory]
    [MemberData(nameof(NewChanges))]
    public void After_Cancel_every_live_change_is_refused(string change)
    {
        var (meeting, decision, action) = Prepared();
        var item = meeting.Agenda[0];
        meeting.Cancel();

        ThrowsCode("Meeting.Cancelled", () => Change(meeting, change, item.Id, decision, action));

        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Null(meeting.ClosedAt);
        AssertPrepared(meeting, decision, action);
    }

    [Fact]
    public void Closed_meeting_refuses_changes_before_checking_the_item()
    {
        var meeting = Live();
        meeting.Close(Start.AddHours(1));

        ThrowsCode("Meeting.Closed", () => meeting.SetNotes(AgendaItemId.New(), "x"));
        ThrowsCode("Meeting.Closed", () => meeting.RemoveDecision(meeting.Agenda[0].Id, Guid.NewGuid()));
    }

    // ---- Carry-over -----------------------------------------------------------------------------

    [Theory]
    [InlineData(MeetingStatus.Planned)]
    [InlineData(MeetingStatus.Live)]
    public void Only_a_closed_or_cancelled_meeting_carries_over(MeetingStatus status)
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        previous.AddAgendaItem("Rondvraag");
        previous.AddActionItem(previous.Agenda[0].Id, "Flyer maken", null, null);
        if (status == MeetingStatus.Live)
        {
            previous.Start(Start);
        }

        var next = Schedule(networkId, Start.AddDays(28));

        ThrowsCode("Meeting.NotClosed", () => previous.CarryOverTo(next));

        Assert.Equal(StandingAgenda.Items, next.Agenda.Select(i => i.Title));
    }

    [Fact]
    public void Carry_over_stays_within_the_network_and_never_into_the_same_meeting()
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        previous.AddAgendaItem("Rondvraag");
        previous.Close(Start.AddHours(1));
        var otherNetwork = Schedule(NetworkId.New(), Start.AddDays(28));

        ThrowsCode("Meeting.OtherSeries", () => previous.CarryOverTo(otherNetwork));
        ThrowsCode("Meeting.OtherSeries", () => previous.CarryOverTo(previous));

        Assert.Equal(StandingAgenda.Items, otherNetwork.Agenda.Select(i => i.Title));
        Assert.Equal(5, previous.Agenda.Count);
    }

    [Fact]
    public void Carry_over_skips_discussed_items_including_the_one_current_at_close()
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        var discussed = previous.AddAgendaItem("Jaarplan");
        var currentAtClose = previous.AddAgendaItem("Werkbezoek Garage De Vries");
        var untouched = previous.AddAgendaItem("Rondvraag");
        previous.Start(Start);
        previous.MoveToItem(discussed.Id, Start.AddMinutes(20));
        previous.MoveToItem(currentAtClose.Id, Start.AddMinutes(40));
        previous.Close(Start.AddMinutes(60));
        Assert.True(discussed.Discussed);
        Assert.True(currentAtClose.Discussed);
        Assert.False(untouched.Discussed);
        var next = Schedule(networkId, Start.AddDays(28));

        previous.CarryOverTo(next);

        var carried = Assert.Single(next.Agenda, i => !i.IsStanding);
        Assert.Equal("Rondvraag", carried.Title);
        Assert.NotEqual(untouched.Id, carried.Id);
        Assert.False(carried.Discussed);
        Assert.Equal(4, carried.Position);
    }

    [Fact]
    public void Carried_item_keeps_its_presenter_timebox_and_notes_but_not_its_decisions()
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        var left = previous.AddAgendaItem("Werkbezoek Garage De Vries");
        previous.SetPresenter(left.Id, "Piet de Vries");
        previous.SetTimebox(left.Id, 25);
        previous.SetNotes(left.Id, "Datum nog prikken.\nMaximaal 12 deelnemers.");
        previous.RecordDecision(left.Id, "We gaan op werkbezoek.", Start);
        previous.Start(Start);
        previous.Close(Start.AddMinutes(60));
        var next = Schedule(networkId, Start.AddDays(28));

        previous.CarryOverTo(next);

        Assert.Equal(5, next.Agenda.Count);
        var carried = next.Agenda[4];
        Assert.Equal("Werkbezoek Garage De Vries", carried.Title);
        Assert.False(carried.IsStanding);
        Assert.False(carried.Discussed);
        Assert.NotEqual(left.Id, carried.Id);
        Assert.Equal("Piet de Vries", carried.Presenter);
        Assert.Equal(25, carried.TimeboxMinutes);
        Assert.Equal("Datum nog prikken.\nMaximaal 12 deelnemers.", carried.Notes);
        Assert.Empty(carried.Decisions);
        Assert.Empty(carried.ActionItems);
    }

    [Fact]
    public void Carry_over_keeps_the_agenda_order_of_the_carried_items()
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        var a = previous.AddAgendaItem("A");
        previous.AddAgendaItem("B");
        previous.AddAgendaItem("C");
        previous.MoveAgendaItem(a.Id, 6);
        previous.Close(Start.AddHours(1));
        var next = Schedule(networkId, Start.AddDays(28));

        previous.CarryOverTo(next);

        Assert.Equal(["B", "C", "A"], next.Agenda.Where(i => !i.IsStanding).Select(i => i.Title));
        Assert.Equal(Enumerable.Range(0, 7), next.Agenda.Select(i => i.Position));
    }

    [Fact]
    public void Standing_items_are_not_duplicated_even_when_undiscussed()
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        previous.SetNotes(previous.Agenda[3].Id, "Nog niet besproken");
        previous.Close(Start.AddHours(1));
        Assert.All(previous.Agenda, item => Assert.False(item.Discussed));
        var next = Schedule(networkId, Start.AddDays(28));

        previous.CarryOverTo(next);

        Assert.Equal(StandingAgenda.Items, next.Agenda.Select(i => i.Title));
        Assert.All(next.Agenda, item => Assert.Equal(string.Empty, item.Notes));
    }

    [Fact]
    public void Carry_over_adds_one_item_with_copies_of_the_open_actions_only()
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        var standing = previous.Agenda[0].Id;
        var custom = previous.AddAgendaItem("Jaarplan");
        var open = previous.AddActionItem(standing, "Flyer maken", "Ayşe", DueOn);
        var done = previous.AddActionItem(standing, "Zaal boeken", "Piet", null);
        var openOnCustom = previous.AddActionItem(custom.Id, "Begroting opstellen", null, null);
        previous.Start(Start);
        previous.SetActionDone(standing, done.Id, true);
        previous.MoveToItem(custom.Id, Start.AddMinutes(30));
        previous.Close(Start.AddMinutes(60));
        var next = Schedule(networkId, Start.AddDays(28));

        using (UiCulture.Dutch())
        {
            previous.CarryOverTo(next);
        }

        Assert.Equal(5, next.Agenda.Count);
        var actions = next.Agenda[4];
        Assert.Equal("Openstaande actiepunten van het vorige overleg", actions.Title);
        Assert.False(actions.IsStanding);
        Assert.Equal([open.Text, openOnCustom.Text], actions.ActionItems.Select(a => a.Text));
        Assert.Equal([open.Owner, openOnCustom.Owner], actions.ActionItems.Select(a => a.Owner));
        Assert.Equal([open.DueOn, openOnCustom.DueOn], actions.ActionItems.Select(a => a.DueOn));
        Assert.All(actions.ActionItems, a => Assert.False(a.Done));
        // Each keeps its identity, so a card made from it on a board stays linked in the next meeting.
        Assert.Equal([open.Id, openOnCustom.Id], actions.ActionItems.Select(a => a.Id));
        Assert.True(actions.HoldsOpenActions);
        Assert.DoesNotContain(next.Agenda.SelectMany(i => i.ActionItems), a => a.Text == done.Text);
        Assert.All(next.Agenda.Take(4), item => Assert.Empty(item.ActionItems));
    }

    [Fact]
    public void Open_actions_item_is_titled_in_the_current_language()
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        previous.AddActionItem(previous.Agenda[0].Id, "Flyer maken", null, null);
        previous.Close(Start.AddHours(1));
        var next = Schedule(networkId, Start.AddDays(28));

        using (UiCulture.English())
        {
            previous.CarryOverTo(next);
        }

        Assert.Equal("Open action items of the previous meeting", next.Agenda[^1].Title);
    }

    [Fact]
    public void No_open_actions_item_is_added_when_every_action_is_done()
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        var rondvraag = previous.AddAgendaItem("Rondvraag");
        var action = previous.AddActionItem(rondvraag.Id, "Flyer maken", null, null);
        previous.SetActionDone(rondvraag.Id, action.Id, true);
        previous.Close(Start.AddHours(1));
        var next = Schedule(networkId, Start.AddDays(28));

        previous.CarryOverTo(next);

        Assert.Equal([.. StandingAgenda.Items, "Rondvraag"], next.Agenda.Select(i => i.Title));
        Assert.All(next.Agenda, item => Assert.Empty(item.ActionItems));
    }

    [Fact]
    public void Carry_over_of_a_fully_discussed_meeting_without_open_actions_adds_nothing()
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        var extra = previous.AddAgendaItem("Jaarplan");
        previous.Start(Start);
        previous.MoveToItem(extra.Id, Start.AddMinutes(30));
        previous.Close(Start.AddMinutes(60));
        var next = Schedule(networkId, Start.AddDays(28));

        previous.CarryOverTo(next);

        Assert.Equal(StandingAgenda.Items, next.Agenda.Select(i => i.Title));
    }

    [Fact]
    public void Carry_over_into_a_rescheduled_meeting_works()
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        var left = previous.AddAgendaItem("Werkbezoek");
        previous.SetTimebox(left.Id, 45);
        previous.AddActionItem(left.Id, "Datum prikken", "Piet", DueOn);
        previous.Close(Start.AddHours(1));
        var next = Schedule(networkId, Start.AddDays(28));
        var moved = Start.AddDays(35).AddHours(5);
        next.Reschedule(moved, 60, MeetingMode.InPerson, "Stadhuis, zaal 2", moved);

        previous.CarryOverTo(next);

        Assert.Equal(moved, next.StartsAt);
        Assert.Equal(MeetingStatus.Planned, next.Status);
        Assert.Equal(6, next.Agenda.Count);
        Assert.Equal("Werkbezoek", next.Agenda[4].Title);
        Assert.Equal(45, next.Agenda[4].TimeboxMinutes);
        Assert.Equal("Datum prikken", Assert.Single(next.Agenda[5].ActionItems).Text);
        Assert.Equal(moved.AddMinutes(45 + (5 * Meeting.DefaultItemMinutes)), next.PredictedEnd);
    }

    [Theory]
    [InlineData(MeetingStatus.Closed, "Meeting.Closed")]
    [InlineData(MeetingStatus.Cancelled, "Meeting.Cancelled")]
    public void Carry_over_into_a_closed_or_cancelled_meeting_is_refused(MeetingStatus status, string code)
    {
        var networkId = NetworkId.New();
        var previous = Schedule(networkId);
        previous.AddAgendaItem("Rondvraag");
        previous.Close(Start.AddHours(1));
        var next = Schedule(networkId, Start.AddDays(28));
        if (status == MeetingStatus.Closed)
        {
            next.Close(Start.AddDays(28).AddHours(1));
        }
        else
        {
            next.Cancel();
        }

        ThrowsCode(code, () => previous.CarryOverTo(next));

        Assert.Equal(StandingAgenda.Items, next.Agenda.Select(i => i.Title));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /// <summary>A planned meeting whose first item has a presenter, timebox, notes, a decision and an action.</summary>
    [Fact]
    public void CarryOver_of_more_open_actions_than_one_item_holds_spreads_them_over_several_items()
    {
        var closed = Schedule();
        var networkId = closed.NetworkId;
        for (var i = 0; i < 35; i++)
        {
            closed.AddActionItem(closed.Agenda[i / AgendaItem.MaxActionItems].Id, $"Actie {i}", "Sanne", DueOn);
        }

        closed.Close(Start.AddHours(1));
        var next = Schedule(networkId, Start.AddDays(21));

        closed.CarryOverTo(next);

        var holders = next.Agenda.Where(i => i.ActionItems.Count > 0).ToList();
        Assert.Equal(2, holders.Count);
        Assert.Equal(35, holders.Sum(h => h.ActionItems.Count));
        Assert.All(holders, h => Assert.True(h.ActionItems.Count <= AgendaItem.MaxActionItems));
    }

    [Fact]
    public void CarryOver_into_a_meeting_without_room_changes_nothing()
    {
        var closed = Schedule();
        closed.AddAgendaItem("Niet besproken A");
        closed.AddAgendaItem("Niet besproken B");
        closed.Close(Start.AddHours(1));
        var next = Schedule(closed.NetworkId, Start.AddDays(21));
        while (next.Agenda.Count < Meeting.MaxAgendaItems - 1)
        {
            next.AddAgendaItem("Vol");
        }

        var before = next.Agenda.Select(i => i.Title).ToList();

        ThrowsCode("Meeting.AgendaFull", () => closed.CarryOverTo(next));
        Assert.Equal(before, next.Agenda.Select(i => i.Title));
    }

    [Fact]
    public void MoveToItem_to_the_current_item_keeps_its_clock_running()
    {
        var meeting = Live(Start);
        var first = meeting.Agenda[0].Id;

        meeting.MoveToItem(first, Start.AddMinutes(7));

        Assert.Equal(first, meeting.CurrentItemId);
        Assert.Equal(Start, meeting.CurrentItemStartedAt);
        Assert.False(meeting.Agenda[0].Discussed);
    }

    private static (Meeting Meeting, Guid Decision, Guid Action) Prepared()
    {
        var meeting = Schedule();
        var item = meeting.Agenda[0].Id;
        meeting.SetPresenter(item, "Coco");
        meeting.SetTimebox(item, 15);
        meeting.SetNotes(item, "Aantekening");
        var decision = meeting.RecordDecision(item, "Besluit", Start);
        var action = meeting.AddActionItem(item, "Actie", "Piet", DueOn);
        return (meeting, decision.Id, action.Id);
    }

    private static void AssertPrepared(Meeting meeting, Guid decision, Guid action)
    {
        var item = meeting.Agenda[0];
        Assert.Equal(4, meeting.Agenda.Count);
        Assert.Equal("Coco", item.Presenter);
        Assert.Equal(15, item.TimeboxMinutes);
        Assert.Equal("Aantekening", item.Notes);
        Assert.Equal(decision, Assert.Single(item.Decisions).Id);
        var remaining = Assert.Single(item.ActionItems);
        Assert.Equal(action, remaining.Id);
        Assert.False(remaining.Done);
    }

    private static void Change(Meeting meeting, string change, AgendaItemId item, Guid decision, Guid action)
    {
        switch (change)
        {
            case "SetPresenter":
                meeting.SetPresenter(item, "Ayşe");
                break;
            case "SetTimebox":
                meeting.SetTimebox(item, 30);
                break;
            case "SetNotes":
                meeting.SetNotes(item, "Nieuwe aantekening");
                break;
            case "RecordDecision":
                meeting.RecordDecision(item, "Nog een besluit", Start);
                break;
            case "RemoveDecision":
                meeting.RemoveDecision(item, decision);
                break;
            case "AddActionItem":
                meeting.AddActionItem(item, "Nog een actie", null, null);
                break;
            case "SetActionDone":
                meeting.SetActionDone(item, action, true);
                break;
            case "RemoveActionItem":
                meeting.RemoveActionItem(item, action);
                break;
            case "Close":
                meeting.Close(Start.AddHours(3));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }
}
