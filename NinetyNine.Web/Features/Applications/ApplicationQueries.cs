using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Applications;

/// <summary>Applications to join the network; only the coordinator and the core group see them (they hold contact data).</summary>
public sealed class ApplicationQueries(IDbContextFactory<NinetyNineDb> dbFactory, ILogger<ApplicationQueries> logger)
{
    public async Task<IReadOnlyList<Application>> ListAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        EnsureCoreGroup(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var applications = await db.Applications.AsNoTracking().Where(a => a.NetworkId == member.NetworkId).ToListAsync(cancellationToken);
        return [.. applications.OrderByDescending(a => a.IsOpen).ThenByDescending(a => a.SubmittedAt)];
    }

    public async Task<Application?> FindAsync(CurrentMember member, ApplicationId id, CancellationToken cancellationToken = default)
    {
        EnsureCoreGroup(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.NetworkId == member.NetworkId, cancellationToken);
    }

    private void EnsureCoreGroup(CurrentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.IsCoreGroup)
        {
            logger.LogWarning("Refused access to applications for a person outside the core group");
            throw new ForbiddenException();
        }
    }
}
