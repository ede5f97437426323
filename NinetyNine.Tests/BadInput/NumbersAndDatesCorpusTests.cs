using Microsoft.Extensions.Time.Testing;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Domain.ThemeGroups;
using NinetyNine.Tests.Domain;
using NinetyNine.Web.Features.Boards;
using Application = NinetyNine.Domain.Applications.Application;

namespace NinetyNine.Tests.BadInput;

/// <summary>
/// Negative and huge numbers, and dates at and beyond the sane range (<see cref="DateRules"/>), against the aggregates
/// and validators that take them: refused with a message, or stored as given; never another exception.
/// </summary>
public sealed class NumbersAndDatesCorpusTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Start);
    private static readonly PersonId Someone = PersonId.New();

    private static Meeting NewMeeting() => Meeting.Schedule(NetworkId.New(), Start, 60, MeetingMode.Phone, null, Start);

    private static Board NewBoard() => Board.Open(ThemeGroup.Start(DomainFixtures.FoundNetwork(), "Groep", "", 0));

    /// <summary>Each takes a number and returns what was stored (null when the method stores no number to compare).</summary>
    private static readonly Dictionary<string, Func<int, int?>> NumberTargets = new()
    {
        ["Application.Submit employees"] = n =>
        {
            var form = ApplicationTests.ValidForm();
            form.Employees = n;
            return Application.Submit(NetworkId.New(), form, Now).Employees;
        },
        ["Network.RecordJobs ambition"] = n =>
        {
            var sample = SampleNetwork.Create();
            sample.Network.RecordJobs(sample.Bakery.Id, n, 0);
            return sample.Bakery.JobsAmbition;
        },
        ["Network.RecordJobs realised"] = n =>
        {
            var sample = SampleNetwork.Create();
            sample.Network.RecordJobs(sample.Bakery.Id, 0, n);
            return sample.Bakery.JobsRealised;
        },
        ["Network.AddEmployer ambition"] = n => SampleNetwork.Create().Network.AddEmployer("Bouw", KvkNumber.Parse("11112222"), "Bouw", "Almelo", Today, n).JobsAmbition,
        ["Meeting.SetTimebox"] = n =>
        {
            var meeting = NewMeeting();
            meeting.SetTimebox(meeting.Agenda[0].Id, n);
            return meeting.Agenda[0].TimeboxMinutes;
        },
        ["Meeting.Schedule duration"] = n => Meeting.Schedule(NetworkId.New(), Start, n, MeetingMode.Phone, null, Start).DurationMinutes,
        ["Meeting.MoveAgendaItem"] = n =>
        {
            var meeting = NewMeeting();
            var item = meeting.Agenda[0];
            meeting.MoveAgendaItem(item.Id, n);
            return meeting.Item(item.Id).Position;
        },
        ["Board.MoveCard"] = n =>
        {
            var board = NewBoard();
            var card = board.AddCard(board.Columns[0].Id, CardFields.New("Kaart"), Someone, Now);
            board.MoveCard(card.Id, board.Columns[1].Id, n);
            return null; // An index beyond either end puts the card at that end.
        },
        ["Board.MoveColumn"] = n =>
        {
            var board = NewBoard();
            board.MoveColumn(board.Columns[0].Id, n);
            return null;
        },
        ["Board.AddCard funding amount"] = n =>
        {
            var board = NewBoard();
            var fields = CardFields.New("Kaart") with { Funding = FundingStatus.BeingArranged, FundingAmount = n };
            return (int?)board.AddCard(board.Columns[0].Id, fields, Someone, Now).Fields.FundingAmount;
        },
        ["StatusReport.Write jobs"] = n =>
            StatusReport.Write(ThemeGroup.Start(DomainFixtures.FoundNetwork(), "Groep", "", 0), GroupStatus.OnTrack, "Op koers.", null, n, Someone, "Joost", Now).JobsCreated,
        ["TemplateStep due after days"] = n => new TemplateStep("Stap", "", StepOwner.Coordinator, n).DueAfterDays,
        ["OnboardingChecklist.Tick step"] = n =>
        {
            var networkId = NetworkId.New();
            var checklist = OnboardingChecklist.Start(OnboardingTemplate.Default(networkId, Now), networkId, EmployerId.New(), null, Today,
                new Dictionary<StepOwner, PersonId>(), Now);
            checklist.Tick(n, Someone, Now);
            return null;
        },
    };

    public static TheoryData<string, int> NumberCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var target in NumberTargets.Keys)
        {
            foreach (var n in BadInputCorpus.Numbers)
            {
                data.Add(target, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NumberCases))]
    public void Every_number_is_refused_with_a_message_or_stored_as_given(string target, int number)
    {
        using var culture = UiCulture.Dutch();
        try
        {
            var stored = NumberTargets[target](number);
            if (stored is { } value)
            {
                Assert.Equal(number, value);
            }
        }
        catch (DomainException e)
        {
            Assert.NotEqual(e.Code, e.Message);
        }
    }

    /// <summary>Dates at and beyond the ends of the sane range around an anchor.</summary>
    private static readonly (string Name, bool Accepted)[] Dates =
    [
        ("earliest", true),
        ("day before earliest", false),
        ("latest", true),
        ("day after latest", false),
        ("9999-12-31", false),
        ("0001-01-01", false),
    ];

    public static TheoryData<string, bool> DateCases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var (name, accepted) in Dates)
        {
            data.Add(name, accepted);
        }

        return data;
    }

    private static DateOnly DateFor(string name, DateOnly anchor) => name switch
    {
        "earliest" => DateRules.Earliest(anchor),
        "day before earliest" => DateRules.Earliest(anchor).AddDays(-1),
        "latest" => DateRules.Latest(anchor),
        "day after latest" => DateRules.Latest(anchor).AddDays(1),
        "9999-12-31" => DateOnly.MaxValue,
        "0001-01-01" => DateOnly.MinValue,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Each takes a date name, resolves it against its own anchor and returns the date stored.</summary>
    private static readonly Dictionary<string, Func<string, DateOnly>> DateTargets = new()
    {
        ["Meeting.Schedule"] = d => DateOnly.FromDateTime(Meeting.Schedule(NetworkId.New(), DateFor(d, Today).ToDateTime(new TimeOnly(9, 0)), 60, MeetingMode.Phone, null, Start).StartsAt),
        ["Meeting.Reschedule"] = d =>
        {
            var meeting = NewMeeting();
            meeting.Reschedule(DateFor(d, Today).ToDateTime(new TimeOnly(9, 0)), 60, MeetingMode.Phone, null, Start);
            return DateOnly.FromDateTime(meeting.StartsAt);
        },
        ["Meeting.AddActionItem due"] = d =>
        {
            var meeting = NewMeeting();
            return meeting.AddActionItem(meeting.Agenda[0].Id, "Actie", null, DateFor(d, Today)).DueOn!.Value;
        },
        ["Board.AddCard due"] = d =>
        {
            var board = NewBoard();
            return board.AddCard(board.Columns[0].Id, CardFields.New("Kaart") with { DueOn = DateFor(d, Today) }, Someone, Now).Fields.DueOn!.Value;
        },
        ["Board.EditCard due"] = d =>
        {
            var board = NewBoard();
            var card = board.AddCard(board.Columns[0].Id, CardFields.New("Kaart"), Someone, Now);
            board.EditCard(card.Id, card.Fields, card.Fields with { DueOn = DateFor(d, Today) });
            return board.Card(card.Id).Fields.DueOn!.Value;
        },
        ["Application.Decide date"] = d =>
        {
            var application = Application.Submit(NetworkId.New(), ApplicationTests.ValidForm(), Now);
            return application.Decide(DecisionOutcome.Deferred, "Volgende keer.", DateFor(d, Today), null, Now).DecidedOn;
        },
    };

    public static TheoryData<string, string, bool> DomainDateCases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var target in DateTargets.Keys)
        {
            foreach (var (name, accepted) in Dates)
            {
                data.Add(target, name, accepted);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DomainDateCases))]
    public void A_date_is_taken_within_two_years_back_and_five_ahead_and_refused_beyond(string target, string date, bool accepted)
    {
        using var culture = UiCulture.Dutch();
        if (accepted)
        {
            Assert.Equal(DateFor(date, Today), DateTargets[target](date));
        }
        else
        {
            var e = DomainFixtures.ThrowsCode("Date.OutOfRange", () => DateTargets[target](date));
            Assert.Contains("moet tussen 2 maart 2024 en 2 maart 2031 liggen.", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rescheduling_to_9999_is_refused_and_the_meeting_keeps_its_date()
    {
        using var culture = UiCulture.English();
        var meeting = NewMeeting();

        var e = DomainFixtures.ThrowsCode("Date.OutOfRange", () => meeting.Reschedule(new DateTime(9999, 12, 31, 9, 0, 0), 60, MeetingMode.Phone, null, Start));

        Assert.Equal(Start, meeting.StartsAt);
        Assert.StartsWith("Date must lie between", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DateCases))]
    public void The_plan_meeting_and_card_validators_use_the_same_range(string date, bool accepted)
    {
        using var culture = UiCulture.Dutch();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        var today = DateOnly.FromDateTime(Network.LocalNow(time, Network.DefaultTimeZone));
        var day = DateFor(date, today);
        var plan = new PlanMeetingValidator(time).Validate(new PlanMeeting { Date = day.ToDateTime(TimeOnly.MinValue), Time = TimeSpan.FromHours(23) });
        var card = new CardFormValidator(time).Validate(new CardForm { Title = "Kaart", DueOn = day.ToDateTime(TimeOnly.MinValue) });

        Assert.Equal(accepted, card.IsValid);
        Assert.Equal(accepted, !plan.Errors.Any(e => e.ErrorMessage.Contains("moet tussen", StringComparison.Ordinal)));
        if (!accepted)
        {
            Assert.Contains(card.Errors, e => e.PropertyName == nameof(CardForm.DueOn) && e.ErrorMessage.StartsWith("Uiterlijk op moet tussen", StringComparison.Ordinal));
        }
    }
}
