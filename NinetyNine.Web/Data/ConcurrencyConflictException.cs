namespace NinetyNine.Web.Data;

/// <summary>Someone else saved the same aggregate first; nothing was written. Shown to the person as a conflict.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException() { }

    public ConcurrencyConflictException(string message) : base(message) { }

    public ConcurrencyConflictException(string message, Exception innerException) : base(message, innerException) { }
}
