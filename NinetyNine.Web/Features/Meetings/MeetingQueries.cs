using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Meetings;

/// <summary>The core group meetings of the current network.</summary>
public sealed class MeetingQueries(IDbContextFactory<NinetyNineDb> dbFactory, TimeProvider time)
{
    public async Task<MeetingList> ListAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.NetworkId == member.NetworkId)
            .OrderBy(m => m.StartsAt).ToListAsync(cancellationToken);
        var now = network.LocalNow(time);
        var rows = meetings.Select(m => new MeetingRow(m.Id, m.StartsAt, m.DurationMinutes, m.Mode, m.Status, m.Agenda.Count)).ToList();
        return new MeetingList(
            network.Cadence.IntervalWeeks,
            now,
            [.. rows.Where(r => r.StartsAt.AddMinutes(r.DurationMinutes) >= now && r.Status is MeetingStatus.Planned or MeetingStatus.Live)],
            [.. rows.Where(r => r.StartsAt.AddMinutes(r.DurationMinutes) < now || r.Status is MeetingStatus.Closed or MeetingStatus.Cancelled).Reverse()]);
    }

    public async Task<Meeting?> FindAsync(CurrentMember member, MeetingId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.NetworkId == member.NetworkId, cancellationToken);
    }
}

public sealed record MeetingList(int IntervalWeeks, DateTime Now, IReadOnlyList<MeetingRow> Upcoming, IReadOnlyList<MeetingRow> Past);

public sealed record MeetingRow(MeetingId Id, DateTime StartsAt, int DurationMinutes, MeetingMode Mode, MeetingStatus Status, int AgendaItems);
