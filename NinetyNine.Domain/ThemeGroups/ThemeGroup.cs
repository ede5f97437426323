using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Domain.ThemeGroups;

/// <summary>
/// A theme group (themagroep) of a network, pulled by a lead (kartrekker) and advised by the
/// network's pro bono lawyers. Its members are participating employers of the same network.
/// </summary>
public sealed class ThemeGroup : IAggregateRoot
{
    public const int NameMaxLength = 100;
    public const int GoalMaxLength = 2_000;

    private readonly List<ThemeGroupMember> _members = [];
    private readonly List<ThemeGroupAdvisor> _advisors = [];

    private ThemeGroup() { }

    public ThemeGroupId Id { get; private set; }
    public NetworkId NetworkId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Goal { get; private set; } = string.Empty;

    /// <summary>Display order among the network's groups.</summary>
    public int Position { get; private set; }

    /// <summary>The person pulling the group (kartrekker); null while the group looks for one.</summary>
    public PersonId? LeadPersonId { get; private set; }

    public int Version { get; private set; }

    /// <summary>When the group stopped; an archived group keeps its board, read-only, and gets no update slot on new agendas.</summary>
    public DateOnly? ArchivedOn { get; private set; }

    public bool IsArchived => ArchivedOn is not null;

    public IReadOnlyList<ThemeGroupMember> Members => _members.AsReadOnly();
    public IReadOnlyList<ThemeGroupAdvisor> Advisors => _advisors.AsReadOnly();

