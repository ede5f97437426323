namespace NinetyNine.Domain.Common;

internal static class Guard
{
    /// <summary>Trims a required text and checks its length; the code names the field in the message.</summary>
    public static string Text(string? value, int maxLength, string field)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException("Text.Required", Common.Text.Get(field));
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException("Text.TooLong", Common.Text.Get(field), maxLength);
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, int maxLength, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > maxLength
            ? throw new DomainException("Text.TooLong", Common.Text.Get(field), maxLength)
            : trimmed;
    }
}
