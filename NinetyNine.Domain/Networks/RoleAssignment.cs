using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Networks;

/// <summary>A role a person holds in the network, since a date.</summary>
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
}
