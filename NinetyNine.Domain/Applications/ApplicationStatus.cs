namespace NinetyNine.Domain.Applications;

/// <summary>Where an application (aanmelding) stands. Later steps (scheduling, decision) follow.</summary>
public enum ApplicationStatus
{
    Submitted = 1,
}
