using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

public class MeetingTests
{
    private static readonly DateTime Start = new(2026, 2, 2, 9, 0, 0);

    private static Meeting Schedule() => Meeting.Schedule(NetworkId.New(), Start, 60, MeetingMode.Phone, "Inbellen: 030 123 4567", Start);

    private static void AssertDense(Meeting meeting) =>
        Assert.Equal(Enumerable.Range(0, meeting.Agenda.Count), meeting.Agenda.Select(i => i.Position));

    [Fact]
    public void Schedule_creates_the_four_standing_items_in_order()
    {
        var networkId = NetworkId.New();

        var meeting = Meeting.Schedule(networkId, Start, 90, MeetingMode.Video, "  https://meet.example.nl/kerngroep ", Start);

        Assert.Equal(networkId, meeting.NetworkId);
        Assert.Equal(MeetingStatus.Planned, meeting.Status);
        Assert.True(meeting.IsEditable);
        Assert.Equal(Start.AddMinutes(90), meeting.EndsAt);
        Assert.Equal("https://meet.example.nl/kerngroep", meeting.ModeDetails);
        Assert.Equal(4, meeting.Agenda.Count);
        Assert.Equal(StandingAgenda.Items, meeting.Agenda.Select(i => i.Title));
        Assert.Equal([0, 1, 2, 3], meeting.Agenda.Select(i => i.Position));
        Assert.All(meeting.Agenda, i => Assert.True(i.IsStanding));
        Assert.Equal(4, meeting.Agenda.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void Schedule_keeps_the_local_time_without_a_kind()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), new DateTime(2026, 2, 2, 9, 0, 0, DateTimeKind.Utc), 60, MeetingMode.InPerson, null, new DateTime(2026, 2, 2, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal(DateTimeKind.Unspecified, meeting.StartsAt.Kind);
        Assert.Equal(9, meeting.StartsAt.Hour);
        Assert.Null(meeting.ModeDetails);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(481)]
    public void Schedule_refuses_a_duration_outside_15_minutes_to_8_hours(int minutes)
    {
        ThrowsCode("Cadence.Duration", () => Meeting.Schedule(NetworkId.New(), Start, minutes, MeetingMode.Phone, null, Start));
    }

    [Fact]
    public void AddAgendaItem_appends_a_trimmed_item_at_the_end()
    {
        var meeting = Schedule();

        var item = meeting.AddAgendaItem("  Rondvraag ");

        Assert.Equal("Rondvraag", item.Title);
        Assert.Equal(4, item.Position);
        Assert.False(item.IsStanding);
        Assert.Same(item, meeting.Agenda[^1]);
        AssertDense(meeting);
    }

    [Fact]
    public void RetitleAgendaItem_changes_only_the_title()
    {
        var meeting = Schedule();
        var item = meeting.Agenda[1];

        meeting.RetitleAgendaItem(item.Id, " Updates themagroepen ");

        Assert.Equal("Updates themagroepen", meeting.Agenda[1].Title);
        Assert.Equal(item.Id, meeting.Agenda[1].Id);
        AssertDense(meeting);
    }

    [Fact]
    public void RemoveAgendaItem_closes_the_gap_and_keeps_the_order()
    {
        var meeting = Schedule();
        var extra = meeting.AddAgendaItem("Rondvraag");
        var before = meeting.Agenda.Select(i => i.Id).ToList();

        meeting.RemoveAgendaItem(before[1]);

        Assert.Equal(before.Where((_, index) => index != 1), meeting.Agenda.Select(i => i.Id));
        Assert.Equal(3, extra.Position);
        AssertDense(meeting);
        ThrowsCode("Meeting.UnknownItem", () => meeting.RemoveAgendaItem(before[1]));
    }

    [Theory]
    [InlineData(0, 3, new[] { 1, 2, 3, 0 })]
    [InlineData(3, 0, new[] { 3, 0, 1, 2 })]
    [InlineData(1, 2, new[] { 0, 2, 1, 3 })]
    [InlineData(2, 2, new[] { 0, 1, 2, 3 })]
    public void MoveAgendaItem_shifts_the_others(int from, int to, int[] expectedOrder)
    {
        var meeting = Schedule();
        var ids = meeting.Agenda.Select(i => i.Id).ToList();

        meeting.MoveAgendaItem(ids[from], to);

        Assert.Equal(expectedOrder.Select(i => ids[i]), meeting.Agenda.Select(i => i.Id));
        AssertDense(meeting);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public void MoveAgendaItem_out_of_range_is_refused(int position)
    {
        var meeting = Schedule();
        var ids = meeting.Agenda.Select(i => i.Id).ToList();

        ThrowsCode("Meeting.PositionOutOfRange", () => meeting.MoveAgendaItem(ids[0], position));

        Assert.Equal(ids, meeting.Agenda.Select(i => i.Id));
        AssertDense(meeting);
    }

    [Fact]
    public void Unknown_agenda_items_are_refused()
    {
        var meeting = Schedule();

        ThrowsCode("Meeting.UnknownItem", () => meeting.MoveAgendaItem(AgendaItemId.New(), 0));
        ThrowsCode("Meeting.UnknownItem", () => meeting.RetitleAgendaItem(AgendaItemId.New(), "Titel"));
        ThrowsCode("Meeting.UnknownItem", () => meeting.RemoveAgendaItem(AgendaItemId.New()));
    }

    [Fact]
    public void Many_random_agenda_changes_keep_positions_dense_unique_and_in_the_expected_order()
    {
        var random = new Random(20260202);
        var meeting = Schedule();
        var expected = meeting.Agenda.Select(i => i.Id).ToList();

        for (var step = 0; step < 1_000; step++)
        {
            var operation = random.Next(4);
            if (expected.Count == 0 || (operation == 0 && expected.Count < Meeting.MaxAgendaItems))
            {
                expected.Add(meeting.AddAgendaItem($"Punt {step}").Id);
            }
            else if (operation == 1 && expected.Count > 1)
            {
                var victim = expected[random.Next(expected.Count)];
                meeting.RemoveAgendaItem(victim);
                expected.Remove(victim);
            }
            else if (operation == 2)
            {
                meeting.RetitleAgendaItem(expected[random.Next(expected.Count)], $"Hernoemd {step}");
            }
            else
            {
                var moved = expected[random.Next(expected.Count)];
                var target = random.Next(expected.Count);
                meeting.MoveAgendaItem(moved, target);
                expected.Remove(moved);
                expected.Insert(target, moved);
            }

            var agenda = meeting.Agenda;
            Assert.Equal(Enumerable.Range(0, agenda.Count), agenda.Select(i => i.Position));
            Assert.Equal(expected, agenda.Select(i => i.Id));
        }
    }

    [Fact]
    public void AddAgendaItem_beyond_the_maximum_is_refused()
    {
        var meeting = Schedule();
        while (meeting.Agenda.Count < Meeting.MaxAgendaItems)
        {
            meeting.AddAgendaItem("Punt");
        }

        ThrowsCode("Meeting.AgendaFull", () => meeting.AddAgendaItem("Eén te veel"));
        Assert.Equal(Meeting.MaxAgendaItems, meeting.Agenda.Count);
    }

    public static TheoryData<string?, string> BadTitles => new()
    {
        { "", "Text.Required" },
        { "   ", "Text.Required" },
        { null, "Text.Required" },
        { new string('t', AgendaItem.TitleMaxLength + 1), "Text.TooLong" },
    };

    [Theory]
    [MemberData(nameof(BadTitles))]
    public void A_title_that_is_empty_or_too_long_is_refused(string? title, string code)
    {
        var meeting = Schedule();
        var first = meeting.Agenda[0];

        ThrowsCode(code, () => meeting.AddAgendaItem(title!));
        ThrowsCode(code, () => meeting.RetitleAgendaItem(first.Id, title!));

        Assert.Equal(4, meeting.Agenda.Count);
        Assert.Equal(StandingAgenda.Items[0], meeting.Agenda[0].Title);
    }

    [Fact]
    public void A_title_of_the_maximum_length_is_accepted()
    {
        var title = new string('t', AgendaItem.TitleMaxLength);

        Assert.Equal(title, Schedule().AddAgendaItem(title).Title);
    }

    [Theory]
    [InlineData("Add")]
    [InlineData("Retitle")]
    [InlineData("Remove")]
    [InlineData("Move")]
    [InlineData("Reschedule")]
    [InlineData("Close")]
    public void After_Close_every_agenda_change_is_refused(string change)
    {
        var meeting = Schedule();
        meeting.Start(Start);
        meeting.Close(Start.AddHours(1));

        ThrowsCode("Meeting.Closed", () => Change(meeting, change));

        Assert.Equal(MeetingStatus.Closed, meeting.Status);
        Assert.False(meeting.IsEditable);
        Assert.Equal(StandingAgenda.Items, meeting.Agenda.Select(i => i.Title));
        Assert.Equal(Start, meeting.StartsAt);
    }

    [Theory]
    [InlineData("Add")]
    [InlineData("Retitle")]
    [InlineData("Remove")]
    [InlineData("Move")]
    [InlineData("Reschedule")]
    [InlineData("Close")]
    public void After_Cancel_every_agenda_change_is_refused(string change)
    {
        var meeting = Schedule();
        meeting.Cancel();

        ThrowsCode("Meeting.Cancelled", () => Change(meeting, change));

        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Equal(StandingAgenda.Items, meeting.Agenda.Select(i => i.Title));
    }

    [Fact]
    public void A_live_meeting_can_still_change_its_agenda_and_then_close()
    {
        var meeting = Schedule();
        meeting.Start(Start);

        meeting.AddAgendaItem("Rondvraag");
        meeting.Close(Start.AddHours(1));

        Assert.Equal(5, meeting.Agenda.Count);
        Assert.Equal(MeetingStatus.Closed, meeting.Status);
    }

    [Fact]
    public void Cancel_is_only_possible_while_planned()
    {
        var planned = Schedule();
        planned.Cancel();
        Assert.Equal(MeetingStatus.Cancelled, planned.Status);
        ThrowsCode("Meeting.NotPlanned", planned.Cancel);

        var live = Schedule();
        live.Start(Start);
        ThrowsCode("Meeting.NotPlanned", live.Cancel);
        Assert.Equal(MeetingStatus.Live, live.Status);

        var closed = Schedule();
        closed.Close(Start.AddHours(1));
        ThrowsCode("Meeting.NotPlanned", closed.Cancel);
        Assert.Equal(MeetingStatus.Closed, closed.Status);
    }

    [Fact]
    public void Start_twice_is_refused()
    {
        var meeting = Schedule();
        meeting.Start(Start);

        ThrowsCode("Meeting.NotPlanned", () => meeting.Start(Start));
        Assert.Equal(MeetingStatus.Live, meeting.Status);
    }

    [Fact]
    public void Start_after_cancel_is_refused()
    {
        var meeting = Schedule();
        meeting.Cancel();

        ThrowsCode("Meeting.NotPlanned", () => meeting.Start(Start));
        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
    }

    [Fact]
    public void Reschedule_moves_a_planned_meeting()
    {
        var meeting = Schedule();
        var later = Start.AddDays(7);

        meeting.Reschedule(later, 90, MeetingMode.InPerson, " Stadhuis, zaal 2 ", later);

        Assert.Equal(later, meeting.StartsAt);
        Assert.Equal(MeetingMode.InPerson, meeting.Mode);
        Assert.Equal("Stadhuis, zaal 2", meeting.ModeDetails);
        ThrowsCode("Text.TooLong", () => meeting.Reschedule(later, 60, MeetingMode.Video, new string('x', Meeting.ModeDetailsMaxLength + 1), later));
    }

    [Fact]
    public void Closed_message_is_translated_into_Dutch_and_English()
    {
        var meeting = Schedule();
        meeting.Close(Start.AddHours(1));

        using (UiCulture.Dutch())
        {
            Assert.Equal("Dit overleg is gesloten; de agenda kan niet meer veranderen.",
                ThrowsCode("Meeting.Closed", () => meeting.AddAgendaItem("Rondvraag")).Message);
        }

        using (UiCulture.English())
        {
            Assert.Equal("This meeting is closed; its agenda can no longer change.",
                ThrowsCode("Meeting.Closed", () => meeting.AddAgendaItem("Rondvraag")).Message);
        }
    }

    private static void Change(Meeting meeting, string change)
    {
        var first = meeting.Agenda[0].Id;
        switch (change)
        {
            case "Add":
                meeting.AddAgendaItem("Rondvraag");
                break;
            case "Retitle":
                meeting.RetitleAgendaItem(first, "Nieuwe titel");
                break;
            case "Remove":
                meeting.RemoveAgendaItem(first);
                break;
            case "Move":
                meeting.MoveAgendaItem(first, 3);
                break;
            case "Reschedule":
                meeting.Reschedule(Start.AddDays(1), 60, MeetingMode.Video, null, Start.AddDays(1));
                break;
            case "Close":
                meeting.Close(Start.AddHours(1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }
}
