namespace NinetyNine.Domain.Applications;

/// <summary>
/// Where an application (aanmelding) stands: Submitted → Scheduled (on a meeting) → Admitted / Declined / Deferred
/// (back to the next meeting) / Withdrawn.
/// </summary>
public enum ApplicationStatus
{
    Submitted = 1,
    Scheduled = 2,
    Admitted = 3,
    Declined = 4,
    Deferred = 5,
    Withdrawn = 6,
}

public static class ApplicationStatuses
{
    /// <summary>Waiting for the core group's decision.</summary>
    public static IReadOnlyList<ApplicationStatus> Open { get; } = [ApplicationStatus.Submitted, ApplicationStatus.Scheduled, ApplicationStatus.Deferred];
}
