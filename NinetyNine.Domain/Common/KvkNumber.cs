namespace NinetyNine.Domain.Common;

/// <summary>A Dutch Chamber of Commerce (KvK) number: exactly eight digits.</summary>
public sealed record KvkNumber
{
    private KvkNumber(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? value) =>
        value is { Length: 8 } && value.All(char.IsAsciiDigit);

    /// <summary>Accepts the number with spaces or dots people often type ("1234 5678").</summary>
    public static KvkNumber Parse(string? value)
    {
        var compact = Normalise(value);
        return IsValid(compact) ? new KvkNumber(compact) : throw new DomainException("Kvk.Invalid");
    }

    public static string Normalise(string? value) =>
        new((value ?? string.Empty).Where(c => c is not (' ' or '.' or '-')).ToArray());

    public override string ToString() => Value;
}
