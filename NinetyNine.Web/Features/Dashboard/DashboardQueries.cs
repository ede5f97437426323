using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Dashboard;

/// <summary>Everything the dashboard shows, read in one go for the current network.</summary>
public sealed class DashboardQueries(IDbContextFactory<NinetyNineDb> dbFactory, TimeProvider time)
{
    public async Task<DashboardSummary> LoadAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        var now = network.LocalNow(time);

        var next = await db.Meetings.AsNoTracking()
            .Where(m => m.NetworkId == network.Id && m.StartsAt >= now.AddHours(-3)
                && (m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.Live))
            .OrderBy(m => m.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);

        var groups = await db.ThemeGroups.AsNoTracking()
            .Where(g => g.NetworkId == network.Id && g.ArchivedOn == null).OrderBy(g => g.Position).ToListAsync(cancellationToken);

        var reports = (await Boards.StatusReportService.LatestAsync(db, network.Id, cancellationToken)).ToDictionary(r => r.ThemeGroupId);

        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.NetworkId == network.Id && Domain.Applications.ApplicationStatuses.Open.Contains(a.Status))
            .ToListAsync(cancellationToken);

        var employers = network.Employers.Where(e => e.IsActive).OrderBy(e => e.Name, StringComparer.CurrentCulture).ToList();

        return new DashboardSummary(
            network.Name,
            network.Region,
            now,
            next is null ? null : new NextMeeting(next.Id, next.StartsAt, next.DurationMinutes, next.Mode, next.ModeDetails, next.Status,
                [.. next.Agenda.Select(i => i.Title)]),
            [.. groups.Select(g => new ThemeGroupCard(g.Id, g.Name,
                g.LeadPersonId is { } lead ? network.PersonById(lead).Name : null,
                g.LeadPersonId is { } l && network.PersonById(l).EmployerId is { } e ? network.EmployerById(e).Name : null,
                g.Members.Count,
                reports.GetValueOrDefault(g.Id.Value)?.Status,
                reports.GetValueOrDefault(g.Id.Value)?.FirstLine))],
            applications.Count,
            member.IsCoreGroup
                ? [.. applications.OrderByDescending(a => a.IsAwaitingMeeting).ThenBy(a => a.SubmittedAt).Select(a => new OpenApplication(a.Id, a.Reference, a.CompanyName, a.Town, a.SubmittedAt, a.IsAwaitingMeeting))]
                : [],
            [.. employers.Select(e => new EmployerJobs(e.Id, e.Name, e.Town, e.JobsRealised, e.JobsAmbition))]);
    }
}

public sealed record DashboardSummary(
    string NetworkName,
    string Region,
    DateTime LocalNow,
    NextMeeting? NextMeeting,
    IReadOnlyList<ThemeGroupCard> ThemeGroups,
    int OpenApplicationCount,
    IReadOnlyList<OpenApplication> OpenApplications,
    IReadOnlyList<EmployerJobs> Employers)
{
    public int JobsRealised => Employers.Sum(e => e.JobsRealised);
    public int JobsAmbition => Employers.Sum(e => e.JobsAmbition);
}

public sealed record NextMeeting(MeetingId Id, DateTime StartsAt, int DurationMinutes, MeetingMode Mode, string? ModeDetails, MeetingStatus Status, IReadOnlyList<string> Agenda);

/// <summary>A theme group on the dashboard, with its latest status report (status and first line) when it has one.</summary>
public sealed record ThemeGroupCard(ThemeGroupId Id, string Name, string? LeadName, string? LeadEmployer, int MemberCount,
    Domain.Boards.GroupStatus? Status = null, string? StatusLine = null);

/// <summary>An application waiting for a decision; <paramref name="AwaitingMeeting"/> when it is on no meeting's agenda yet.</summary>
public sealed record OpenApplication(ApplicationId Id, string Reference, string CompanyName, string Town, DateTimeOffset SubmittedAt, bool AwaitingMeeting = false);

public sealed record EmployerJobs(EmployerId Id, string Name, string Town, int JobsRealised, int JobsAmbition);
