using System.Net.Mail;

namespace NinetyNine.Domain.Common;

/// <summary>A work email address, trimmed and compared case-insensitively.</summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Contains(' ', StringComparison.Ordinal) || TextRules.HasForbiddenCharacters(trimmed))
        {
            return false;
        }

        return MailAddress.TryCreate(trimmed, out var parsed)
            && parsed.Address == trimmed
            && parsed.Host.Contains('.', StringComparison.Ordinal);
    }

    public static EmailAddress Parse(string? value) =>
        IsValid(value) ? new EmailAddress(value!.Trim().ToLowerInvariant()) : throw new DomainException("Email.Invalid");

    public override string ToString() => Value;
}
