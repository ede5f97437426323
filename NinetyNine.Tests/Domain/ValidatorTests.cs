using FluentValidation;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;

namespace NinetyNine.Tests.Domain;

public class ValidatorTests
{
    private const string KvkMessage = "Een KvK-nummer bestaat uit precies 8 cijfers.";
    private const string EmailMessage = "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.";
    private const string PhoneMessage = "Vul een geldig telefoonnummer in (9 tot 15 cijfers).";
    private const string WebsiteMessage = "Vul een geldig webadres in, bijvoorbeeld www.bedrijf.nl.";
    private const string JobsMessage = "Het aantal banen moet tussen 0 en 100000 liggen.";

    private static readonly SubmitApplicationValidator ApplicationValidator = new();
    private static readonly AddEmployerValidator EmployerValidator = new(TimeProvider.System);
    private static readonly RecordJobsValidator JobsValidator = new();
    private static readonly DescribeThemeGroupValidator ThemeGroupValidator = new();

    private static string Chars(int length) => new('x', length);

    private static AddEmployer ValidEmployer() => new()
    {
        Name = "Bäckerei Ünal & Zn.",
        Kvk = "1234 5678",
        Sector = "Voeding",
        Town = "'s-Hertogenbosch",
        JoinedOn = new DateTime(2024, 5, 1),
        JobsAmbition = 3,
        ListedPublicly = true,
    };

    /// <summary>Sets a string property by name and validates in Dutch; expects exactly one error, on that property.</summary>
    private static void AssertOnlyError<T>(IValidator<T> validator, T model, string property, string expectedMessage)
    {
        var result = validator.Validate(model);

        var error = Assert.Single(result.Errors);
        Assert.Equal(property, error.PropertyName);
        Assert.Equal(expectedMessage, error.ErrorMessage);
    }

    private static void Set<T>(T model, string property, object? value) =>
        typeof(T).GetProperty(property)!.SetValue(model, value);

    // ---- SubmitApplicationValidator ------------------------------------------------------------

    [Fact]
    public void SubmitApplication_valid_form_passes()
    {
        Assert.True(ApplicationValidator.Validate(ApplicationTests.ValidForm()).IsValid);
    }

