using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Networks;

/// <summary>A role a person holds (or held) in the network, from a date and, once it ended, until one.</summary>
public sealed class RoleAssignment
{
    private RoleAssignment() { }

    internal RoleAssignment(PersonId personId, NetworkRole role, DateOnly since)
    {
        PersonId = personId;
        Role = role;
        Since = since;
    }

    public PersonId PersonId { get; private set; }
    public NetworkRole Role { get; private set; }
    public DateOnly Since { get; private set; }

    /// <summary>The day the role ended; null while the person holds it.</summary>
    public DateOnly? Until { get; private set; }

    public bool IsCurrent => Until is null;

    internal void End(DateOnly on) => Until = on < Since ? Since : on;
}
