using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Domain.ThemeGroups;
using NinetyNine.Tests.Domain;
using Application = NinetyNine.Domain.Applications.Application;

namespace NinetyNine.Tests.BadInput;

/// <summary>How a text field treats what is left after trimming.</summary>
public enum TextKind
{
    /// <summary>Must hold something visible.</summary>
    Required,

    /// <summary>May be left empty: blank input stores nothing (null, or an empty text or list).</summary>
    Optional,

    /// <summary>Kept exactly as typed, spaces included (meeting notes).</summary>
    Free,
}

/// <summary>
/// Every text-taking method of every aggregate against the whole corpus: refused with a <see cref="DomainException"/>
/// that carries a translated message, or stored exactly as typed (trimmed), never cut and never another exception.
/// </summary>
public sealed class DomainTextCorpusTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly PersonId Someone = PersonId.New();

    private sealed record Target(TextKind Kind, Func<string, string?> Store);

    private static Meeting NewMeeting() => Meeting.Schedule(NetworkId.New(), Start, 60, MeetingMode.Phone, null, Start);

    private static Board NewBoard() => Board.Open(ThemeGroup.Start(DomainFixtures.FoundNetwork(), "Werkgelegenheid", "", 0));

    private static Card NewCard(Board board) => board.AddCard(board.Columns[0].Id, CardFields.New("Kaart"), Someone, Now);

    private static Application NewApplication() => Application.Submit(NetworkId.New(), ApplicationTests.ValidForm(), Now);

    private static OnboardingChecklist NewChecklist()
    {
        var networkId = NetworkId.New();
        return OnboardingChecklist.Start(OnboardingTemplate.Default(networkId, Now), networkId, EmployerId.New(), null,
            DomainFixtures.Today, new Dictionary<StepOwner, PersonId>(), Now);
    }

    private static string? Submitted(Action<SubmitApplication> set, Func<Application, string?> read)
    {
        var form = ApplicationTests.ValidForm();
        set(form);
        return read(Application.Submit(NetworkId.New(), form, Now));
    }

    private static Network Found(string name = "99van Oost", string slug = "99van-oost", string region = "Oost", string coordinator = "Coco", string? organisation = null) =>
        Network.Found(name, slug, region, DomainFixtures.Cadence(), coordinator, DomainFixtures.Email("coco@99van.nl"), organisation, DomainFixtures.Today);

    private static readonly Dictionary<string, Target> Targets = new()
    {
        // Meetings
        ["Meeting.AddAgendaItem"] = new(TextKind.Required, v => NewMeeting().AddAgendaItem(v).Title),
        ["Meeting.RetitleAgendaItem"] = new(TextKind.Required, v =>
        {
            var meeting = NewMeeting();
            var item = meeting.AddAgendaItem("Punt");
            meeting.RetitleAgendaItem(item.Id, v);
            return meeting.Item(item.Id).Title;
        }),
        ["Meeting.SetPresenter"] = new(TextKind.Optional, v =>
        {
            var meeting = NewMeeting();
            meeting.SetPresenter(meeting.Agenda[0].Id, v);
            return meeting.Agenda[0].Presenter;
        }),
        ["Meeting.SetNotes"] = new(TextKind.Free, v =>
        {
            var meeting = NewMeeting();
            meeting.SetNotes(meeting.Agenda[0].Id, v);
            return meeting.Agenda[0].Notes;
        }),
        ["Meeting.RecordDecision"] = new(TextKind.Required, v =>
        {
            var meeting = NewMeeting();
            return meeting.RecordDecision(meeting.Agenda[0].Id, v, Start).Text;
        }),
        ["Meeting.AddActionItem text"] = new(TextKind.Required, v =>
        {
            var meeting = NewMeeting();
            return meeting.AddActionItem(meeting.Agenda[0].Id, v, null, null).Text;
        }),
        ["Meeting.AddActionItem owner"] = new(TextKind.Optional, v =>
        {
            var meeting = NewMeeting();
            return meeting.AddActionItem(meeting.Agenda[0].Id, "Actie", v, null).Owner;
        }),
        ["Meeting.Schedule mode details"] = new(TextKind.Optional, v => Meeting.Schedule(NetworkId.New(), Start, 60, MeetingMode.Phone, v, Start).ModeDetails),
        ["Meeting.Reschedule mode details"] = new(TextKind.Optional, v =>
        {
            var meeting = NewMeeting();
            meeting.Reschedule(Start.AddDays(1), 60, MeetingMode.InPerson, v, Start);
            return meeting.ModeDetails;
        }),
        ["Meeting.AddTopic title"] = new(TextKind.Required, v =>
            NewMeeting().AddTopic(StandingItem.Applications, AgendaTopicKind.Application, Guid.NewGuid(), v, null)!.Title),
        ["Meeting.AddTopic presenter"] = new(TextKind.Optional, v =>
            NewMeeting().AddTopic(StandingItem.Applications, AgendaTopicKind.Application, Guid.NewGuid(), "Aanmelding", v)!.Presenter),
        ["Meeting.ReportOnUpdateSlot"] = new(TextKind.Optional, v =>
        {
            var group = Guid.NewGuid();
            return NewMeeting().ReportOnUpdateSlot(group, "Groep", null, v).Topics.Single(t => t.ReferenceId == group).Detail;
        }),

        // Boards
        ["Board.AddColumn"] = new(TextKind.Required, v => NewBoard().AddColumn(v).Name),
        ["Board.RenameColumn"] = new(TextKind.Required, v =>
        {
            var board = NewBoard();
            board.RenameColumn(board.Columns[0].Id, v);
            return board.Columns[0].Name;
        }),
        ["Board.AddCard title"] = new(TextKind.Required, v => { var b = NewBoard(); return b.AddCard(b.Columns[0].Id, CardFields.New(v), Someone, Now).Fields.Title; }),
        ["Board.AddCard description"] = new(TextKind.Optional, v =>
        {
            var b = NewBoard();
            return b.AddCard(b.Columns[0].Id, CardFields.New("Kaart") with { Description = v }, Someone, Now).Fields.Description;
        }),
        ["Board.AddCard stakeholder"] = new(TextKind.Optional, v =>
        {
            var b = NewBoard();
            return b.AddCard(b.Columns[0].Id, CardFields.New("Kaart") with { Stakeholders = [v] }, Someone, Now).Fields.Stakeholders.SingleOrDefault();
        }),
        ["Board.AddCard label"] = new(TextKind.Optional, v =>
        {
            var b = NewBoard();
            return b.AddCard(b.Columns[0].Id, CardFields.New("Kaart") with { Labels = [v] }, Someone, Now).Fields.Labels.SingleOrDefault();
        }),
        ["Board.EditCard title"] = new(TextKind.Required, v =>
        {
            var board = NewBoard();
            var card = NewCard(board);
            board.EditCard(card.Id, card.Fields, card.Fields with { Title = v });
            return board.Card(card.Id).Fields.Title;
        }),
        ["Board.AddChecklistEntry"] = new(TextKind.Required, v => { var b = NewBoard(); return b.AddChecklistEntry(NewCard(b).Id, v).Text; }),
        ["Board.Comment"] = new(TextKind.Required, v => { var b = NewBoard(); return b.Comment(NewCard(b).Id, Someone, "Joost", v, Now).Text; }),
        ["Board.AskLegalAdvice"] = new(TextKind.Required, v =>
        {
            var board = NewBoard();
            var card = NewCard(board);
            board.AskLegalAdvice(card.Id, v, "Joost", Now);
            return board.Card(card.Id).LegalAdvice!.Question;
        }),
        ["Board.AnswerLegalAdvice"] = new(TextKind.Required, v =>
        {
            var board = NewBoard();
            var card = NewCard(board);
            board.AskLegalAdvice(card.Id, "Mag dit?", "Joost", Now);
            board.AnswerLegalAdvice(card.Id, v, "Eva", Now);
            return board.Card(card.Id).LegalAdvice!.Answer;
        }),
        ["StatusReport.Write text"] = new(TextKind.Required, v =>
            StatusReport.Write(ThemeGroup.Start(DomainFixtures.FoundNetwork(), "Groep", "", 0), GroupStatus.OnTrack, v, null, 0, Someone, "Joost", Now).Text),
        ["StatusReport.Write highlights"] = new(TextKind.Optional, v =>
            StatusReport.Write(ThemeGroup.Start(DomainFixtures.FoundNetwork(), "Groep", "", 0), GroupStatus.OnTrack, "Op koers.", v, 0, Someone, "Joost", Now).Highlights),

        // Applications
        ["Application.Submit company name"] = new(TextKind.Required, v => Submitted(f => f.CompanyName = v, a => a.CompanyName)),
        ["Application.Submit sector"] = new(TextKind.Required, v => Submitted(f => f.Sector = v, a => a.Sector)),
        ["Application.Submit town"] = new(TextKind.Required, v => Submitted(f => f.Town = v, a => a.Town)),
        ["Application.Submit contact name"] = new(TextKind.Required, v => Submitted(f => f.ContactName = v, a => a.ContactName)),
        ["Application.Submit motivation"] = new(TextKind.Required, v => Submitted(f => f.Motivation = v, a => a.Motivation)),
        ["Application.Submit contact role"] = new(TextKind.Optional, v => Submitted(f => f.ContactRole = v, a => a.ContactRole)),
        ["Application.Submit phone"] = new(TextKind.Optional, v => Submitted(f => f.ContactPhone = v, a => a.ContactPhone)),
        ["Application.Submit offer details"] = new(TextKind.Optional, v => Submitted(f => f.OfferDetails = v, a => a.OfferDetails)),
        ["Application.Submit website"] = new(TextKind.Optional, v => Submitted(f => f.Website = v, a => a.Website)),
        ["Application.Submit email"] = new(TextKind.Required, v => Submitted(f => f.ContactEmail = v, a => a.ContactEmail.Value)),
        ["Application.RecordView remark"] = new(TextKind.Optional, v =>
        {
            var application = NewApplication();
            application.RecordView(Someone, "Marloes", Fit.Fits, v, Now);
            return application.ViewsVisibleTo(Someone).Single().Remark;
        }),
        ["Application.Decide rationale"] = new(TextKind.Required, v =>
            NewApplication().Decide(DecisionOutcome.Deferred, v, DomainFixtures.Today, null, Now).Rationale),
        ["Application.AddNote"] = new(TextKind.Required, v => NewApplication().AddNote(v, "Sanne", Now).Text),

        // Networks
        ["Network.Found name"] = new(TextKind.Required, v => Found(name: v).Name),
        ["Network.Found region"] = new(TextKind.Required, v => Found(region: v).Region),
        ["Network.Found slug"] = new(TextKind.Required, v => Found(slug: v).Slug),
        ["Network.Found coordinator name"] = new(TextKind.Required, v => Found(coordinator: v).Coordinator.Name),
        ["Network.Found coordinator organisation"] = new(TextKind.Optional, v => Found(organisation: v).Coordinator.Organisation),
        ["Network.AddEmployer name"] = new(TextKind.Required, v => Found().AddEmployer(v, KvkNumber.Parse("12345678"), "Bouw", "Almelo", DomainFixtures.Today, 1).Name),
        ["Network.AddEmployer sector"] = new(TextKind.Required, v => Found().AddEmployer("Bouwbedrijf", KvkNumber.Parse("12345678"), v, "Almelo", DomainFixtures.Today, 1).Sector),
        ["Network.AddEmployer town"] = new(TextKind.Required, v => Found().AddEmployer("Bouwbedrijf", KvkNumber.Parse("12345678"), "Bouw", v, DomainFixtures.Today, 1).Town),
        ["Network.AddPerson name"] = new(TextKind.Required, v => Found().AddPerson(v, DomainFixtures.Email("p@bouw.nl")).Name),
        ["Network.AddPerson phone"] = new(TextKind.Optional, v => Found().AddPerson("Piet", DomainFixtures.Email("p@bouw.nl"), phone: v).Phone),
        ["Network.AddPerson function"] = new(TextKind.Optional, v => Found().AddPerson("Piet", DomainFixtures.Email("p@bouw.nl"), function: v).Function),
        ["Network.AddPerson organisation"] = new(TextKind.Optional, v => Found().AddPerson("Piet", DomainFixtures.Email("p@bouw.nl"), organisation: v).Organisation),

        // Theme groups
        ["ThemeGroup.Start name"] = new(TextKind.Required, v => ThemeGroup.Start(Found(), v, "", 0).Name),
        ["ThemeGroup.Start goal"] = new(TextKind.Optional, v => ThemeGroup.Start(Found(), "Groep", v, 0).Goal),
        ["ThemeGroup.Describe name"] = new(TextKind.Required, v =>
        {
            var group = ThemeGroup.Start(Found(), "Groep", "", 0);
            group.Describe(v, "Doel");
            return group.Name;
        }),
        ["ThemeGroup.Describe goal"] = new(TextKind.Optional, v =>
        {
            var group = ThemeGroup.Start(Found(), "Groep", "", 0);
            group.Describe("Groep", v);
            return group.Goal;
        }),

        // Onboarding
        ["TemplateStep title"] = new(TextKind.Required, v => new TemplateStep(v, "", StepOwner.Coordinator, 7).Title),
        ["TemplateStep explanation"] = new(TextKind.Optional, v => new TemplateStep("Stap", v, StepOwner.Coordinator, 7).Explanation),
        ["OnboardingChecklist.Comment"] = new(TextKind.Required, v => NewChecklist().Comment(0, Someone, "Sanne", v, Now).Text),
        ["OnboardingChecklist.Skip reason"] = new(TextKind.Required, v =>
        {
            var checklist = NewChecklist();
            checklist.Skip(0, Someone, v, Now);
            return checklist.Steps[0].Reason;
        }),
        ["OnboardingChecklist.Untick reason"] = new(TextKind.Required, v =>
        {
            var checklist = NewChecklist();
            checklist.Tick(0, Someone, Now);
            checklist.Untick(0, Someone, v, Now);
            return checklist.Steps[0].Reason;
        }),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in Targets.Keys)
        {
            foreach (var input in BadInputCorpus.Texts.Keys)
            {
                data.Add(target, input);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_text_is_refused_with_a_message_or_stored_exactly_as_typed(string target, string input)
    {
        using var culture = UiCulture.Dutch();
        var (kind, store) = Targets[target];
        var (value, expected) = BadInputCorpus.Texts[input];

        string? stored = null;
        DomainException? refused = null;
        try
        {
            stored = store(value);
        }
        catch (DomainException e)
        {
            refused = e;
        }

        if (refused is not null)
        {
            Assert.False(string.IsNullOrWhiteSpace(refused.Message));
            Assert.NotEqual(refused.Code, refused.Message);
        }

        var typed = kind == TextKind.Free ? value : value.Trim();
        switch (expected)
        {
            case Expected.Blank when kind == TextKind.Required:
                Assert.True(refused is not null, $"{target} accepted a text with nothing visible: '{stored}'");
                break;
            case Expected.Blank when kind == TextKind.Optional:
                Assert.True(refused is not null || string.IsNullOrEmpty(stored), $"{target} stored invisible text as if it were something: '{stored}'");
                break;
            case Expected.Refused:
                Assert.True(refused is not null, $"{target} accepted {input} (stored {stored?.Length} characters)");
                Assert.Contains(refused!.Code, new[] { "Text.ControlCharacters", "Text.TooLong", "Email.Invalid", "Application.Website", "Network.SlugInvalid" });
                break;
            default:
                if (refused is null)
                {
                    Assert.Equal(typed, stored);
                }

                break;
        }
    }

    [Fact]
    public void A_refused_control_character_names_the_field_in_both_languages()
    {
        using (UiCulture.Dutch())
        {
            var e = DomainFixtures.ThrowsCode("Text.ControlCharacters", () => NewMeeting().AddAgendaItem("Agenda\0punt"));
            Assert.Equal("Titel van het agendapunt bevat onzichtbare stuurtekens (zoals een nulteken). Haal ze weg en probeer het opnieuw.", e.Message);
        }

        using (UiCulture.English())
        {
            var e = DomainFixtures.ThrowsCode("Text.ControlCharacters", () => NewMeeting().AddAgendaItem("Agenda\0punt"));
            Assert.StartsWith("Agenda item title contains invisible control characters", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Notes_with_a_NUL_are_refused_and_the_notes_before_stay_whole()
    {
        var meeting = NewMeeting();
        var item = meeting.Agenda[0].Id;
        meeting.SetNotes(item, "Sanne: welkom.\nMarloes: dank.");

        DomainFixtures.ThrowsCode("Text.ControlCharacters", () => meeting.SetNotes(item, "Sanne: welkom.\0\nMarloes: dank."));

        Assert.Equal("Sanne: welkom.\nMarloes: dank.", meeting.Item(item).Notes);
    }
}