    [Theory]
    [InlineData("CompanyName", "Bäckerei Ünal & Zn.")]
    [InlineData("CompanyName", "Café 't Hoekje B.V.")]
    [InlineData("CompanyName", "Zorggroep Ōmura-Ångström (NL)")]
    [InlineData("ContactName", "Ayşe Ünal-Çelik")]
    [InlineData("ContactName", "Zoë d'Ancona")]
    [InlineData("Town", "'s-Hertogenbosch")]
    [InlineData("Sector", "Zorg & Welzijn")]
    [InlineData("Website", null)]
    [InlineData("Website", "")]
    [InlineData("Website", "bedrijf.nl")]
    [InlineData("Website", "https://www.bedrijf.nl/werken-bij?x=1")]
    [InlineData("Website", "http://bäckerei.de")]
    [InlineData("ContactPhone", null)]
    [InlineData("ContactPhone", "0612345678")]
    [InlineData("ContactPhone", "+31 (0)30-123 4567")]
    [InlineData("ContactRole", null)]
    [InlineData("OfferDetails", null)]
    [InlineData("Kvk", "12.34.56.78")]
    [InlineData("ContactEmail", "  Jan.Jansen@Bedrijf.NL ")]
    public void SubmitApplication_accepts_unicode_names_and_optional_or_valid_fields(string property, string? value)
    {
        var form = ApplicationTests.ValidForm();
        Set(form, property, value);

        var result = ApplicationValidator.Validate(form);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    public static TheoryData<string, string?, string> BadApplicationText => new()
    {
        { "CompanyName", "", "Bedrijfsnaam is verplicht." },
        { "CompanyName", "   ", "Bedrijfsnaam is verplicht." },
        { "CompanyName", null, "Bedrijfsnaam is verplicht." },
        { "CompanyName", Chars(201), "Bedrijfsnaam mag hoogstens 200 tekens lang zijn." },
        { "Kvk", "1234567", KvkMessage },
        { "Kvk", "123456789", KvkMessage },
        { "Kvk", "abcdefgh", KvkMessage },
        { "Kvk", "", KvkMessage },
        { "Kvk", "١٢٣٤٥٦٧٨", KvkMessage },
        { "Sector", "", "Sector is verplicht." },
        { "Sector", Chars(101), "Sector mag hoogstens 100 tekens lang zijn." },
        { "Town", "  ", "Plaats is verplicht." },
        { "Town", Chars(101), "Plaats mag hoogstens 100 tekens lang zijn." },
        { "Website", "javascript:alert(1)", WebsiteMessage },
        { "Website", "not a url", WebsiteMessage },
        { "Website", "http://localhost", WebsiteMessage },
        { "Website", "ftp://bedrijf.nl", WebsiteMessage },
        { "Website", "https://www.bedrijf.nl/" + Chars(278), "Website mag hoogstens 300 tekens lang zijn." },
        { "ContactName", "", "Naam is verplicht." },
        { "ContactName", Chars(201), "Naam mag hoogstens 200 tekens lang zijn." },
        { "ContactRole", Chars(101), "Functie mag hoogstens 100 tekens lang zijn." },
        { "ContactEmail", "", EmailMessage },
        { "ContactEmail", "jan@bedrijf", EmailMessage },
        { "ContactEmail", "jan @bedrijf.nl", EmailMessage },
        { "ContactEmail", "Jan <jan@bedrijf.nl>", EmailMessage },
        { "ContactEmail", Chars(246) + "@bedrijf.nl", EmailMessage },
        { "ContactPhone", "abc", PhoneMessage },
        { "ContactPhone", "12345", PhoneMessage },
        { "ContactPhone", "06-1234x5678", PhoneMessage },
        { "ContactPhone", "+31 6 1234 5678 9012 3", PhoneMessage },
        { "Motivation", "", "Motivatie is verplicht." },
        { "Motivation", Chars(4001), "Motivatie mag hoogstens 4000 tekens lang zijn." },
        { "OfferDetails", Chars(4001), "Toelichting op wat u biedt mag hoogstens 4000 tekens lang zijn." },
    };

    [Theory]
    [MemberData(nameof(BadApplicationText))]
    public void SubmitApplication_bad_text_yields_one_error_on_that_property(string property, string? value, string expected)
    {
        using var dutch = UiCulture.Dutch();
        var form = ApplicationTests.ValidForm();
        Set(form, property, value);

        AssertOnlyError(ApplicationValidator, form, property, expected);
    }

    [Theory]
    [InlineData("CompanyName", "<script>alert(1)</script>", "Bedrijfsnaam", Markup)]
    [InlineData("CompanyName", "Acme\u0000BV", "Bedrijfsnaam", Control)]
    [InlineData("CompanyName", "Acme BV\r\n", "Bedrijfsnaam", OneLine)]
    [InlineData("Sector", "Bouw\u0007", "Sector", Control)]
    [InlineData("Town", "Utrecht<", "Plaats", Markup)]
    [InlineData("ContactName", "<b>Jan</b>", "Naam", Markup)]
    [InlineData("ContactName", "Jan\u001bJansen", "Naam", Control)]
    [InlineData("ContactRole", "Eigenaar<br>", "Functie", Markup)]
    public void SubmitApplication_markup_or_control_characters_in_names_yield_one_error(string property, string value, string field, string message)
    {
        using var dutch = UiCulture.Dutch();
        var form = ApplicationTests.ValidForm();
        Set(form, property, value);

        var error = Assert.Single(ApplicationValidator.Validate(form).Errors);

        Assert.Equal(property, error.PropertyName);
        Assert.Equal(field + message, error.ErrorMessage);
    }

    private const string Markup = " mag geen tekens als < of > bevatten.";
    private const string Control = " bevat onzichtbare stuurtekens (zoals een nulteken). Haal ze weg en probeer het opnieuw.";
    private const string OneLine = " moet op één regel passen, zonder tabs of onzichtbare stuurtekens.";

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(SubmitApplication.MaxEmployees + 1)]
    public void SubmitApplication_employees_out_of_range_yield_one_error(int employees)
    {
        using var dutch = UiCulture.Dutch();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            var form = ApplicationTests.ValidForm();
            form.Employees = employees;

            // The maximum is written with thousands separators, as a Dutch reader expects.
            AssertOnlyError(ApplicationValidator, form, "Employees", "Het aantal medewerkers moet tussen 1 en 1.000.000 liggen.");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void SubmitApplication_without_a_number_of_employees_asks_for_one()
    {
        using var dutch = UiCulture.Dutch();
        var form = ApplicationTests.ValidForm();
        form.Employees = null;

        AssertOnlyError(ApplicationValidator, form, "Employees", "Vul het aantal medewerkers in.");
    }

    [Fact]
    public void SubmitApplication_nothing_offered_yields_one_error()
    {
        using var dutch = UiCulture.Dutch();
        var form = ApplicationTests.ValidForm();
        form.Offers = Offer.None;

        AssertOnlyError(ApplicationValidator, form, "Offers", "Kies ten minste één ding dat u het netwerk kunt bieden.");
    }

    [Fact]
    public void SubmitApplication_messages_follow_the_UI_culture()
    {
        var form = ApplicationTests.ValidForm();
        form.CompanyName = "";
        form.Kvk = "1234";

        using (UiCulture.English())
        {
            var errors = ApplicationValidator.Validate(form).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
            Assert.Equal("Company name is required.", errors["CompanyName"]);
            Assert.Equal("A KvK number has exactly 8 digits.", errors["Kvk"]);
        }

        using (UiCulture.Dutch())
        {
            var errors = ApplicationValidator.Validate(form).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
            Assert.Equal("Bedrijfsnaam is verplicht.", errors["CompanyName"]);
            Assert.Equal(KvkMessage, errors["Kvk"]);
        }
    }

    // ---- AddEmployerValidator ------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(Employer.MaxJobs)]
    public void AddEmployer_valid_input_passes(int jobsAmbition)
    {
        var model = ValidEmployer();
        model.JobsAmbition = jobsAmbition;

        Assert.True(EmployerValidator.Validate(model).IsValid);
    }

    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(1900, 1, 1)]
    public void AddEmployer_a_join_date_years_away_is_refused_at_its_field_and_by_the_network(int year, int month, int day)
    {
        using var dutch = UiCulture.Dutch();
        var model = ValidEmployer();
        model.JoinedOn = new DateTime(year, month, day);
        var today = DateOnly.FromDateTime(DateTime.Today);

        var error = Assert.Single(EmployerValidator.Validate(model).Errors);
        var network = DomainFixtures.FoundNetwork();
        var refused = Assert.Throws<DomainException>(() => network.AddEmployer("Bakkerij Laat", KvkNumber.Parse("87654321"), "Voeding", "Utrecht",
            DateOnly.FromDateTime(model.JoinedOn.Value), 0, today: today));

        Assert.Equal(nameof(AddEmployer.JoinedOn), error.PropertyName);
        Assert.StartsWith("Deelnemer sinds moet tussen", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(error.ErrorMessage, refused.Message);
        Assert.Empty(network.Employers);
        // Long ago is fine: many employers joined before the app existed.
        model.JoinedOn = DateTime.Today.AddYears(-12);
        Assert.True(EmployerValidator.Validate(model).IsValid);
    }

    public static TheoryData<string, string?, string> BadEmployerText => new()
    {
        { "Name", "", "Bedrijfsnaam is verplicht." },
        { "Name", " \u00a0 ", "Bedrijfsnaam is verplicht." },
        { "Name", Chars(201), "Bedrijfsnaam mag hoogstens 200 tekens lang zijn." },
        { "Kvk", "1234567", KvkMessage },
        { "Kvk", "abcdefgh", KvkMessage },
        { "Kvk", null, KvkMessage },
        { "Sector", "", "Sector is verplicht." },
        { "Sector", Chars(101), "Sector mag hoogstens 100 tekens lang zijn." },
        { "Town", "", "Plaats is verplicht." },
        { "Town", Chars(101), "Plaats mag hoogstens 100 tekens lang zijn." },
    };

    [Theory]
    [MemberData(nameof(BadEmployerText))]
    public void AddEmployer_bad_text_yields_one_error_on_that_property(string property, string? value, string expected)
    {
        using var dutch = UiCulture.Dutch();
        var model = ValidEmployer();
        Set(model, property, value);

        AssertOnlyError(EmployerValidator, model, property, expected);
    }

    [Theory]
    [InlineData("Name", "<script>alert(1)</script>", "Bedrijfsnaam", Markup)]
    [InlineData("Name", "Acme\tBV", "Bedrijfsnaam", OneLine)]
    [InlineData("Sector", "<i>Bouw</i>", "Sector", Markup)]
    [InlineData("Town", "Zeist\u0000", "Plaats", Control)]
    public void AddEmployer_markup_or_control_characters_yield_one_error(string property, string value, string field, string message)
    {
        using var dutch = UiCulture.Dutch();
        var model = ValidEmployer();
        Set(model, property, value);

        AssertOnlyError(EmployerValidator, model, property, field + message);
    }

    [Fact]
    public void AddEmployer_without_join_date_yields_one_error()
    {
        using var dutch = UiCulture.Dutch();
        var model = ValidEmployer();
        model.JoinedOn = null;

        AssertOnlyError(EmployerValidator, model, "JoinedOn", "Deelnemer sinds is verplicht.");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Employer.MaxJobs + 1)]
    public void AddEmployer_jobs_ambition_out_of_range_yields_one_error(int jobsAmbition)
    {
        using var dutch = UiCulture.Dutch();
        var model = ValidEmployer();
        model.JobsAmbition = jobsAmbition;

        AssertOnlyError(EmployerValidator, model, "JobsAmbition", JobsMessage);
    }

