using System.Security.Claims;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Web.Security;

/// <summary>The claims a signed-in person carries, and typed access to them.</summary>
public static class NetworkClaims
{
    public const string Network = "ninetynine/network";
    public const string Person = "ninetynine/person";
    public const string ThemeLead = "ninetynine/theme-lead";

    /// <summary>The account's access stamp when the claims were made (see <see cref="Data.UserAccount.AccessStamp"/>).</summary>
    public const string Access = "ninetynine/access";

    public static NetworkId? NetworkId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Network), out var id) ? new NetworkId(id) : null;

    public static PersonId? PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Person), out var id) ? new PersonId(id) : null;

    public static bool HasNetworkRole(this ClaimsPrincipal user, NetworkRole role) => user.IsInRole(role.ToString());

    public static bool IsCoordinator(this ClaimsPrincipal user) => user.HasNetworkRole(NetworkRole.Coordinator);

    /// <summary>Coordinator or core group member: the people who prepare and take decisions.</summary>
    public static bool IsCoreGroup(this ClaimsPrincipal user) =>
        user.IsCoordinator() || user.HasNetworkRole(NetworkRole.CoreGroupMember);

    /// <summary>The coordinator edits every theme group; a lead only the group they lead.</summary>
    public static bool CanEditThemeGroup(this ClaimsPrincipal user, ThemeGroupId groupId) =>
        user.IsCoordinator() || user.LeadsThemeGroup(groupId);

    public static bool LeadsThemeGroup(this ClaimsPrincipal user, ThemeGroupId groupId) =>
        user.HasClaim(ThemeLead, groupId.Value.ToString());
}
