using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Meetings;

/// <summary>The core group meetings of the current network.</summary>
public sealed class MeetingQueries(IDbContextFactory<NinetyNineDb> dbFactory, MeetingSeriesService series, TimeProvider time)
{
    /// <summary>The network's meetings; the next regular ones of the series are planned first when missing.</summary>
    public async Task<MeetingList> ListAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await series.EnsureUpcomingAsync(member.NetworkId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.NetworkId == member.NetworkId)
            .OrderBy(m => m.StartsAt).ToListAsync(cancellationToken);
        var now = network.LocalNow(time);
        var rows = meetings.Select(m => new MeetingRow(m.Id, m.StartsAt, m.DurationMinutes, m.Mode, m.Status, m.Agenda.Count, m.SeriesDate,
            m.Status == MeetingStatus.Closed ? m.StartedAt ?? m.ClosedAt : null)).ToList();
        // A cancelled meeting still to come stays among the upcoming ones, marked, so nobody dials in for it.
        bool IsUpcoming(MeetingRow r) => r.Status == MeetingStatus.Live
            || (r.StartsAt.AddMinutes(r.DurationMinutes) >= now && r.Status is MeetingStatus.Planned or MeetingStatus.Cancelled);
        return new MeetingList(
            network.Cadence.IntervalWeeks,
            now,
            [.. rows.Where(IsUpcoming)],
            // Held meetings by when they were held: one closed before its planned date is among them at that moment.
            [.. rows.Where(r => !IsUpcoming(r)).OrderByDescending(r => r.HeldAt ?? r.StartsAt)]);
    }

    public async Task<IReadOnlyList<Attendee>> AttendeesAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        return [.. network.CoreGroupAttendees().Select(p => new Attendee(
            p.Name,
            p.EmployerId is { } employer ? network.EmployerById(employer).Name : p.Organisation,
            network.HasRole(p.Id, NetworkRole.Coordinator)))];
    }

    public async Task<Meeting?> FindAsync(CurrentMember member, MeetingId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.NetworkId == member.NetworkId, cancellationToken);
    }
}

/// <summary>Someone a core group meeting is for, with the organisation they represent.</summary>
public sealed record Attendee(string Name, string? Organisation, bool IsCoordinator);

public sealed record MeetingList(int IntervalWeeks, DateTime Now, IReadOnlyList<MeetingRow> Upcoming, IReadOnlyList<MeetingRow> Past);

public sealed record MeetingRow(MeetingId Id, DateTime StartsAt, int DurationMinutes, MeetingMode Mode, MeetingStatus Status, int AgendaItems, DateOnly? SeriesDate,
    DateTime? HeldAt = null)
{
    /// <summary>A closed meeting held on another day than planned (closed early): shown at the day it was held.</summary>
    public bool HeldOnOtherDay => HeldAt is { } held && held.Date != StartsAt.Date;

    /// <summary>An extra meeting, outside the cadence.</summary>
    public bool IsExtra => SeriesDate is null;

    /// <summary>A regular meeting that no longer takes place on its cadence date.</summary>
    public bool IsMoved => SeriesDate is { } date && date != DateOnly.FromDateTime(StartsAt);
}
