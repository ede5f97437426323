using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Members;

/// <summary>The network's participating employers and people; the coordinator maintains them.</summary>
public sealed class MembersService(IDbContextFactory<NinetyNineDb> dbFactory, UserManager<UserAccount> users, TimeProvider time, ILogger<MembersService> logger)
{
    public async Task<MembersView> LoadAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        var groups = await db.ThemeGroups.AsNoTracking().Where(g => g.NetworkId == network.Id).OrderBy(g => g.Position).ToListAsync(cancellationToken);

        var employers = network.Employers
            .OrderBy(e => e.Status).ThenBy(e => e.Name, StringComparer.CurrentCulture)
            .Select(e => new EmployerRow(e.Id, e.Name, e.Kvk.Value, e.Sector, e.Town, e.JoinedOn, e.IsActive, e.JobsAmbition, e.JobsRealised,
                [.. groups.Where(g => g.HasMember(e.Id)).Select(g => g.Name)]))
            .ToList();
        var people = network.People
            .Where(p => p.IsActive)
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new PersonRow(p.Id, p.Name, p.Function,
                p.EmployerId is { } id ? network.EmployerById(id).Name : p.Organisation,
                p.Email.Value, p.Phone, network.RolesOf(p.Id),
                [.. groups.Where(g => g.IsLed(p.Id)).Select(g => g.Name)]))
            .ToList();
        return new MembersView(network.Version, employers, people);
    }

    public async Task AddEmployerAsync(CurrentMember member, AddEmployer command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        await ChangeNetworkAsync(member, null, network => network.AddEmployer(command.Name, KvkNumber.Parse(command.Kvk), command.Sector, command.Town,
            DateOnly.FromDateTime(command.JoinedOn ?? network.LocalNow(time)), command.JobsAmbition, command.ListedPublicly,
            today: DateOnly.FromDateTime(network.LocalNow(time))), cancellationToken);
    }

    /// <summary>Updates jobs counts against the version the coordinator saw; a newer save by someone else is a conflict.</summary>
    public Task RecordJobsAsync(CurrentMember member, EmployerId employerId, int seenVersion, RecordJobs command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeNetworkAsync(member, seenVersion, network => network.RecordJobs(employerId, command.JobsAmbition, command.JobsRealised), cancellationToken);
    }

    /// <summary>Deactivates a person: they lose access within a minute (their security stamp changes).</summary>
    public async Task DeactivatePersonAsync(CurrentMember member, PersonId personId, CancellationToken cancellationToken = default)
    {
        await ChangeNetworkAsync(member, null, network => network.DeactivatePerson(personId, DateOnly.FromDateTime(network.LocalNow(time))), cancellationToken);
        var accounts = await users.Users.Where(u => u.PersonId == personId).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            await users.UpdateSecurityStampAsync(account);
        }

        logger.LogInformation("A person was deactivated; {Accounts} account(s) lose access", accounts.Count);
    }

    private async Task ChangeNetworkAsync(CurrentMember member, int? seenVersion, Action<Network> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.IsCoordinator)
        {
            logger.LogWarning("Refused a change to the network's members by a non-coordinator");
            throw new ForbiddenException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        if (seenVersion is { } version)
        {
            db.Entry(network).Property(n => n.Version).OriginalValue = version;
        }

        change(network);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record MembersView(int Version, IReadOnlyList<EmployerRow> Employers, IReadOnlyList<PersonRow> People);

public sealed record EmployerRow(EmployerId Id, string Name, string Kvk, string Sector, string Town, DateOnly JoinedOn, bool IsActive,
    int JobsAmbition, int JobsRealised, IReadOnlyList<string> ThemeGroups);

public sealed record PersonRow(PersonId Id, string Name, string? Function, string? Organisation, string Email, string? Phone,
    IReadOnlyList<NetworkRole> Roles, IReadOnlyList<string> LeadOf);
