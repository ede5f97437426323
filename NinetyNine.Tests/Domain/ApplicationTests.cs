using System.Globalization;
using System.Text.RegularExpressions;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using static NinetyNine.Tests.Domain.DomainFixtures;
using Application = NinetyNine.Domain.Applications.Application;

namespace NinetyNine.Tests.Domain;

public class ApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 5, 14, 30, 0, TimeSpan.FromHours(1));

    /// <summary>A form that passes validation; tests spoil one field at a time.</summary>
    internal static SubmitApplication ValidForm() => new()
    {
        CompanyName = "  Bäckerei Ünal & Zn. ",
        Kvk = "12.34.56.78",
        Sector = "Voeding",
        Town = "Utrecht",
        Employees = 12,
        Website = "www.baeckerei-uenal.nl",
        ContactName = "Ayşe Ünal",
        ContactRole = "Eigenaar",
        ContactEmail = "  Ayse@Bakkerij.NL ",
        ContactPhone = "+31 (0)30 123 4567",
        Motivation = "Wij willen graag leerwerkplekken bieden.",
        Offers = Offer.Jobs | Offer.WorkPlacements,
        OfferDetails = "Twee plekken per jaar.",
        ConsentToBeListed = true,
    };

    [Fact]
    public void Submit_of_a_valid_form_is_open_with_normalised_data()
    {
        var networkId = NetworkId.New();

        var application = Application.Submit(networkId, ValidForm(), Now);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.True(application.IsOpen);
        Assert.Equal(networkId, application.NetworkId);
        Assert.NotEqual(Guid.Empty, application.Id.Value);
        Assert.False(string.IsNullOrWhiteSpace(application.Reference));
        Assert.Equal("12345678", application.Kvk.Value);
        Assert.Equal("ayse@bakkerij.nl", application.ContactEmail.Value);
        Assert.Equal("Bäckerei Ünal & Zn.", application.CompanyName);
        Assert.Equal(12, application.Employees);
        Assert.Equal(Offer.Jobs | Offer.WorkPlacements, application.Offers);
        Assert.True(application.ConsentToBeListed);
        Assert.Equal(Now, application.SubmittedAt);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example.nl")]
    [InlineData("not a url")]
    public void Submit_refuses_a_website_that_is_not_an_http_address_even_past_the_validator(string website)
    {
        var form = ValidForm();
        form.Website = website;

        ThrowsCode("Application.Website", () => Application.Submit(NetworkId.New(), form, Now));
    }

    [Fact]
    public void Reference_uses_the_gregorian_year_whatever_the_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("th-TH");
        try
        {
            Assert.StartsWith("A2603-", Application.Submit(NetworkId.New(), ValidForm(), Now).Reference, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Submit_gives_a_reference_of_year_month_and_a_code_from_the_id()
    {
        var application = Application.Submit(NetworkId.New(), ValidForm(), Now);

        Assert.Matches(new Regex("^A2603-[0-9A-F]{5}$"), application.Reference);
        Assert.EndsWith(application.Id.Value.ToString("N")[^5..].ToUpperInvariant(), application.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_leaves_blank_optional_fields_empty()
    {
        var form = ValidForm();
        form.Website = "   ";
        form.ContactRole = null;
        form.ContactPhone = "";
        form.OfferDetails = " ";

        var application = Application.Submit(NetworkId.New(), form, Now);

        Assert.Null(application.Website);
        Assert.Null(application.ContactRole);
        Assert.Null(application.ContactPhone);
        Assert.Null(application.OfferDetails);
    }

    [Fact]
    public void Submit_with_nothing_offered_is_refused()
    {
        var form = ValidForm();
        form.Offers = Offer.None;

        ThrowsCode("Application.NothingOffered", () => Application.Submit(NetworkId.New(), form, Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(SubmitApplication.MaxEmployees + 1)]
    public void Submit_with_employees_out_of_range_is_refused(int employees)
    {
        var form = ValidForm();
        form.Employees = employees;

        ThrowsCode("Application.Employees", () => Application.Submit(NetworkId.New(), form, Now));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(SubmitApplication.MaxEmployees)]
    public void Submit_accepts_the_employee_bounds(int employees)
    {
        var form = ValidForm();
        form.Employees = employees;

        Assert.Equal(employees, Application.Submit(NetworkId.New(), form, Now).Employees);
    }

    [Theory]
    [InlineData("Kvk", "1234567", "Kvk.Invalid")]
    [InlineData("ContactEmail", "ayse@bakkerij", "Email.Invalid")]
    [InlineData("CompanyName", "  ", "Text.Required")]
    [InlineData("ContactName", "", "Text.Required")]
    [InlineData("Motivation", "", "Text.Required")]
    [InlineData("Town", "", "Text.Required")]
    public void Submit_checks_the_invariants_again(string property, string value, string code)
    {
        var form = ValidForm();
        typeof(SubmitApplication).GetProperty(property)!.SetValue(form, value);

        ThrowsCode(code, () => Application.Submit(NetworkId.New(), form, Now));
    }

    [Fact]
    public void Employees_message_is_translated_into_Dutch_and_English()
    {
        var form = ValidForm();
        form.Employees = 0;
        var culture = CultureInfo.CurrentCulture;
        using var restore = new Restore(() => CultureInfo.CurrentCulture = culture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");

        using (UiCulture.Dutch())
        {
            Assert.Equal("Het aantal medewerkers moet tussen 1 en 1.000.000 liggen.",
                ThrowsCode("Application.Employees", () => Application.Submit(NetworkId.New(), form, Now)).Message);
        }

        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
        using (UiCulture.English())
        {
            Assert.Equal("The number of employees must be between 1 and 1,000,000.",
                ThrowsCode("Application.Employees", () => Application.Submit(NetworkId.New(), form, Now)).Message);
        }
    }
}

file sealed class Restore(Action restore) : IDisposable
{
    public void Dispose() => restore();
}
