using Microsoft.EntityFrameworkCore;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Outbox;

/// <summary>What was sent when: the emails about one application, for its dossier (coordinator and core group only, as the dossier).</summary>
public sealed class OutboxQueries(IDbContextFactory<NinetyNineDb> dbFactory, ILogger<OutboxQueries> logger)
{
    public async Task<IReadOnlyList<SentEmail>> ForApplicationAsync(CurrentMember member, ApplicationId applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.IsCoreGroup)
        {
            logger.LogWarning("Refused access to an application's emails for a person outside the core group");
            throw new ForbiddenException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ApplicationId == applicationId && m.NetworkId == member.NetworkId)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new SentEmail(m.Id, m.Subject, m.To, m.CreatedAt, m.SentAt, m.Attempts, m.LastError))
            .ToListAsync(cancellationToken);
        return rows;
    }
}

/// <summary>One email of a dossier. Not sent and <see cref="Attempts"/> at the maximum means delivery was given up.</summary>
public sealed record SentEmail(Guid Id, string Subject, string To, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts, string? LastError)
{
    public bool GaveUp => SentAt is null && Attempts >= OutboxDispatcher.MaxAttempts;
}
