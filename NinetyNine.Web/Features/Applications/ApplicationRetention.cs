using Microsoft.EntityFrameworkCore;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Features.Applications;

/// <summary>
/// Privacy: declined and withdrawn applications lose their contact data and texts after the retention period
/// (<c>Privacy:ApplicationRetentionMonths</c>, default 12), and so do the emails sent about them. Runs daily.
/// </summary>
public sealed class ApplicationRetention(IDbContextFactory<NinetyNineDb> dbFactory, IConfiguration configuration, TimeProvider time,
    ILogger<ApplicationRetention> logger) : BackgroundService
{
    public const int DefaultRetentionMonths = 12;

    public TimeSpan Retention => TimeSpan.FromDays(30.44 * configuration.GetValue("Privacy:ApplicationRetentionMonths", DefaultRetentionMonths));

    /// <summary>Anonymises every application whose retention has passed; returns how many.</summary>
    public async Task<int> AnonymiseDueAsync(CancellationToken cancellationToken = default)
    {
        // An application changed meanwhile (a view recorded, the series planner scheduling it) is read again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AnonymiseDueOnceAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
            }
        }
    }

    private async Task<int> AnonymiseDueOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var ended = await db.Applications
            .Where(a => a.AnonymisedAt == null && (a.Status == Domain.Applications.ApplicationStatus.Declined || a.Status == Domain.Applications.ApplicationStatus.Withdrawn))
            .ToListAsync(cancellationToken);
        var due = ended.Where(a => a.IsDueForAnonymising(now, Retention)).ToList();
        foreach (var application in due)
        {
            application.Anonymise(now);
            var id = application.Id;
            db.OutboxMessages.RemoveRange(await db.OutboxMessages.Where(m => m.ApplicationId == id).ToListAsync(cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (due.Count > 0)
        {
            logger.LogInformation("Anonymised {Count} declined or withdrawn application(s) after the retention period", due.Count);
        }

        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
        {
            try
            {
                await AnonymiseDueAsync(stoppingToken);
            }
            catch (DbUpdateException e)
            {
                logger.LogWarning(e, "Anonymising applications failed; trying again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
