using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Security;

/// <summary>Adds the person's network, name, roles and led theme groups to the sign-in cookie.</summary>
public sealed class NetworkClaimsFactory(UserManager<UserAccount> users, IOptions<IdentityOptions> options, IDbContextFactory<NinetyNineDb> dbFactory)
    : UserClaimsPrincipalFactory<UserAccount>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == user.NetworkId);
        var person = network.PersonById(user.PersonId);

        identity.AddClaim(new Claim(NetworkClaims.Network, network.Id.Value.ToString()));
        identity.AddClaim(new Claim(NetworkClaims.Person, person.Id.Value.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, person.Name));
        identity.AddClaim(new Claim(NetworkClaims.Access, user.AccessStamp ?? string.Empty));
        foreach (var role in network.RolesOf(person.Id))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
        }

        var led = await db.ThemeGroups.AsNoTracking()
            .Where(g => g.NetworkId == network.Id && g.LeadPersonId == person.Id)
            .Select(g => g.Id)
            .ToListAsync();
        foreach (var groupId in led)
        {
            identity.AddClaim(new Claim(NetworkClaims.ThemeLead, groupId.Value.ToString()));
        }

        return identity;
    }
}
