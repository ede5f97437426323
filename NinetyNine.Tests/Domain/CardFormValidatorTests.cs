using System.Globalization;
using NinetyNine.Domain.Boards;
using NinetyNine.Web.Components;
using NinetyNine.Web.Features.Boards;

namespace NinetyNine.Tests.Domain;

/// <summary>The card dialog's validators and form model, against a corpus of bad input.</summary>
public sealed class CardFormValidatorTests : IDisposable
{
    private static readonly CardFormValidator Validator = new(TimeProvider.System);
    private static readonly CardTextValidator TextValidator = new();
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

    public CardFormValidatorTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    public void Dispose() => CultureInfo.CurrentUICulture = _ui;

    private static CardForm Valid() => new()
    {
        Title = "Banenmarkt Hengelo",
        Description = "Met **tien** werkgevers",
        Stakeholders = ["gemeente", "UWV"],
        Labels = ["banen"],
        Funding = FundingStatus.BeingArranged,
        FundingAmount = 2_500m,
    };

    private static string Chars(int length) => new('x', length);

    private static (string Property, string Message) OnlyError(CardForm form)
    {
        var error = Assert.Single(Validator.Validate(form).Errors);
        return (error.PropertyName, error.ErrorMessage);
    }

    [Fact]
    public void A_complete_card_passes()
    {
        var result = Validator.Validate(Valid());

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void An_empty_or_blank_title_is_refused_at_the_title(string title)
    {
        var form = Valid();
        form.Title = title;

        Assert.Equal(("Title", "Titel is verplicht."), OnlyError(form));
    }

    [Fact]
    public void The_title_may_be_200_characters_but_not_201()
    {
        var form = Valid();
        form.Title = Chars(CardFields.TitleMaxLength);
        Assert.True(Validator.Validate(form).IsValid);

        form.Title = Chars(CardFields.TitleMaxLength + 1);
        Assert.Equal(("Title", "Titel mag hoogstens 200 tekens lang zijn."), OnlyError(form));
    }

    [Fact]
    public void Surrounding_spaces_do_not_count_towards_the_title_limit()
    {
        var form = Valid();
        form.Title = "  " + Chars(CardFields.TitleMaxLength) + "  ";

        Assert.True(Validator.Validate(form).IsValid);
        Assert.Equal(CardFields.TitleMaxLength, form.ToState().Title.Length);
    }

    [Fact]
    public void A_description_longer_than_4000_characters_is_refused()
    {
        var form = Valid();
        form.Description = Chars(CardFields.DescriptionMaxLength + 1);

        Assert.Equal(("Description", "Beschrijving mag hoogstens 4000 tekens lang zijn."), OnlyError(form));
    }

    [Fact]
    public void Thirteen_labels_are_refused_twelve_are_fine()
    {
        var form = Valid();
        form.Labels = [.. Enumerable.Range(1, CardFields.MaxTags).Select(n => $"label {n}")];
        Assert.True(Validator.Validate(form).IsValid);

        form.Labels.Add("label 13");
        Assert.Equal(("Labels", "Labels: hoogstens 12."), OnlyError(form));
    }

    [Fact]
    public void A_thirteenth_label_being_typed_is_refused_at_the_text_field_but_one_already_there_is_not()
    {
        var form = Valid();
        form.Labels = [.. Enumerable.Range(1, CardFields.MaxTags).Select(n => $"label {n}")];
        form.NewLabel = "nog een";
        Assert.Equal(("NewLabel", "Labels: hoogstens 12."), OnlyError(form));

        form.NewLabel = " LABEL 3 ";
        Assert.True(Validator.Validate(form).IsValid);
    }

    [Fact]
    public void A_label_or_stakeholder_longer_than_60_characters_is_refused()
    {
        var form = Valid();
        form.Labels = ["kort", Chars(CardFields.TagMaxLength + 1)];
        Assert.Equal(("Labels[1]", "Labels mag hoogstens 60 tekens lang zijn."), OnlyError(form));

        form = Valid();
        form.NewStakeholder = Chars(CardFields.TagMaxLength + 1);
        Assert.Equal(("NewStakeholder", "Belanghebbenden mag hoogstens 60 tekens lang zijn."), OnlyError(form));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(-100)]
    [InlineData(10_000_000.01)]
    public void An_amount_below_zero_or_above_ten_million_is_refused(double amount)
    {
        var form = Valid();
        form.FundingAmount = (decimal)amount;

        Assert.Equal(("FundingAmount", "Een bedrag ligt tussen 0 en 10.000.000 euro."), OnlyError(form));
    }

    [Fact]
    public void An_amount_is_optional()
    {
        var form = Valid();
        form.FundingAmount = null;

        Assert.True(Validator.Validate(form).IsValid);
    }

    [Fact]
    public void With_no_funding_needed_a_funder_and_amount_left_in_the_form_are_dropped_not_refused()
    {
        var form = Valid();
        form.Funding = FundingStatus.NotNeeded;
        form.FundedBy = Guid.NewGuid();
        form.FundingAmount = -5m;

        Assert.True(Validator.Validate(form).IsValid);
        var state = form.ToState();
        Assert.Null(state.FundedBy);
        Assert.Null(state.FundingAmount);
    }

    [Fact]
    public void With_funding_being_arranged_the_funder_and_amount_are_sent()
    {
        var employer = Guid.NewGuid();
        var form = Valid();
        form.FundedBy = employer;

        var state = form.ToState();

        Assert.Equal((employer, 2_500m), (state.FundedBy, state.FundingAmount));
    }

    [Fact]
    public void An_unknown_funding_status_is_refused()
    {
        var form = Valid();
        form.Funding = (FundingStatus)9;

        Assert.Equal("Funding", OnlyError(form).Property);
    }

    [Fact]
    public void A_script_tag_in_the_description_is_allowed_as_text_and_rendered_harmlessly()
    {
        var form = Valid();
        form.Description = "Zie <script>alert('x')</script> en <img src=x onerror=alert(1)> [klik](javascript:alert(1))";

        Assert.True(Validator.Validate(form).IsValid);
        var html = SafeMarkdown.ToHtml(form.ToState().Description).Value;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_tags_are_trimmed_and_not_added_twice()
    {
        var form = Valid();
        form.NewLabel = "  Banen  ";

        Assert.True(form.AddLabel());
        Assert.Equal(["banen"], form.Labels);
        Assert.Equal(string.Empty, form.NewLabel);
        form.NewStakeholder = "   ";
        Assert.False(form.AddStakeholder());
        form.NewStakeholder = "Provincie Overijssel";
        form.AddStakeholder();
        Assert.Equal(["gemeente", "UWV", "Provincie Overijssel"], form.Stakeholders);
    }

    [Fact]
    public void A_common_stakeholder_toggles_on_and_off()
    {
        var form = Valid();

        form.Toggle("uwv");
        Assert.Equal(["gemeente"], form.Stakeholders);
        form.Toggle("wethouder");
        Assert.Equal(["gemeente", "wethouder"], form.Stakeholders);
    }

    [Fact]
    public void The_form_reads_back_what_it_was_given()
    {
        var fields = new CardFieldsState("Titel", "Tekst", Guid.NewGuid(), new DateOnly(2027, 3, 1), [Guid.NewGuid()], ["UWV"], ["a"],
            FundingStatus.Arranged, Guid.NewGuid(), 100m);

        Assert.Empty(CardForm.Differences(CardForm.From(fields).ToState(), fields));
        Assert.Equal(["Title", "Labels"], CardForm.Differences(fields with { Title = "Ander", Labels = ["b"] }, fields));
    }

    // ---- CardTextValidator -----------------------------------------------------------------------

    [Theory]
    [InlineData(CardTextKind.ChecklistEntry, 200, "Checklistpunt")]
    [InlineData(CardTextKind.Comment, 2_000, "Reactie")]
    [InlineData(CardTextKind.LegalQuestion, 4_000, "Vraag aan de advocaten")]
    public void Card_texts_are_required_and_limited(CardTextKind kind, int max, string field)
    {
        Assert.Equal($"{field} is verplicht.", Assert.Single(TextValidator.Validate(new CardText { Kind = kind, Text = "  " }).Errors).ErrorMessage);
        Assert.True(TextValidator.Validate(new CardText { Kind = kind, Text = Chars(max) }).IsValid);
        Assert.Equal($"{field} mag hoogstens {max} tekens lang zijn.",
            Assert.Single(TextValidator.Validate(new CardText { Kind = kind, Text = Chars(max + 1) }).Errors).ErrorMessage);
    }
}
