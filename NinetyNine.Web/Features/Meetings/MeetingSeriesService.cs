using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Meetings;

/// <summary>
/// Keeps a network's series of core group meetings: plans the next regular meetings from the cadence, lets the
/// coordinator add an extra one, and gives every new meeting its prepared agenda (<see cref="AgendaPreparation"/>).
/// Moving and cancelling a meeting go through the live agenda (<c>AgendaService</c>), so every open page sees it.
/// </summary>
public sealed class MeetingSeriesService(IDbContextFactory<NinetyNineDb> dbFactory, TimeProvider time, IValidator<PlanMeeting> validator, ILogger<MeetingSeriesService> logger)
{
    /// <summary>Plans the regular meetings of the next cadence dates that no meeting holds yet.</summary>
    public async Task<int> EnsureUpcomingAsync(NetworkId networkId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PlanUpcomingAsync(networkId, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // An application it put on the agenda was changed meanwhile (a view, a decision): plan again on that.
            }
        }
    }

    private async Task<int> PlanUpcomingAsync(NetworkId networkId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == networkId, cancellationToken);
        var taken = await TakenDatesAsync(db, networkId, cancellationToken);
        var localNow = network.LocalNow(time);
        // The regular meetings still to come; one closed before its date no longer counts, so the next ones get planned.
        var ahead = (await db.Meetings.AsNoTracking()
                .Where(m => m.NetworkId == networkId && m.SeriesDate != null && m.Status != MeetingStatus.Closed && m.StartsAt >= localNow.AddDays(-1))
                .Select(m => new { m.StartsAt, m.DurationMinutes })
                .ToListAsync(cancellationToken))
            .Count(m => m.StartsAt.AddMinutes(m.DurationMinutes) >= localNow);
        var dates = MeetingSeries.ToPlan(network.Cadence, taken, localNow, stillAhead: ahead);
        if (dates.Count == 0)
        {
            return 0;
        }

        foreach (var date in dates)
        {
            var meeting = Meeting.Schedule(networkId, date, network.Cadence.DurationMinutes, network.Cadence.Mode, network.Cadence.ModeDetails,
                localNow, DateOnly.FromDateTime(date), network.StandingAgenda);
            await PrepareAsync(db, meeting, cancellationToken);
            db.Meetings.Add(meeting);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Planned {Count} core group meeting(s) of the series", dates.Count);
            return dates.Count;
        }
        catch (DbUpdateException)
        {
            // Another server or request planned the same dates first: the unique series index kept one of each.
            return 0;
        }
    }

    public async Task EnsureUpcomingForAllAsync(CancellationToken cancellationToken = default)
    {
        List<NetworkId> networks;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            networks = await db.Networks.AsNoTracking().Select(n => n.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in networks)
        {
            await EnsureUpcomingAsync(id, cancellationToken);
        }
    }

    /// <summary>The coordinator plans an extra meeting outside the cadence.</summary>
    public async Task<MeetingId> PlanExtraAsync(CurrentMember member, PlanMeeting form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        if (!member.IsCoordinator)
        {
            throw new ForbiddenException();
        }

        await validator.ValidateAndThrowAsync(form, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.Where(n => n.Id == member.NetworkId).Select(n => new { n.TimeZoneId, n.StandingAgenda }).SingleAsync(cancellationToken);
        var meeting = Meeting.Schedule(member.NetworkId, form.StartsAt!.Value, form.DurationMinutes, form.Mode, form.ModeDetails, Network.LocalNow(time, network.TimeZoneId),
            standingAgenda: network.StandingAgenda);
        await PrepareAsync(db, meeting, cancellationToken);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Id;
    }

    /// <summary>
    /// Passes what is left of a closed or cancelled meeting to the next planned one of the network (also when
    /// that one was moved), or to a new meeting on the first free cadence date; saved with the caller's change.
    /// </summary>
    public async Task CarryOverAsync(NinetyNineDb db, Meeting ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ended);
        var after = ended.StartsAt;
        var next = await db.Meetings
            .Where(m => m.NetworkId == ended.NetworkId && m.Id != ended.Id && m.StartsAt > after && m.Status == MeetingStatus.Planned)
            .OrderBy(m => m.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            var network = await db.Networks.AsNoTracking().Where(n => n.Id == ended.NetworkId)
                .Select(n => new { n.Cadence, n.TimeZoneId, n.StandingAgenda }).SingleAsync(cancellationToken);
            var start = MeetingSeries.FirstFree(network.Cadence, await TakenDatesAsync(db, ended.NetworkId, cancellationToken), after);
            next = Meeting.Schedule(ended.NetworkId, start, network.Cadence.DurationMinutes, ended.Mode, ended.ModeDetails,
                Network.LocalNow(time, network.TimeZoneId), DateOnly.FromDateTime(start), network.StandingAgenda);
            db.Meetings.Add(next);
        }

        ended.CarryOverTo(next);
        await PrepareAsync(db, next, cancellationToken, except: ended.Id);
    }

    /// <summary>Update slots for the theme groups and the applications that are on no other open meeting's agenda.</summary>
    private static async Task PrepareAsync(NinetyNineDb db, Meeting meeting, CancellationToken cancellationToken, MeetingId? except = null)
    {
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == meeting.NetworkId, cancellationToken);
        var groups = await db.ThemeGroups.AsNoTracking().Where(g => g.NetworkId == meeting.NetworkId && g.ArchivedOn == null).ToListAsync(cancellationToken);
        // Tracked: an application put on this agenda is scheduled for this meeting, saved with it.
        var waiting = await db.Applications
            .Where(a => a.NetworkId == meeting.NetworkId && ApplicationStatuses.Open.Contains(a.Status))
            .ToListAsync(cancellationToken);
        var open = await db.Meetings.AsNoTracking()
            .Where(m => m.NetworkId == meeting.NetworkId && m.Id != meeting.Id && m.Id != except
                && (m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.Live))
            .ToListAsync(cancellationToken);
        var unscheduled = waiting.Where(a => !open.Any(m => m.HasTopic(AgendaTopicKind.Application, a.Id.Value)));
        AgendaPreparation.Prepare(meeting, network, groups, unscheduled);
    }

    private static async Task<List<DateOnly>> TakenDatesAsync(NinetyNineDb db, NetworkId networkId, CancellationToken cancellationToken) =>
        await db.Meetings.AsNoTracking()
            .Where(m => m.NetworkId == networkId && m.SeriesDate != null)
            .Select(m => m.SeriesDate!.Value)
            .ToListAsync(cancellationToken);
}

/// <summary>Keeps the series planned ahead while the app runs: at start and every few hours.</summary>
public sealed class MeetingSeriesWorker(MeetingSeriesService series, TimeProvider time, ILogger<MeetingSeriesWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await series.EnsureUpcomingForAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or ConcurrencyConflictException or InvalidOperationException)
            {
                logger.LogWarning(e, "Planning the meeting series failed; trying again later");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
