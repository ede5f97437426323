using FluentValidation;

namespace NinetyNine.Domain.Common;

/// <summary>Shared FluentValidation rules with translated, field-specific messages.</summary>
public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string?> NotEmptyText<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v))
            .WithMessage(_ => Text.Get("Text.Required", Text.Get(field)));

    public static IRuleBuilderOptions<T, string?> MaxText<T>(this IRuleBuilder<T, string?> rule, int max, string field) =>
        rule.Must(v => (v?.Trim().Length ?? 0) <= max)
            .WithMessage(_ => Text.Get("Text.TooLong", Text.Get(field), max));

    public static IRuleBuilderOptions<T, string?> Kvk<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => KvkNumber.IsValid(KvkNumber.Normalise(v)))
            .WithMessage(_ => Text.Get("Kvk.Invalid"));

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(EmailAddress.IsValid)
            .WithMessage(_ => Text.Get("Email.Invalid"));

    /// <summary>An optional phone number: 9 to 15 digits, with spaces, +, - and brackets allowed between them.</summary>
    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsPhoneNumber).WithMessage(_ => Text.Get("Phone.Invalid"));

    public static bool IsPhoneNumber(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (value.Count(char.IsAsciiDigit) is >= 9 and <= 15 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')'));

    /// <summary>Refuses markup in plain-text fields (names, towns): no one needs angle brackets there.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(v => v is null || (v.IndexOfAny(['<', '>']) < 0 && !v.Any(char.IsControl)))
            .WithMessage(_ => Text.Get("Text.NoMarkup", Text.Get(field)));

    /// <summary>Validates one property, for field-level validation in forms (MudForm).</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ValidateValue<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(
                ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName))).ConfigureAwait(false);
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
