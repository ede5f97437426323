using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.ThemeGroups;

/// <summary>
/// Reading and editing theme groups. Every edit checks, on the server, that the person is the
/// coordinator or the lead of that very group.
/// </summary>
public sealed class ThemeGroupService(IDbContextFactory<NinetyNineDb> dbFactory, IAuthorizationService authorization, ILogger<ThemeGroupService> logger)
{
    public async Task<IReadOnlyList<ThemeGroupSummary>> ListAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        var groups = await db.ThemeGroups.AsNoTracking().Where(g => g.NetworkId == network.Id && g.ArchivedOn == null).OrderBy(g => g.Position).ToListAsync(cancellationToken);
        return [.. groups.Select(g => Summarise(network, g, member))];
    }

    public async Task<ThemeGroupDetails?> FindAsync(CurrentMember member, ThemeGroupId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.ThemeGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id && g.NetworkId == member.NetworkId, cancellationToken);
        if (group is null)
        {
            return null;
        }

        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        return new ThemeGroupDetails(
            Summarise(network, group, member),
            group.Goal,
            group.Version,
            [.. group.Members.Select(m => network.EmployerById(m.EmployerId)).OrderBy(e => e.Name, StringComparer.CurrentCulture).Select(e => new EmployerOption(e.Id, e.Name, e.Town))],
            [.. group.Advisors.Select(a => network.PersonById(a.PersonId)).Select(p => new AdvisorRow(p.Name, p.Organisation))],
            [.. network.Employers.Where(e => e.IsActive && !group.HasMember(e.Id)).OrderBy(e => e.Name, StringComparer.CurrentCulture).Select(e => new EmployerOption(e.Id, e.Name, e.Town))]);
    }

    public Task<bool> CanEditAsync(ClaimsPrincipal user, ThemeGroupId id) => AuthorizedAsync(user, id);

    public Task DescribeAsync(CurrentMember member, ThemeGroupId id, int seenVersion, DescribeThemeGroup command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeAsync(member, id, seenVersion, (group, _) => group.Describe(command.Name, command.Goal), cancellationToken);
    }

    public Task AddMemberAsync(CurrentMember member, ThemeGroupId id, EmployerId employerId, CancellationToken cancellationToken = default) =>
        ChangeAsync(member, id, null, (group, network) => group.AddMember(network, employerId), cancellationToken);

    public Task RemoveMemberAsync(CurrentMember member, ThemeGroupId id, EmployerId employerId, CancellationToken cancellationToken = default) =>
        ChangeAsync(member, id, null, (group, network) => group.RemoveMember(network, employerId), cancellationToken);

    private async Task ChangeAsync(CurrentMember member, ThemeGroupId id, int? seenVersion, Action<ThemeGroup, Network> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.ThemeGroups.SingleOrDefaultAsync(g => g.Id == id && g.NetworkId == member.NetworkId, cancellationToken);
        if (group is null || !await AuthorizedAsync(member.User, id))
        {
            logger.LogWarning("Refused an edit of theme group {ThemeGroup}", id);
            throw new ForbiddenException();
        }

        if (seenVersion is { } version)
        {
            db.Entry(group).Property(g => g.Version).OriginalValue = version;
        }

        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        change(group, network);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> AuthorizedAsync(ClaimsPrincipal user, ThemeGroupId id) =>
        (await authorization.AuthorizeAsync(user, id, Policies.EditThemeGroup)).Succeeded;

    private static ThemeGroupSummary Summarise(Network network, ThemeGroup group, CurrentMember member)
    {
        var lead = group.LeadPersonId is { } leadId ? network.PersonById(leadId) : null;
        return new ThemeGroupSummary(group.Id, group.Name, lead?.Name,
            lead?.EmployerId is { } e ? network.EmployerById(e).Name : null,
            group.Members.Count, group.Advisors.Count,
            member.User.CanEditThemeGroup(group.Id),
            BoardService.AccessOf(member, network, group) != BoardAccess.None,
            StatusReportService.MayWrite(member, group));
    }
}

/// <summary>
/// A theme group as listed. <paramref name="MayOpenBoard"/> and <paramref name="MayReport"/> come from the board's and the
/// status report's own rules, so the pages only show what the services will allow.
/// </summary>
public sealed record ThemeGroupSummary(ThemeGroupId Id, string Name, string? LeadName, string? LeadEmployer, int MemberCount, int AdvisorCount, bool CanEdit,
    bool MayOpenBoard, bool MayReport);

public sealed record ThemeGroupDetails(ThemeGroupSummary Summary, string Goal, int Version, IReadOnlyList<EmployerOption> Members,
    IReadOnlyList<AdvisorRow> Advisors, IReadOnlyList<EmployerOption> Candidates);

public sealed record EmployerOption(EmployerId Id, string Name, string Town);

public sealed record AdvisorRow(string Name, string? Organisation);
