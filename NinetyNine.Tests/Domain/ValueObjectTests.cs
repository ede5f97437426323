using NinetyNine.Domain.Common;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

public class ValueObjectTests
{
    [Theory]
    [InlineData("12345678")]
    [InlineData("1234 5678")]
    [InlineData("12.34.56.78")]
    [InlineData("1234-5678")]
    [InlineData(" 12345678 ")]
    public void KvkNumber_accepts_eight_digits_with_the_separators_people_type(string typed)
    {
        var kvk = KvkNumber.Parse(typed);

        Assert.Equal("12345678", kvk.Value);
        Assert.Equal("12345678", kvk.ToString());
    }

    [Theory]
    [InlineData("1234567")] // 7 digits
    [InlineData("123456789")] // 9 digits
    [InlineData("1234 567")]
    [InlineData("1234567a")]
    [InlineData("abcdefgh")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("١٢٣٤٥٦٧٨")] // Arabic-Indic digits: char.IsDigit, but not ASCII
    [InlineData("１２３４５６７８")] // full-width digits
    [InlineData("1234/5678")]
    public void KvkNumber_refuses_anything_but_eight_ascii_digits(string? typed)
    {
        ThrowsCode("Kvk.Invalid", () => KvkNumber.Parse(typed));
        Assert.False(KvkNumber.IsValid(KvkNumber.Normalise(typed)));
    }

    [Fact]
    public void KvkNumber_IsValid_is_strict_and_Normalise_strips_separators()
    {
        Assert.True(KvkNumber.IsValid("12345678"));
        Assert.False(KvkNumber.IsValid("1234 5678"));
        Assert.Equal("12345678", KvkNumber.Normalise("12.34 56-78"));
        Assert.Equal(string.Empty, KvkNumber.Normalise(null));
    }

    [Fact]
    public void KvkNumbers_typed_differently_are_equal()
    {
        Assert.Equal(KvkNumber.Parse("1234 5678"), KvkNumber.Parse("12.34.56.78"));
        Assert.NotEqual(KvkNumber.Parse("12345678"), KvkNumber.Parse("12345679"));
    }

    [Theory]
    [InlineData("jan@bedrijf.nl", "jan@bedrijf.nl")]
    [InlineData("Jan.Jansen@Bedrijf.NL", "jan.jansen@bedrijf.nl")]
    [InlineData("  a.b+tag@sub.domein.nl  ", "a.b+tag@sub.domein.nl")]
    [InlineData("info@bäckerei-ünal.de", "info@bäckerei-ünal.de")]
    public void EmailAddress_accepts_a_work_address_trimmed_and_lower_cased(string typed, string expected)
    {
        Assert.True(EmailAddress.IsValid(typed));
        Assert.Equal(expected, EmailAddress.Parse(typed).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("jan")]
    [InlineData("jan@bedrijf")] // no dot in the host
    [InlineData("@bedrijf.nl")]
    [InlineData("jan@")]
    [InlineData("jan @bedrijf.nl")]
    [InlineData("jan@ bedrijf.nl")]
    [InlineData("jan jansen@bedrijf.nl")]
    [InlineData("jan\t@bedrijf.nl")]
    [InlineData("jan@@bedrijf.nl")]
    [InlineData("Jan <jan@bedrijf.nl>")] // a display name is not an address
    [InlineData("jan@bedrijf.nl, piet@bedrijf.nl")]
    public void EmailAddress_refuses_invalid_addresses(string? typed)
    {
        Assert.False(EmailAddress.IsValid(typed));
        ThrowsCode("Email.Invalid", () => EmailAddress.Parse(typed));
    }

    [Fact]
    public void EmailAddress_may_be_254_characters_but_not_255()
    {
        var domain = string.Join('.', new string('b', 63), new string('c', 63), new string('d', 63)) + ".nl";
        var longest = new string('a', EmailAddress.MaxLength - 1 - domain.Length) + "@" + domain;
        var tooLong = "a" + longest;
        Assert.Equal(254, longest.Length);

        Assert.True(EmailAddress.IsValid(longest));
        Assert.False(EmailAddress.IsValid(tooLong));
        ThrowsCode("Email.Invalid", () => EmailAddress.Parse(tooLong));
    }

    [Fact]
    public void EmailAddresses_are_equal_whatever_the_case()
    {
        Assert.Equal(EmailAddress.Parse("Jan@Bedrijf.nl"), EmailAddress.Parse("jan@bedrijf.NL"));
        Assert.NotEqual(EmailAddress.Parse("jan@bedrijf.nl"), EmailAddress.Parse("piet@bedrijf.nl"));
    }

    [Fact]
    public void Email_message_is_translated_into_Dutch_and_English()
    {
        using (UiCulture.Dutch())
        {
            Assert.Equal("Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.",
                ThrowsCode("Email.Invalid", () => EmailAddress.Parse("geen-adres")).Message);
        }

        using (UiCulture.English())
        {
            Assert.Equal("Enter a valid email address, for example name@company.nl.",
                ThrowsCode("Email.Invalid", () => EmailAddress.Parse("no-address")).Message);
        }
    }
}
