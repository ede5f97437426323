using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Meetings;
using NinetyNine.Web.Features.Meetings.Live;
using Microsoft.AspNetCore.SignalR;

namespace NinetyNine.Web.Features.Public;

/// <summary>
/// The public side of a network: what anyone may see, and the application form, the only anonymous write in the app.
/// A submitted application goes straight onto the agenda of the next core group meeting (item 1).
/// </summary>
public sealed class PublicNetworkService(IDbContextFactory<NinetyNineDb> dbFactory, IValidator<SubmitApplication> validator, MeetingSeriesService series,
    AgendaService agenda,
    TimeProvider time, ILogger<PublicNetworkService> logger)
{
    public async Task<PublicNetwork?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Slug == slug, cancellationToken);
        if (network is null)
        {
            return null;
        }

        var groups = await db.ThemeGroups.AsNoTracking().Where(g => g.NetworkId == network.Id && g.ArchivedOn == null).OrderBy(g => g.Position).ToListAsync(cancellationToken);
        return new PublicNetwork(
            network.Slug,
            network.Name,
            network.Region,
            [.. groups.Select(g => new PublicThemeGroup(g.Name, g.Goal))],
            // Only employers that agreed to be listed; people are never shown here.
            [.. network.Employers.Where(e => e.IsActive && e.ListedPublicly).OrderBy(e => e.Name, StringComparer.CurrentCulture)
                .Select(e => new PublicEmployer(e.Name, e.Town, e.Sector))],
            network.Description);
    }

    /// <summary>
    /// Validates, refuses duplicates and saves the application; then puts it live on the next meeting's agenda (item 1),
    /// so a core group that has the meeting open sees it arrive. Returns its reference.
    /// </summary>
    public async Task<string> ApplyAsync(string slug, SubmitApplication form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Slug == slug, cancellationToken)
            ?? throw new KeyNotFoundException(slug);
        var earlier = await db.Applications.AsNoTracking()
            .Where(a => a.NetworkId == network.Id && ApplicationStatuses.Open.Contains(a.Status)).ToListAsync(cancellationToken);
        var application = Application.SubmitTo(network, earlier, form, time.GetUtcNow());
        db.Applications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Application {Reference} received", application.Reference);

        // The first upcoming meeting whose item 1 has room takes it; none silently drops off: when all are full it waits
        // for a meeting (listed apart for the coordinator) and the next meeting the series plans takes it.
        var now = network.LocalNow(time);
        var upcoming = await db.Meetings.AsNoTracking()
            .Where(m => m.NetworkId == network.Id && m.Status == MeetingStatus.Planned && m.StartsAt >= now)
            .OrderBy(m => m.StartsAt)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        foreach (var meetingId in upcoming)
        {
            if (await agenda.PutOnAgendaAsync(network.Id, meetingId, application, cancellationToken))
            {
                await ScheduleAsync(db, application, meetingId, cancellationToken);
                return application.Reference;
            }
        }

        // No meeting with room: the series plans one when fewer than two are ahead, and its prepared agenda includes
        // the applications waiting for a meeting.
        await series.EnsureUpcomingAsync(network.Id, cancellationToken);

        return application.Reference;
    }

    // The series planner may have prepared a meeting with this application meanwhile (it takes every open application
    // that is on no agenda): then the saved row is newer than ours; read it again and mark it scheduled if still needed.
    private static async Task ScheduleAsync(NinetyNineDb db, Application application, MeetingId meetingId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            application.ScheduleFor(meetingId);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                await db.Entry(application).ReloadAsync(cancellationToken);
                if (application.ScheduledMeetingId is not null)
                {
                    return;
                }
            }
        }
    }
}

public sealed record PublicNetwork(string Slug, string Name, string Region, IReadOnlyList<PublicThemeGroup> ThemeGroups, IReadOnlyList<PublicEmployer> Employers,
    string Description = "");

public sealed record PublicThemeGroup(string Name, string Goal);

public sealed record PublicEmployer(string Name, string Town, string Sector);
