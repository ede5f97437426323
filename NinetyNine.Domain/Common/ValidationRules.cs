using FluentValidation;

namespace NinetyNine.Domain.Common;

/// <summary>Shared FluentValidation rules with translated, field-specific messages.</summary>
public static class ValidationRules
{
    /// <summary>Something visible: spaces and invisible characters alone (zero-width space, BOM) count as empty (<see cref="TextRules.IsBlank"/>).</summary>
    public static IRuleBuilderOptions<T, string?> NotEmptyText<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(v => !TextRules.IsBlank(v))
            .WithMessage(_ => Text.Get("Text.Required", Text.Get(field)));

    /// <summary>
    /// A free text within its cap and, as the shared text rule demands of every text, without control characters other
    /// than tab and line breaks (<see cref="TextRules.HasForbiddenCharacters"/>): the aggregate would refuse them too.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MaxText<T>(this IRuleBuilder<T, string?> rule, int max, string field) =>
        rule.Must(v => (v?.Trim().Length ?? 0) <= max)
            .WithMessage(_ => Text.Get("Text.TooLong", Text.Get(field), max))
            .Must(v => !TextRules.HasForbiddenCharacters(v))
            .WithMessage(_ => Text.Get("Text.ControlCharacters", Text.Get(field)));

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


    /// <summary>
    /// Refuses markup and line breaks or tabs in one-line plain-text fields (names, towns): no one needs angle brackets
    /// there. Other control characters are refused in every field by <see cref="MaxText{T}"/>, with their own message.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(v => v is null || v.IndexOfAny(['<', '>']) < 0)
            .WithMessage(_ => Text.Get("Text.NoMarkup", Text.Get(field)))
            .Must(v => v is null || v.IndexOfAny(['\t', '\n', '\r']) < 0)
            .WithMessage(_ => Text.Get("Text.SingleLine", Text.Get(field)));

    /// <summary>Validates one property, for field-level validation in forms (MudForm).</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ValidateValue<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(
                ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName))).ConfigureAwait(false);
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
