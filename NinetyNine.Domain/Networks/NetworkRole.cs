namespace NinetyNine.Domain.Networks;

/// <summary>
/// What a person does in a network. A person may hold several roles (a core group member is
/// usually also a participant). Leading a theme group (kartrekker) is recorded on the theme group.
/// </summary>
public enum NetworkRole
{
    Coordinator = 1,
    CoreGroupMember = 2,
    Participant = 3,
    Advisor = 4,
}
