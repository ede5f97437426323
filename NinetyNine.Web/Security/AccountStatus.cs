using Microsoft.EntityFrameworkCore;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Security;

/// <summary>Whether an account may still be used: its person is active in the network.</summary>
public sealed class AccountStatus(IDbContextFactory<NinetyNineDb> dbFactory)
{
    public async Task<bool> IsActiveAsync(UserAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == account.NetworkId, cancellationToken);
        return network?.People.Any(p => p.Id == account.PersonId && p.IsActive) == true;
    }
}
