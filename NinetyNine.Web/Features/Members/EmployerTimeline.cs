using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Members;

/// <summary>One participating employer of the current network with its timeline.</summary>
public sealed class EmployerTimelineQueries(IDbContextFactory<NinetyNineDb> dbFactory)
{
    /// <summary>
    /// The employer's facts and, oldest first: its application and admission (from the admitted application with the
    /// same KvK number in this network), joining, being onboarded, the roles its people hold since their start date, and leaving.
    /// Only an admitted application appears, for every member: a declined or deferred one stays confidential to the
    /// core group (see the decision register). The link to the dossier is given to the core group only.
    /// Null when the employer is not one of the member's network.
    /// </summary>
    public async Task<EmployerTimeline?> LoadAsync(CurrentMember member, EmployerId employerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        var employer = network.Employers.FirstOrDefault(e => e.Id == employerId);
        if (employer is null)
        {
            return null;
        }

        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.NetworkId == network.Id && a.Status == ApplicationStatus.Admitted)
            .ToListAsync(cancellationToken);
        applications = [.. applications.Where(a => a.Kvk == employer.Kvk)];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(network.TimeZoneId);
        var entries = new List<TimelineEntry>();
        if (applications.OrderByDescending(a => a.SubmittedAt).FirstOrDefault() is { } application)
        {
            var dossier = member.IsCoreGroup ? $"/applications/{application.Id}" : null;
            entries.Add(new TimelineEntry(TimelineEntryKind.Applied, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(application.SubmittedAt, zone).DateTime), null, null, dossier));
            if (application.FinalDecision is { Outcome: DecisionOutcome.Admitted } admission)
            {
                entries.Add(new TimelineEntry(TimelineEntryKind.Admitted, admission.DecidedOn, null, null,
                    $"/decisions?q={Uri.EscapeDataString(application.CompanyName)}"));
            }
        }

        entries.Add(new TimelineEntry(TimelineEntryKind.Joined, employer.JoinedOn, null, null, null));
        // Onboarded once every step of its checklist is done or skipped; the checklist opens for those who may see it.
        var checklist = await db.OnboardingChecklists.AsNoTracking()
            .SingleOrDefaultAsync(c => c.NetworkId == network.Id && c.EmployerId == employer.Id, cancellationToken);
        var mayOpen = checklist is not null && checklist.MayView(member.PersonId, member.IsCoordinator);
        if (checklist?.CompletedAt is { } completedAt)
        {
            entries.Add(new TimelineEntry(TimelineEntryKind.Onboarded, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(completedAt, zone).DateTime), null, null,
                mayOpen ? $"/onboarding/{checklist.Id}" : null));
        }

        var people = network.People.Where(p => p.EmployerId == employer.Id).ToDictionary(p => p.Id);
        // Roles over time: when each began and, for those that ended, when they ended.
        var roles = network.RoleHistory.Where(r => people.ContainsKey(r.PersonId)).ToList();
        entries.AddRange(roles.Select(r => new TimelineEntry(TimelineEntryKind.Role, r.Since, people[r.PersonId].Name, r.Role, null)));
        entries.AddRange(roles.Where(r => r.Until is not null)
            .Select(r => new TimelineEntry(TimelineEntryKind.RoleEnded, r.Until!.Value, people[r.PersonId].Name, r.Role, null)));
        if (employer.LeftOn is { } leftOn)
        {
            entries.Add(new TimelineEntry(TimelineEntryKind.Left, leftOn, null, null, null));
        }

        return new EmployerTimeline(
            employer.Id, employer.Name, employer.Kvk.Value, employer.Sector, employer.Town, employer.IsActive,
            employer.JobsAmbition, employer.JobsRealised,
            checklist is null ? null : new OnboardingProgress(mayOpen ? checklist.Id.Value : null, checklist.Finished, checklist.Steps.Count, checklist.CompletedAt is not null),
            [.. entries.OrderBy(e => e.On).ThenBy(e => e.Kind).ThenBy(e => e.PersonName, StringComparer.CurrentCulture)]);
    }
}

public sealed record EmployerTimeline(EmployerId Id, string Name, string Kvk, string Sector, string Town, bool IsActive,
    int JobsAmbition, int JobsRealised, OnboardingProgress? Onboarding, IReadOnlyList<TimelineEntry> Entries);

/// <summary>How far the employer's onboarding is; <see cref="ChecklistId"/> only for those who may open the checklist.</summary>
public sealed record OnboardingProgress(Guid? ChecklistId, int Finished, int Total, bool Complete);

/// <summary>A step in an employer's history; a role step names the person and the role.</summary>
public sealed record TimelineEntry(TimelineEntryKind Kind, DateOnly On, string? PersonName, NetworkRole? Role, string? Link);

public enum TimelineEntryKind
{
    Applied = 1,
    Admitted = 2,
    Joined = 3,
    Role = 4,
    Left = 5,
    RoleEnded = 6,

    /// <summary>Every onboarding step done or skipped: from here on an active participant.</summary>
    Onboarded = 7,
}
