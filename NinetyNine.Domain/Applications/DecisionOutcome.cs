namespace NinetyNine.Domain.Applications;

/// <summary>What the core group decided about an application.</summary>
public enum DecisionOutcome
{
    /// <summary>The employer fits the network and becomes a participating employer.</summary>
    Admitted = 1,

    /// <summary>The employer does not fit the network; the application ends.</summary>
    Declined = 2,

    /// <summary>Not decided yet: back on the agenda of the next meeting.</summary>
    Deferred = 3,
}
