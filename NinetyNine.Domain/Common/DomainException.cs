namespace NinetyNine.Domain.Common;

/// <summary>
/// Thrown when an operation would break an invariant of an aggregate.
/// The message is translated (current UI culture) and fit to show to a person.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, params object[] args)
        : base(Text.Get(code, args))
    {
        Code = code;
    }

    public DomainException() : this("Unknown") { }

    public DomainException(string message, Exception innerException) : base(message, innerException)
    {
        Code = "Unknown";
    }

    /// <summary>The resource key of the message, stable across languages (for tests and logs).</summary>
    public string Code { get; } = "Unknown";
}
