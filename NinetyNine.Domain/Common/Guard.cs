namespace NinetyNine.Domain.Common;

internal static class Guard
{
    /// <summary>
    /// Trims a required text and checks it with the shared rule (<see cref="TextRules"/>): something visible, no control
    /// characters, not too long. The code names the field in the message.
    /// </summary>
    public static string Text(string? value, int maxLength, string field)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (TextRules.IsBlank(trimmed))
        {
            throw new DomainException("Text.Required", Common.Text.Get(field));
        }

        return Checked(trimmed, maxLength, field);
    }

    /// <summary>An optional text: blank (nothing visible) becomes null; otherwise the same checks as <see cref="Text"/>.</summary>
    public static string? OptionalText(string? value, int maxLength, string field)
    {
        var trimmed = value?.Trim();
        return TextRules.IsBlank(trimmed) ? null : Checked(trimmed!, maxLength, field);
    }

    /// <summary>A free text kept exactly as typed (notes): it may be empty, but it may not be too long or hold control characters.</summary>
    public static string FreeText(string? value, int maxLength, string field)
    {
        var text = value ?? string.Empty;
        return Checked(text, maxLength, field);
    }

    private static string Checked(string text, int maxLength, string field)
    {
        if (text.Length > maxLength)
        {
            throw new DomainException("Text.TooLong", Common.Text.Get(field), maxLength);
        }

        TextRules.EnsureNoForbiddenCharacters(text, field);
        return text;
    }
}
