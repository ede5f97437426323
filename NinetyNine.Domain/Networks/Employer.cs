using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Networks;

/// <summary>
/// A participating employer (deelnemende werkgever). Jobs are counted per employer, never per
/// candidate: the network stores nothing about the people who get the jobs.
/// </summary>
public sealed class Employer
{
    public const int NameMaxLength = 200;
    public const int SectorMaxLength = 100;
    public const int TownMaxLength = 100;
    public const int MaxJobs = 100_000;

    private Employer() { }

    internal Employer(string name, KvkNumber kvk, string sector, string town, DateOnly joinedOn, int jobsAmbition, bool listedPublicly)
    {
        Id = EmployerId.New();
        Name = Guard.Text(name, NameMaxLength, "Field.EmployerName");
        Kvk = kvk;
        Sector = Guard.Text(sector, SectorMaxLength, "Field.Sector");
        Town = Guard.Text(town, TownMaxLength, "Field.Town");
        JoinedOn = joinedOn;
        Status = EmployerStatus.Active;
        ListedPublicly = listedPublicly;
        SetJobs(jobsAmbition, 0);
    }

    public EmployerId Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public KvkNumber Kvk { get; private set; } = null!;
    public string Sector { get; private set; } = string.Empty;
    public string Town { get; private set; } = string.Empty;
    public DateOnly JoinedOn { get; private set; }
    public DateOnly? LeftOn { get; private set; }
    public EmployerStatus Status { get; private set; }
    public int JobsAmbition { get; private set; }
    public int JobsRealised { get; private set; }
    public bool ListedPublicly { get; private set; }

    public bool IsActive => Status == EmployerStatus.Active;

    /// <summary>Whether the employer consents to be named on the network's public page.</summary>
    internal void SetListed(bool listed) => ListedPublicly = listed;

    internal void SetJobs(int ambition, int realised)
    {
        if (ambition is < 0 or > MaxJobs || realised is < 0 or > MaxJobs)
        {
            throw new DomainException("Employer.JobsOutOfRange", MaxJobs);
        }

        JobsAmbition = ambition;
        JobsRealised = realised;
    }

    internal void Leave(DateOnly on)
    {
        if (!IsActive)
        {
            throw new DomainException("Employer.AlreadyLeft", Name);
        }

        if (on < JoinedOn)
        {
            throw new DomainException("Employer.LeftBeforeJoining", Name);
        }

        Status = EmployerStatus.Left;
        LeftOn = on;
    }
}
