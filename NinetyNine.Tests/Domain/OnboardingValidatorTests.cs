using FluentValidation;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Web.Features.Onboarding;

namespace NinetyNine.Tests.Domain;

/// <summary>The onboarding template editor's and the step dialog's validators, against a corpus of bad input.</summary>
public class OnboardingValidatorTests
{
    private static readonly PublishTemplateValidator TemplateValidator = new();
    private static readonly TemplateStepFormValidator StepValidator = new();
    private static readonly StepActionValidator ActionValidator = new();
    private static readonly DateOnly Admitted = new(2026, 12, 15);

    private static string Chars(int length) => new('x', length);

    private static TemplateStepForm ValidStep(string title = "Welkomstgesprek") =>
        new() { Title = title, Explanation = "Kennismaken op locatie", Owner = StepOwner.Coordinator, DueAfterDays = 7 };

    private static PublishTemplate Template(int steps) =>
        new() { BasedOnVersion = 1, Steps = [.. Enumerable.Range(1, steps).Select(n => ValidStep($"Stap {n}"))] };

    private static StepAction Action(StepActionKind kind, string text = "", DateTime? dueOn = null) =>
        new() { Kind = kind, Text = text, DueOn = dueOn, AdmittedOn = Admitted };

    private static string Describe(FluentValidation.Results.ValidationResult result) =>
        string.Join(" | ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));

    private static void AssertOnlyError<T>(IValidator<T> validator, T model, string property, string expectedMessage)
    {
        var result = validator.Validate(model);

        var error = Assert.Single(result.Errors);
        Assert.Equal(property, error.PropertyName);
        Assert.Equal(expectedMessage, error.ErrorMessage);
    }

    // ---- TemplateStepFormValidator ---------------------------------------------------------------

    [Theory]
    [InlineData("Kennismaking met één café")]
    [InlineData("Werkbezoek bij Zorggroep Ōmura-Ångström")]
    [InlineData("Ayşe Ünal belt de buddy")]
    [InlineData("Intentieverklaring <ondertekend> & ingescand")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("x")]
    public void A_step_with_any_plain_text_title_passes(string title)
    {
        // Step titles are not names: they are rendered as escaped text (see the checklist component tests), so
        // angle brackets are harmless and allowed here, as in the other free-text fields (unlike PlainText names).
        var result = StepValidator.Validate(ValidStep(title));

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void A_step_accepts_the_limits_themselves()
    {
        var step = new TemplateStepForm
        {
            Title = Chars(TemplateStep.TitleMaxLength),
            Explanation = Chars(TemplateStep.ExplanationMaxLength),
            Owner = StepOwner.Advisor,
            DueAfterDays = TemplateStep.MaxDueAfterDays,
        };

        Assert.True(StepValidator.Validate(step).IsValid);
        step.DueAfterDays = 0;
        step.Explanation = "";
        Assert.True(StepValidator.Validate(step).IsValid);
    }

    [Fact]
    public void Every_defined_owner_is_accepted()
    {
        Assert.All(Enum.GetValues<StepOwner>(), owner =>
        {
            var step = ValidStep();
            step.Owner = owner;
            Assert.True(StepValidator.Validate(step).IsValid, owner.ToString());
        });
    }

    public static TheoryData<string, string> BadTitles => new()
    {
        { "", "Stap is verplicht." },
        { "   ", "Stap is verplicht." },
        { "\t\n", "Stap is verplicht." },
        { Chars(201), "Stap mag hoogstens 200 tekens lang zijn." },
        { " " + Chars(201) + " ", "Stap mag hoogstens 200 tekens lang zijn." },
    };

    [Theory]
    [MemberData(nameof(BadTitles))]
    public void A_bad_title_yields_one_error_on_the_title(string title, string expected)
    {
        using var dutch = UiCulture.Dutch();
        var step = ValidStep(title);

        AssertOnlyError(StepValidator, step, nameof(TemplateStepForm.Title), expected);
    }

    [Fact]
    public void The_title_messages_come_from_the_resources()
    {
        using var dutch = UiCulture.Dutch();

        AssertOnlyError(StepValidator, ValidStep(""), "Title", Text.Get("Text.Required", Text.Get("Field.StepTitle")));
        AssertOnlyError(StepValidator, ValidStep(Chars(201)), "Title", Text.Get("Text.TooLong", Text.Get("Field.StepTitle"), TemplateStep.TitleMaxLength));
    }

    [Fact]
    public void A_title_of_200_characters_with_surrounding_spaces_passes_as_the_domain_trims_it()
    {
        var result = StepValidator.Validate(ValidStep("  " + Chars(200) + "  "));

        Assert.True(result.IsValid, Describe(result));
        Assert.Equal(200, new TemplateStep("  " + Chars(200) + "  ", "", StepOwner.Coordinator, 0).Title.Length);
    }

    [Fact]
    public void An_explanation_over_1000_characters_yields_one_error()
    {
        using var dutch = UiCulture.Dutch();
        var step = ValidStep();
        step.Explanation = Chars(1001);

        AssertOnlyError(StepValidator, step, nameof(TemplateStepForm.Explanation), Text.Get("Text.TooLong", Text.Get("Field.StepExplanation"), 1000));
        Assert.Equal("Toelichting mag hoogstens 1000 tekens lang zijn.", StepValidator.Validate(step).Errors[0].ErrorMessage);
    }

    [Fact]
    public void A_step_without_an_owner_yields_one_error_asking_who_does_it()
    {
        using var dutch = UiCulture.Dutch();
        var step = ValidStep();
        step.Owner = null;

        AssertOnlyError(StepValidator, step, nameof(TemplateStepForm.Owner), Text.Get("Onboarding.UnknownOwner"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(99)]
    [InlineData(-1)]
    public void An_undefined_owner_yields_one_error_asking_who_does_it(int owner)
    {
        using var dutch = UiCulture.Dutch();
        var step = ValidStep();
        step.Owner = (StepOwner)owner;

        AssertOnlyError(StepValidator, step, nameof(TemplateStepForm.Owner), "Kies wie deze stap doet.");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Due_days_outside_0_to_365_yield_one_error(int days)
    {
        using var dutch = UiCulture.Dutch();
        var step = ValidStep();
        step.DueAfterDays = days;

        AssertOnlyError(StepValidator, step, nameof(TemplateStepForm.DueAfterDays), Text.Get("Onboarding.DueOutOfRange", TemplateStep.MaxDueAfterDays));
        Assert.Equal("Een stap valt tussen 0 en 365 dagen na de toelating.", StepValidator.Validate(step).Errors[0].ErrorMessage);
    }

    [Fact]
    public void Every_broken_field_of_a_step_gets_its_own_error()
    {
        using var dutch = UiCulture.Dutch();
        var step = new TemplateStepForm { Title = " ", Explanation = Chars(1001), Owner = null, DueAfterDays = -1 };

        var errors = StepValidator.Validate(step).Errors;

        Assert.Equal(["DueAfterDays", "Explanation", "Owner", "Title"], errors.Select(e => e.PropertyName).Order());
    }

    // ---- PublishTemplateValidator ----------------------------------------------------------------

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(OnboardingTemplate.MaxSteps)]
    public void A_template_of_1_to_40_valid_steps_passes(int steps)
    {
        var result = TemplateValidator.Validate(Template(steps));

        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(OnboardingTemplate.MaxSteps + 1)]
    public void A_template_of_zero_or_more_than_40_steps_yields_one_error(int steps)
    {
        using var dutch = UiCulture.Dutch();

        AssertOnlyError(TemplateValidator, Template(steps), nameof(PublishTemplate.Steps), Text.Get("Onboarding.StepCount", OnboardingTemplate.MaxSteps));
        Assert.Equal("Een sjabloon heeft 1 tot 40 stappen.", TemplateValidator.Validate(Template(steps)).Errors[0].ErrorMessage);
    }

    [Fact]
    public void A_bad_step_in_the_template_is_reported_at_its_index()
    {
        using var dutch = UiCulture.Dutch();
        var template = Template(3);
        template.Steps[1].Title = "";
        template.Steps[2].DueAfterDays = 366;

        var errors = TemplateValidator.Validate(template).Errors;

        Assert.Equal(2, errors.Count);
        Assert.Equal("Steps[1].Title", errors[0].PropertyName);
        Assert.Equal("Stap is verplicht.", errors[0].ErrorMessage);
        Assert.Equal("Steps[2].DueAfterDays", errors[1].PropertyName);
        Assert.Equal(Text.Get("Onboarding.DueOutOfRange", 365), errors[1].ErrorMessage);
    }

    [Fact]
    public void A_valid_form_becomes_domain_steps_the_template_accepts()
    {
        var form = Template(3);
        form.Steps[0].Title = "Kennismaking met één café";
        Assert.True(TemplateValidator.Validate(form).IsValid);

        var template = OnboardingTemplate.Default(NetworkId.New(), DateTimeOffset.UnixEpoch);
        template.Publish(form.ToSteps(), DateTimeOffset.UnixEpoch.AddDays(1), "Sanne");

        Assert.Equal(["Kennismaking met één café", "Stap 2", "Stap 3"], template.Current.Select(s => s.Title));
    }

    // ---- StepActionValidator ---------------------------------------------------------------------

    [Theory]
    [InlineData(StepActionKind.Untick, "Per ongeluk afgevinkt")]
    [InlineData(StepActionKind.Skip, "Niet van toepassing voor één café")]
    [InlineData(StepActionKind.Comment, "Gebeld <b>vandaag</b> & gemaild")]
    [InlineData(StepActionKind.Comment, "<script>alert(1)</script>")]
    [InlineData(StepActionKind.Tick, "")]
    [InlineData(StepActionKind.Reassign, "")]
    public void Actions_with_what_they_need_pass(StepActionKind kind, string text)
    {
        var result = ActionValidator.Validate(Action(kind, text));

        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void Redate_on_or_after_the_admission_passes(int daysAfterAdmission)
    {
        var due = Admitted.AddDays(daysAfterAdmission).ToDateTime(TimeOnly.MinValue);

        var result = ActionValidator.Validate(Action(StepActionKind.Redate, dueOn: due));

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void The_limits_themselves_pass()
    {
        Assert.True(ActionValidator.Validate(Action(StepActionKind.Skip, Chars(ChecklistStep.ReasonMaxLength))).IsValid);
        Assert.True(ActionValidator.Validate(Action(StepActionKind.Comment, Chars(StepComment.TextMaxLength))).IsValid);
    }

    public static TheoryData<StepActionKind, string, string> BadActionText => new()
    {
        { StepActionKind.Untick, "", "Geef een reden op." },
        { StepActionKind.Untick, "   ", "Geef een reden op." },
        { StepActionKind.Skip, "", "Geef een reden op." },
        { StepActionKind.Skip, "\n\t ", "Geef een reden op." },
        { StepActionKind.Untick, Chars(501), "Reden mag hoogstens 500 tekens lang zijn." },
        { StepActionKind.Skip, Chars(501), "Reden mag hoogstens 500 tekens lang zijn." },
        { StepActionKind.Comment, "", "Opmerking is verplicht." },
        { StepActionKind.Comment, "  ", "Opmerking is verplicht." },
        { StepActionKind.Comment, Chars(1001), "Opmerking mag hoogstens 1000 tekens lang zijn." },
    };

    [Theory]
    [MemberData(nameof(BadActionText))]
    public void A_missing_or_too_long_reason_or_comment_yields_one_error_on_the_text(StepActionKind kind, string text, string expected)
    {
        using var dutch = UiCulture.Dutch();

        AssertOnlyError(ActionValidator, Action(kind, text), nameof(StepAction.Text), expected);
    }

    [Fact]
    public void The_reason_and_comment_messages_come_from_the_resources()
    {
        using var dutch = UiCulture.Dutch();

        AssertOnlyError(ActionValidator, Action(StepActionKind.Skip), "Text", Text.Get("Onboarding.ReasonRequired"));
        AssertOnlyError(ActionValidator, Action(StepActionKind.Untick, Chars(501)), "Text",
            Text.Get("Text.TooLong", Text.Get("Field.Reason"), ChecklistStep.ReasonMaxLength));
        AssertOnlyError(ActionValidator, Action(StepActionKind.Comment), "Text", Text.Get("Text.Required", Text.Get("Field.Comment")));
        AssertOnlyError(ActionValidator, Action(StepActionKind.Comment, Chars(1001)), "Text",
            Text.Get("Text.TooLong", Text.Get("Field.Comment"), StepComment.TextMaxLength));
    }

    [Fact]
    public void Redate_without_a_date_yields_one_error()
    {
        using var dutch = UiCulture.Dutch();

        AssertOnlyError(ActionValidator, Action(StepActionKind.Redate), nameof(StepAction.DueOn), Text.Get("Text.Required", Text.Get("Field.DueOn")));
        Assert.Equal("Uiterlijk op is verplicht.", ActionValidator.Validate(Action(StepActionKind.Redate)).Errors[0].ErrorMessage);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-400)]
    public void Redate_before_the_admission_yields_one_error(int daysAfterAdmission)
    {
        using var dutch = UiCulture.Dutch();
        var due = Admitted.AddDays(daysAfterAdmission).ToDateTime(new TimeOnly(23, 59));

        AssertOnlyError(ActionValidator, Action(StepActionKind.Redate, dueOn: due), nameof(StepAction.DueOn), Text.Get("Onboarding.DueBeforeAdmission"));
        Assert.Equal("Een stap kan niet vóór de toelating vallen.", ActionValidator.Validate(Action(StepActionKind.Redate, dueOn: due)).Errors[0].ErrorMessage);
    }

    [Fact]
    public void Text_and_date_rules_apply_only_to_their_own_kind()
    {
        // A comment or reason typed earlier in the dialog must not block a re-date, and a stray date must not block a comment.
        Assert.True(ActionValidator.Validate(Action(StepActionKind.Redate, Chars(2000), Admitted.ToDateTime(TimeOnly.MinValue))).IsValid);
        Assert.True(ActionValidator.Validate(Action(StepActionKind.Comment, "Oké", Admitted.AddDays(-10).ToDateTime(TimeOnly.MinValue))).IsValid);
        Assert.True(ActionValidator.Validate(Action(StepActionKind.Reassign, Chars(2000))).IsValid);
    }

    [Fact]
    public void Messages_follow_the_UI_culture()
    {
        using (UiCulture.English())
        {
            var message = Assert.Single(ActionValidator.Validate(Action(StepActionKind.Skip)).Errors).ErrorMessage;
            Assert.Equal(Text.Get("Onboarding.ReasonRequired"), message);
            Assert.NotEqual("Geef een reden op.", message);
        }

        using (UiCulture.Dutch())
        {
            Assert.Equal("Geef een reden op.", Assert.Single(ActionValidator.Validate(Action(StepActionKind.Skip)).Errors).ErrorMessage);
        }
    }
}
