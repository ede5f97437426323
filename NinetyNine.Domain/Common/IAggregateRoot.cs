namespace NinetyNine.Domain.Common;

/// <summary>
/// Marks the root of an aggregate. <see cref="Version"/> is an optimistic concurrency token:
/// persistence bumps it on every save that touches the aggregate, and a save against a stale
/// version is refused as a conflict.
/// </summary>
public interface IAggregateRoot
{
    int Version { get; }

    /// <summary>Called by persistence only, when the aggregate is saved.</summary>
    void BumpVersion();
}
