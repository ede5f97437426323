using FluentValidation;
using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Networks;

/// <summary>What a person types on their profile about themselves.</summary>
public sealed class ChangeContactDetails
{
    public string Name { get; set; } = string.Empty;
    public string? Phone { get; set; }
}

public sealed class ChangeContactDetailsValidator : AbstractValidator<ChangeContactDetails>
{
    public ChangeContactDetailsValidator()
    {
        RuleFor(x => x.Name).NotEmptyText("Field.PersonName")
            .MaxText(Person.NameMaxLength, "Field.PersonName").PlainText("Field.PersonName");
        RuleFor(x => x.Phone).MaxText(Person.PhoneMaxLength, "Field.Phone")
            .Must(BeAPhoneNumber).WithMessage(_ => Text.Get("Phone.Invalid"));
    }

    /// <summary>Empty, or 9 to 15 digits with the usual separators (the same rule as the application form).</summary>
    public static bool BeAPhoneNumber(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (value.Count(char.IsAsciiDigit) is >= 9 and <= 15 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')'));
}
