using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Settings;

/// <summary>What the settings page shows: the network's settings at the version read, its standing agenda, its theme groups and employers.</summary>
public sealed record SettingsView(
    int Version,
    NetworkSettings Settings,
    IReadOnlyList<StandingAgendaItem> StandingAgenda,
    IReadOnlyList<ThemeGroupSetting> ThemeGroups,
    IReadOnlyList<EmployerListing> Employers);

public sealed record ThemeGroupSetting(ThemeGroupId Id, string Name, string Goal, int Version, DateOnly? ArchivedOn);

public sealed record EmployerListing(EmployerId Id, string Name, string Town, bool Listed);

/// <summary>
/// The coordinator's network settings: name, region, public text and cadence; the standing agenda (titles and order,
/// for meetings planned from now on); theme groups (start, archive: the board stays readable); the employers' consent
/// to be named publicly. Only the network's current coordinator may, checked against the saved roles. Every change is
/// made against the version the coordinator saw: a newer save by someone else is a conflict and nothing is written.
/// </summary>
public sealed class SettingsService(IDbContextFactory<NinetyNineDb> dbFactory, IValidator<NetworkSettings> validator, TimeProvider time,
    ILogger<SettingsService> logger)
{
    public async Task<SettingsView> LoadAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await CoordinatorsNetworkAsync(db, member, tracked: false, cancellationToken);
        var groups = await db.ThemeGroups.AsNoTracking().Where(g => g.NetworkId == network.Id).OrderBy(g => g.Position).ToListAsync(cancellationToken);
        return new SettingsView(
            network.Version,
            NetworkSettings.Of(network),
            network.StandingAgenda,
            [.. groups.OrderBy(g => g.IsArchived).ThenBy(g => g.Position).Select(g => new ThemeGroupSetting(g.Id, g.Name, g.Goal, g.Version, g.ArchivedOn))],
            [.. network.Employers.Where(e => e.IsActive).OrderBy(e => e.Name, StringComparer.CurrentCulture)
                .Select(e => new EmployerListing(e.Id, e.Name, e.Town, e.ListedPublicly))]);
    }

    public async Task SaveSettingsAsync(CurrentMember member, int seenVersion, NetworkSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await validator.ValidateAndThrowAsync(settings, cancellationToken);
        await ChangeNetworkAsync(member, seenVersion, n => settings.ApplyTo(n, Today(n)), cancellationToken);
        logger.LogInformation("The coordinator changed the settings of network {Network}", member.NetworkId.Value);
    }

    /// <summary>The standing agenda's titles and order, for meetings planned from now on (planned meetings keep theirs).</summary>
    public Task SaveStandingAgendaAsync(CurrentMember member, int seenVersion, IReadOnlyList<StandingAgendaItem> items, CancellationToken cancellationToken = default) =>
        ChangeNetworkAsync(member, seenVersion, n => n.ChangeStandingAgenda(items), cancellationToken);

    /// <summary>An active employer's consent to be named on the public page, or its withdrawal.</summary>
    public Task SetListedAsync(CurrentMember member, int seenVersion, EmployerId employerId, bool listed, CancellationToken cancellationToken = default) =>
        ChangeNetworkAsync(member, seenVersion, n => n.SetListed(employerId, listed), cancellationToken);

    /// <summary>Starts a theme group after the others, with its own empty board once it is first opened.</summary>
    public async Task<ThemeGroupId> StartThemeGroupAsync(CurrentMember member, string name, string? goal, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await CoordinatorsNetworkAsync(db, member, tracked: false, cancellationToken);
        var existing = await db.ThemeGroups.Where(g => g.NetworkId == network.Id).ToListAsync(cancellationToken);
        var group = ThemeGroup.StartIn(network, existing, name, goal ?? string.Empty);
        db.ThemeGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("The coordinator started theme group {ThemeGroup}", group.Id.Value);
        return group.Id;
    }

    /// <summary>The group stops today: it leaves the dashboard and new agendas; its board stays readable and changes no more.</summary>
    public async Task ArchiveThemeGroupAsync(CurrentMember member, ThemeGroupId groupId, int seenVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await CoordinatorsNetworkAsync(db, member, tracked: false, cancellationToken);
        var group = await db.ThemeGroups.SingleOrDefaultAsync(g => g.Id == groupId && g.NetworkId == network.Id, cancellationToken)
            ?? throw new ForbiddenException();
        db.Entry(group).Property(g => g.Version).OriginalValue = seenVersion;
        group.Archive(Today(network));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("The coordinator archived theme group {ThemeGroup}", groupId.Value);
    }

    private DateOnly Today(Network network) => DateOnly.FromDateTime(network.LocalNow(time));

    private async Task ChangeNetworkAsync(CurrentMember member, int seenVersion, Action<Network> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await CoordinatorsNetworkAsync(db, member, tracked: true, cancellationToken);
        db.Entry(network).Property(n => n.Version).OriginalValue = seenVersion;
        change(network);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Network> CoordinatorsNetworkAsync(NinetyNineDb db, CurrentMember member, bool tracked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var query = tracked ? db.Networks : db.Networks.AsNoTracking();
        var network = await query.SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        if (!network.IsActiveCoordinator(member.PersonId))
        {
            logger.LogWarning("Refused the network settings to someone who is not the network's coordinator");
            throw new ForbiddenException();
        }

        return network;
    }
}