    public static ThemeGroup Start(Network network, string name, string goal, int position)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new ThemeGroup
        {
            Id = ThemeGroupId.New(),
            NetworkId = network.Id,
            Name = Guard.Text(name, NameMaxLength, "Field.ThemeGroupName"),
            Goal = Guard.OptionalText(goal, GoalMaxLength, "Field.Goal") ?? string.Empty,
            Position = position,
        };
    }

    /// <summary>
    /// A new group next to the network's <paramref name="existing"/> ones, after the last of them; its name differs from
    /// every group that is not archived (ignoring capitals and surrounding spaces).
    /// </summary>
    public static ThemeGroup StartIn(Network network, IReadOnlyCollection<ThemeGroup> existing, string name, string goal)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(existing);
        var group = Start(network, name, goal, existing.Count == 0 ? 0 : existing.Max(g => g.Position) + 1);
        if (existing.Any(g => g.NetworkId == network.Id && !g.IsArchived && string.Equals(g.Name.Trim(), group.Name.Trim(), StringComparison.CurrentCultureIgnoreCase)))
        {
            throw new DomainException("ThemeGroup.NameTaken", group.Name);
        }

        return group;
    }

    /// <summary>The group stops: it stays in the network's history and its board stays readable, but nothing changes any more.</summary>
    public void Archive(DateOnly on)
    {
        if (IsArchived)
        {
            throw new DomainException("ThemeGroup.Archived", Name);
        }

        ArchivedOn = on;
    }

    public void Describe(string name, string goal)
    {
        EnsureActive();
        // Check both before changing either: a refused edit leaves the group as it was.
        var checkedName = Guard.Text(name, NameMaxLength, "Field.ThemeGroupName");
        var checkedGoal = Guard.OptionalText(goal, GoalMaxLength, "Field.Goal") ?? string.Empty;
        Name = checkedName;
        Goal = checkedGoal;
    }

    /// <summary>Makes an active person of the same network the lead; the lead's employer joins the group.</summary>
    public void AssignLead(Network network, PersonId personId)
    {
        EnsureSameNetwork(network);
        var person = network.PersonById(personId);
        if (!person.IsActive)
        {
            throw new DomainException("Network.PersonInactive", person.Name);
        }

        if (LeadPersonId == personId)
        {
            throw new DomainException("ThemeGroup.AlreadyLead", person.Name, Name);
        }

        if (person.EmployerId is { } employerId && _members.All(m => m.EmployerId != employerId))
        {
            AddMember(network, employerId);
        }

        LeadPersonId = personId;
    }

    public void AddMember(Network network, EmployerId employerId)
    {
        EnsureSameNetwork(network);
        var employer = network.EmployerById(employerId);
        if (!employer.IsActive)
        {
            throw new DomainException("Network.EmployerNotActive", employer.Name);
        }

        if (_members.Any(m => m.EmployerId == employerId))
        {
            throw new DomainException("ThemeGroup.AlreadyMember", employer.Name, Name);
        }

        _members.Add(new ThemeGroupMember(employerId));
    }

    public void RemoveMember(Network network, EmployerId employerId)
    {
        EnsureSameNetwork(network);
        var member = _members.FirstOrDefault(m => m.EmployerId == employerId)
            ?? throw new DomainException("ThemeGroup.NotMember", Name);
        if (LeadPersonId is { } lead && network.PersonById(lead).EmployerId == employerId)
        {
            throw new DomainException("ThemeGroup.LeadEmployerStays", network.EmployerById(employerId).Name);
        }

        _members.Remove(member);
    }

    /// <summary>Assigns one of the network's advisors (pro bono lawyers) to this group.</summary>
    public void AssignAdvisor(Network network, PersonId personId)
    {
        EnsureSameNetwork(network);
        var person = network.PersonById(personId);
        if (!network.HasRole(personId, NetworkRole.Advisor))
        {
            throw new DomainException("ThemeGroup.NotAnAdvisor", person.Name);
        }

        if (_advisors.Any(a => a.PersonId == personId))
        {
            throw new DomainException("ThemeGroup.AdvisorAlreadyAssigned", person.Name);
        }

        _advisors.Add(new ThemeGroupAdvisor(personId));
    }

    /// <summary>The lead steps down; the group looks for a new one (their employer stays a member).</summary>
    public void EndLead()
    {
        if (LeadPersonId is null)
        {
            throw new DomainException("ThemeGroup.NoLead", Name);
        }

        LeadPersonId = null;
    }

    /// <summary>An advisor stops advising this group (they stay an advisor of the network).</summary>
    public void RemoveAdvisor(Network network, PersonId personId)
    {
        EnsureSameNetwork(network);
        var advisor = _advisors.FirstOrDefault(a => a.PersonId == personId)
            ?? throw new DomainException("ThemeGroup.AdvisorNotAssigned", network.PersonById(personId).Name, Name);
        _advisors.Remove(advisor);
    }

    public bool IsLed(PersonId personId) => LeadPersonId == personId;

    public bool HasMember(EmployerId employerId) => _members.Any(m => m.EmployerId == employerId);

    /// <summary>The lead and the people of the group's member employers work on its board (the coordinator on every board).</summary>
    public bool MayWorkOnBoard(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.IsActive && (IsLed(person.Id) || (person.EmployerId is { } employer && HasMember(employer)));
    }

    public bool IsAdvisedBy(PersonId personId) => _advisors.Any(a => a.PersonId == personId);

    void IAggregateRoot.BumpVersion() => Version++;

    private void EnsureActive()
    {
        if (IsArchived)
        {
            throw new DomainException("ThemeGroup.Archived", Name);
        }
    }

    private void EnsureSameNetwork(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Id != NetworkId)
        {
            throw new DomainException("ThemeGroup.OtherNetwork");
        }
    }
}

public sealed class ThemeGroupMember
{
    private ThemeGroupMember() { }

    internal ThemeGroupMember(EmployerId employerId) => EmployerId = employerId;

    public EmployerId EmployerId { get; private set; }
}

public sealed class ThemeGroupAdvisor
{
    private ThemeGroupAdvisor() { }

    internal ThemeGroupAdvisor(PersonId personId) => PersonId = personId;

    public PersonId PersonId { get; private set; }
}