    // ---- RecordJobsValidator -------------------------------------------------------------------

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 25)]
    [InlineData(Employer.MaxJobs, Employer.MaxJobs)]
    public void RecordJobs_in_range_passes(int ambition, int realised)
    {
        Assert.True(JobsValidator.Validate(new RecordJobs { JobsAmbition = ambition, JobsRealised = realised }).IsValid);
    }

    [Theory]
    [InlineData(-1, 0, "JobsAmbition")]
    [InlineData(Employer.MaxJobs + 1, 0, "JobsAmbition")]
    [InlineData(0, -5, "JobsRealised")]
    [InlineData(0, Employer.MaxJobs + 1, "JobsRealised")]
    public void RecordJobs_out_of_range_yields_one_error_on_that_count(int ambition, int realised, string property)
    {
        using var dutch = UiCulture.Dutch();

        AssertOnlyError(JobsValidator, new RecordJobs { JobsAmbition = ambition, JobsRealised = realised }, property, JobsMessage);
    }

    // ---- DescribeThemeGroupValidator -----------------------------------------------------------

    [Theory]
    [InlineData("Inclusief werven", "")]
    [InlineData("Scholing & ontwikkeling", "Samen opleiden in de regio.")]
    public void DescribeThemeGroup_valid_input_passes(string name, string goal)
    {
        Assert.True(ThemeGroupValidator.Validate(new DescribeThemeGroup { Name = name, Goal = goal }).IsValid);
    }

    [Fact]
    public void DescribeThemeGroup_accepts_the_maximum_lengths()
    {
        var model = new DescribeThemeGroup { Name = Chars(ThemeGroup.NameMaxLength), Goal = Chars(ThemeGroup.GoalMaxLength) };

        Assert.True(ThemeGroupValidator.Validate(model).IsValid);
    }

    public static TheoryData<string, string, string, string> BadThemeGroups => new()
    {
        { "", "Doel", "Name", "Naam van de themagroep is verplicht." },
        { "   ", "Doel", "Name", "Naam van de themagroep is verplicht." },
        { Chars(101), "Doel", "Name", "Naam van de themagroep mag hoogstens 100 tekens lang zijn." },
        { "Inclusief werven", Chars(2001), "Goal", "Doel mag hoogstens 2000 tekens lang zijn." },
    };

    [Theory]
    [MemberData(nameof(BadThemeGroups))]
    public void DescribeThemeGroup_bad_input_yields_one_error_on_that_property(string name, string goal, string property, string expected)
    {
        using var dutch = UiCulture.Dutch();

        AssertOnlyError(ThemeGroupValidator, new DescribeThemeGroup { Name = name, Goal = goal }, property, expected);
    }

    [Fact]
    public void DescribeThemeGroup_refuses_markup_in_the_name()
    {
        using var dutch = UiCulture.Dutch();

        AssertOnlyError(ThemeGroupValidator, new DescribeThemeGroup { Name = "<script>alert(1)</script>", Goal = "" },
            "Name", "Naam van de themagroep mag geen tekens als < of > bevatten.");
    }

    // ---- Messages and ValidateValue ------------------------------------------------------------

    [Fact]
    public void NoMarkup_message_shows_the_angle_brackets_themselves()
    {
        using (UiCulture.Dutch())
        {
            Assert.Equal("Naam mag geen tekens als < of > bevatten.", Text.Get("Text.NoMarkup", "Naam"));
        }

        using (UiCulture.English())
        {
            Assert.Equal("Name cannot contain characters such as < or >.", Text.Get("Text.NoMarkup", "Name"));
        }
    }

    [Fact]
    public async Task ValidateValue_returns_only_the_messages_of_the_named_property()
    {
        using var dutch = UiCulture.Dutch();
        var form = ApplicationTests.ValidForm();
        form.CompanyName = "";
        form.Kvk = "abc";
        form.ContactEmail = "geen-adres";
        var validate = ApplicationValidator.ValidateValue();

        Assert.Equal([KvkMessage], await validate(form, nameof(SubmitApplication.Kvk)));
        Assert.Equal([EmailMessage], await validate(form, nameof(SubmitApplication.ContactEmail)));
        Assert.Equal(["Bedrijfsnaam is verplicht."], await validate(form, nameof(SubmitApplication.CompanyName)));
        Assert.Empty(await validate(form, nameof(SubmitApplication.Sector)));
        Assert.Empty(await validate(form, "NoSuchProperty"));
    }

    [Fact]
    public async Task ValidateValue_returns_every_message_of_a_property_that_breaks_several_rules()
    {
        using var dutch = UiCulture.Dutch();
        var model = ValidEmployer();
        model.Name = "<" + Chars(200);
        model.Kvk = "1";

        var messages = (await EmployerValidator.ValidateValue()(model, nameof(AddEmployer.Name))).ToList();

        Assert.Equal(2, messages.Count);
        Assert.Contains("Bedrijfsnaam mag hoogstens 200 tekens lang zijn.", messages);
        Assert.Contains("Bedrijfsnaam mag geen tekens als < of > bevatten.", messages);
        Assert.DoesNotContain(KvkMessage, messages);
    }
}
