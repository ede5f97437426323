using NinetyNine.Domain.Networks;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

/// <summary>A person keeps their own name and phone up to date (the profile page); the network checks them.</summary>
public class ContactDetailsTests
{
    [Fact]
    public void ChangeContactDetails_stores_the_trimmed_name_and_phone_and_keeps_the_email()
    {
        var sample = SampleNetwork.Create();

        sample.Network.ChangeContactDetails(sample.Baker.Id, "  Ayşe Ünal-de Wit ", " 06 12345678 ");

        Assert.Equal("Ayşe Ünal-de Wit", sample.Baker.Name);
        Assert.Equal("06 12345678", sample.Baker.Phone);
        Assert.Equal("ayse@bakkerij.nl", sample.Baker.Email.Value);
    }

    [Fact]
    public void ChangeContactDetails_clears_an_empty_phone()
    {
        var sample = SampleNetwork.Create();
        sample.Network.ChangeContactDetails(sample.Baker.Id, "Ayşe Ünal", "0612345678");

        sample.Network.ChangeContactDetails(sample.Baker.Id, "Ayşe Ünal", "   ");

        Assert.Null(sample.Baker.Phone);
    }

    [Fact]
    public void ChangeContactDetails_refuses_an_empty_or_too_long_name_and_changes_nothing()
    {
        var sample = SampleNetwork.Create();

        ThrowsCode("Text.Required", () => sample.Network.ChangeContactDetails(sample.Baker.Id, "  ", null));
        ThrowsCode("Text.TooLong", () => sample.Network.ChangeContactDetails(sample.Baker.Id, new string('a', Person.NameMaxLength + 1), null));
        ThrowsCode("Text.TooLong", () => sample.Network.ChangeContactDetails(sample.Baker.Id, "Ayşe", new string('1', Person.PhoneMaxLength + 1)));

        Assert.Equal("Ayşe Ünal", sample.Baker.Name);
        Assert.Null(sample.Baker.Phone);
    }

    [Fact]
    public void ChangeContactDetails_refuses_a_deactivated_person()
    {
        var sample = SampleNetwork.Create();
        sample.Network.DeactivatePerson(sample.Mechanic.Id, Today);

        ThrowsCode("Network.PersonInactive", () => sample.Network.ChangeContactDetails(sample.Mechanic.Id, "Piet", null));
        Assert.Equal("Piet de Vries", sample.Mechanic.Name);
    }

    [Theory]
    [InlineData("", "06 1234 5678", "Naam is verplicht.")]
    [InlineData("<b>Piet</b>", null, "Naam")]
    [InlineData("Piet", "12345", "Vul een geldig telefoonnummer in (9 tot 15 cijfers).")]
    [InlineData("Piet", "06-abc-12345", "Vul een geldig telefoonnummer in (9 tot 15 cijfers).")]
    public void Validator_gives_a_specific_message_per_field(string name, string? phone, string expected)
    {
        using var culture = new UiCulture("nl");
        var result = new ChangeContactDetailsValidator().Validate(new ChangeContactDetails { Name = name, Phone = phone });

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ErrorMessage.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Piet de Vries", null)]
    [InlineData("Piet de Vries", "+31 (0)6 1234 5678")]
    public void Validator_accepts_a_name_with_or_without_phone(string name, string? phone) =>
        Assert.True(new ChangeContactDetailsValidator().Validate(new ChangeContactDetails { Name = name, Phone = phone }).IsValid);
}
