using FluentValidation;
using Microsoft.Extensions.Time.Testing;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Domain.ThemeGroups;
using NinetyNine.Tests.Domain;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Features.Onboarding;

namespace NinetyNine.Tests.BadInput;

/// <summary>
/// Every validator's text fields against the whole corpus: validating never throws, and what the aggregate would
/// refuse (nothing visible in a required field, control characters, far too long) comes back as a message at that field.
/// </summary>
public sealed class ValidatorCorpusTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Validates a model with one text set; gives the messages at that property.</summary>
    private sealed record Field(TextKind Kind, Func<string, IReadOnlyList<string>> MessagesFor);

    private static Field F<T>(TextKind kind, IValidator<T> validator, Func<T> make, Action<T, string> set, string property) =>
        new(kind, value =>
        {
            var model = make();
            set(model, value);
            return [.. validator.Validate(model).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage)];
        });

    private static readonly SubmitApplicationValidator Apply = new();
    private static readonly AddEmployerValidator Employer = new(TimeProvider.System);

    private static AddEmployer NewEmployer() => new() { Name = "Bouw", Kvk = "12345678", Sector = "Bouw", Town = "Almelo", JoinedOn = new DateTime(2025, 1, 1) };

    private static readonly Dictionary<string, Field> Fields = new()
    {
        ["SubmitApplication.CompanyName"] = F(TextKind.Required, Apply, ApplicationTests.ValidForm, (m, v) => m.CompanyName = v, nameof(SubmitApplication.CompanyName)),
        ["SubmitApplication.Sector"] = F(TextKind.Required, Apply, ApplicationTests.ValidForm, (m, v) => m.Sector = v, nameof(SubmitApplication.Sector)),
        ["SubmitApplication.Town"] = F(TextKind.Required, Apply, ApplicationTests.ValidForm, (m, v) => m.Town = v, nameof(SubmitApplication.Town)),
        ["SubmitApplication.ContactName"] = F(TextKind.Required, Apply, ApplicationTests.ValidForm, (m, v) => m.ContactName = v, nameof(SubmitApplication.ContactName)),
        ["SubmitApplication.Motivation"] = F(TextKind.Required, Apply, ApplicationTests.ValidForm, (m, v) => m.Motivation = v, nameof(SubmitApplication.Motivation)),
        ["SubmitApplication.ContactEmail"] = F(TextKind.Required, Apply, ApplicationTests.ValidForm, (m, v) => m.ContactEmail = v, nameof(SubmitApplication.ContactEmail)),
        ["SubmitApplication.Kvk"] = F(TextKind.Required, Apply, ApplicationTests.ValidForm, (m, v) => m.Kvk = v, nameof(SubmitApplication.Kvk)),
        ["SubmitApplication.Website"] = F(TextKind.Optional, Apply, ApplicationTests.ValidForm, (m, v) => m.Website = v, nameof(SubmitApplication.Website)),
        ["SubmitApplication.ContactRole"] = F(TextKind.Optional, Apply, ApplicationTests.ValidForm, (m, v) => m.ContactRole = v, nameof(SubmitApplication.ContactRole)),
        ["SubmitApplication.ContactPhone"] = F(TextKind.Optional, Apply, ApplicationTests.ValidForm, (m, v) => m.ContactPhone = v, nameof(SubmitApplication.ContactPhone)),
        ["SubmitApplication.OfferDetails"] = F(TextKind.Optional, Apply, ApplicationTests.ValidForm, (m, v) => m.OfferDetails = v, nameof(SubmitApplication.OfferDetails)),
        ["AddEmployer.Name"] = F(TextKind.Required, Employer, NewEmployer, (m, v) => m.Name = v, nameof(AddEmployer.Name)),
        ["AddEmployer.Sector"] = F(TextKind.Required, Employer, NewEmployer, (m, v) => m.Sector = v, nameof(AddEmployer.Sector)),
        ["AddEmployer.Town"] = F(TextKind.Required, Employer, NewEmployer, (m, v) => m.Town = v, nameof(AddEmployer.Town)),
        ["DescribeThemeGroup.Name"] = F(TextKind.Required, new DescribeThemeGroupValidator(), () => new DescribeThemeGroup { Name = "Groep" }, (m, v) => m.Name = v, nameof(DescribeThemeGroup.Name)),
        ["DescribeThemeGroup.Goal"] = F(TextKind.Optional, new DescribeThemeGroupValidator(), () => new DescribeThemeGroup { Name = "Groep" }, (m, v) => m.Goal = v, nameof(DescribeThemeGroup.Goal)),
        ["DecideOnApplication.Rationale"] = F(TextKind.Required, new DecideOnApplicationValidator(), () => new DecideOnApplication { Outcome = DecisionOutcome.Admitted }, (m, v) => m.Rationale = v, nameof(DecideOnApplication.Rationale)),
        ["PlanMeeting.ModeDetails"] = F(TextKind.Optional, new PlanMeetingValidator(Time), () => new PlanMeeting { Date = new DateTime(2026, 12, 14), Time = TimeSpan.FromHours(9) }, (m, v) => m.ModeDetails = v, nameof(PlanMeeting.ModeDetails)),
        ["TemplateStepForm.Title"] = F(TextKind.Required, new TemplateStepFormValidator(), () => new TemplateStepForm { Title = "Stap", Owner = StepOwner.Coordinator }, (m, v) => m.Title = v, nameof(TemplateStepForm.Title)),
        ["TemplateStepForm.Explanation"] = F(TextKind.Optional, new TemplateStepFormValidator(), () => new TemplateStepForm { Title = "Stap", Owner = StepOwner.Coordinator }, (m, v) => m.Explanation = v, nameof(TemplateStepForm.Explanation)),
        ["CardForm.Title"] = F(TextKind.Required, new CardFormValidator(Time), () => new CardForm { Title = "Kaart" }, (m, v) => m.Title = v, nameof(CardForm.Title)),
        ["CardForm.Description"] = F(TextKind.Optional, new CardFormValidator(Time), () => new CardForm { Title = "Kaart" }, (m, v) => m.Description = v, nameof(CardForm.Description)),
        ["CardForm.NewStakeholder"] = F(TextKind.Optional, new CardFormValidator(Time), () => new CardForm { Title = "Kaart" }, (m, v) => m.NewStakeholder = v, nameof(CardForm.NewStakeholder)),
        ["CardForm.NewLabel"] = F(TextKind.Optional, new CardFormValidator(Time), () => new CardForm { Title = "Kaart" }, (m, v) => m.NewLabel = v, nameof(CardForm.NewLabel)),
        ["NewCard.Title"] = F(TextKind.Required, new NewCardValidator(), () => new NewCard(), (m, v) => m.Title = v, nameof(NewCard.Title)),
        ["ColumnName.Name"] = F(TextKind.Required, new ColumnNameValidator(), () => new ColumnName(), (m, v) => m.Name = v, nameof(ColumnName.Name)),
        ["CardText.ChecklistEntry"] = F(TextKind.Required, new CardTextValidator(), () => new CardText { Kind = CardTextKind.ChecklistEntry }, (m, v) => m.Text = v, nameof(CardText.Text)),
        ["CardText.Comment"] = F(TextKind.Required, new CardTextValidator(), () => new CardText { Kind = CardTextKind.Comment }, (m, v) => m.Text = v, nameof(CardText.Text)),
        ["CardText.LegalQuestion"] = F(TextKind.Required, new CardTextValidator(), () => new CardText { Kind = CardTextKind.LegalQuestion }, (m, v) => m.Text = v, nameof(CardText.Text)),
        ["StatusReportForm.Text"] = F(TextKind.Required, new StatusReportFormValidator(), () => new StatusReportForm { Status = GroupStatus.OnTrack }, (m, v) => m.Text = v, nameof(StatusReportForm.Text)),
        ["StatusReportForm.Highlights"] = F(TextKind.Optional, new StatusReportFormValidator(), () => new StatusReportForm { Status = GroupStatus.OnTrack, Text = "Op koers" }, (m, v) => m.Highlights = v, nameof(StatusReportForm.Highlights)),
        ["AdviceAnswerForm.Answer"] = F(TextKind.Required, new AdviceAnswerFormValidator(), () => new AdviceAnswerForm(), (m, v) => m.Answer = v, nameof(AdviceAnswerForm.Answer)),
        ["StepAction.Skip reason"] = F(TextKind.Required, new StepActionValidator(), () => new StepAction { Kind = StepActionKind.Skip }, (m, v) => m.Text = v, nameof(StepAction.Text)),
        ["StepAction.Comment"] = F(TextKind.Required, new StepActionValidator(), () => new StepAction { Kind = StepActionKind.Comment }, (m, v) => m.Text = v, nameof(StepAction.Text)),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in Fields.Keys)
        {
            foreach (var input in BadInputCorpus.Texts.Keys)
            {
                data.Add(field, input);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_text_is_answered_with_a_message_at_its_field_or_passes(string field, string input)
    {
        using var culture = UiCulture.Dutch();
        var (kind, messagesFor) = Fields[field];
        var (value, expected) = BadInputCorpus.Texts[input];

        var messages = messagesFor(value);

        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m) || m.StartsWith("Text.", StringComparison.Ordinal), $"untranslated message '{m}'"));
        switch (expected)
        {
            case Expected.Blank when kind == TextKind.Required:
            case Expected.Refused:
                Assert.True(messages.Count > 0, $"{field} lets {input} through");
                break;
        }
    }

    [Fact]
    public void A_control_character_gets_its_own_message_not_the_markup_one()
    {
        using var culture = UiCulture.Dutch();

        var messages = Fields["CardForm.Title"].MessagesFor("Kaart\0");
        var plain = Fields["SubmitApplication.CompanyName"].MessagesFor("Bakkerij\u0007");

        Assert.Equal(["Titel bevat onzichtbare stuurtekens (zoals een nulteken). Haal ze weg en probeer het opnieuw."], messages);
        Assert.Contains("Bedrijfsnaam bevat onzichtbare stuurtekens (zoals een nulteken). Haal ze weg en probeer het opnieuw.", plain);
    }
}
