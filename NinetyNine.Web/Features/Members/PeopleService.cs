using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Account;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Members;

/// <summary>
/// The coordinator's people screen: adds, edits, invites, deactivates and reactivates people, assigns and ends their
/// roles (the rules are the network's and the theme groups' own) and records that an employer left. Only the network's
/// current coordinator may use it, checked against the saved roles, not the claims of the session. Every change is made
/// against the version the coordinator saw; a newer save by someone else is a conflict and nothing is written. The
/// accounts of the people whose roles changed get a new access stamp in the same save, so their sessions take the new
/// roles at once (deactivation changes the security stamp: signed out).
/// </summary>
public sealed class PeopleService(IDbContextFactory<NinetyNineDb> dbFactory, Invitations invitations, IValidator<PersonForm> validator,
    TimeProvider time, ILogger<PeopleService> logger)
{
    public async Task<PeopleView> LoadAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == Scope(member), cancellationToken);
        EnsureCoordinator(network, member);
        var groups = await db.ThemeGroups.AsNoTracking().Where(g => g.NetworkId == network.Id).OrderBy(g => g.Position).ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().Where(u => u.NetworkId == network.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(network.TimeZoneId);

        var people = network.People
            .OrderByDescending(p => p.IsActive).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new PersonEntry(p.Id, p.Name, p.Email.Value, p.Phone, p.Function, p.EmployerId, p.Organisation,
                p.EmployerId is { } id ? network.EmployerById(id).Name : p.Organisation,
                p.IsActive, network.RolesOf(p.Id),
                [.. network.RoleHistory.Where(r => r.PersonId == p.Id).OrderByDescending(r => r.Since).Select(r => new RolePeriod(r.Role, r.Since, r.Until))],
                [.. groups.Where(g => g.IsLed(p.Id)).Select(g => g.Id)],
                [.. groups.Where(g => g.IsAdvisedBy(p.Id)).Select(g => g.Id)],
                Invitations.StatusOf(accounts.FirstOrDefault(a => a.PersonId == p.Id), now)))
            .Select(p => p with { InvitationExpiresOn = p.Invitation.ExpiresAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null })
            .ToList();
        var employers = network.Employers.Where(e => e.IsActive).OrderBy(e => e.Name, StringComparer.CurrentCulture)
            .Select(e => new EmployerChoice(e.Id, e.Name)).ToList();
        var themeGroups = groups.Select(g => new GroupEntry(g.Id, g.Name, g.Version, g.LeadPersonId,
            g.LeadPersonId is { } lead ? network.PersonById(lead).Name : null)).ToList();
        return new PeopleView(network.Version, network.Name, people, employers, themeGroups);
    }

    /// <summary>Adds a person and, when asked, invites them (a 14-day welcome link by email).</summary>
    public async Task<PersonId> AddAsync(CurrentMember member, int seenVersion, PersonForm form, Uri appBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        Person? added = null;
        var network = await ChangeNetworkAsync(member, seenVersion, n =>
        {
            added = n.AddPerson(form.Name, EmailAddress.Parse(form.Email), form.Phone, form.Function, form.EmployerId,
                form.EmployerId is null ? form.Organisation : null);
            return Affected.Nobody;
        }, cancellationToken);
        logger.LogInformation("The coordinator added a person to network {Network}", network.Id.Value);
        if (form.Invite)
        {
            await invitations.InviteAsync(network.Id, added!.Id, added.Email.Value, added.Name, network.Name, null, appBase, cancellationToken);
        }

        return added!.Id;
    }

    public async Task EditAsync(CurrentMember member, PersonId personId, int seenVersion, PersonForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        await ChangeNetworkAsync(member, seenVersion, n =>
        {
            n.EditPerson(personId, form.Name, form.Phone, form.Function, form.EmployerId, form.EmployerId is null ? form.Organisation : null);
            return new Affected([personId]);
        }, cancellationToken);
    }

    /// <summary>Sends the welcome link: the first time, or again (the earlier link stops working). False when the person already signed in with a password.</summary>
    public async Task<bool> InviteAsync(CurrentMember member, PersonId personId, Uri appBase, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == Scope(member), cancellationToken);
        EnsureCoordinator(network, member);
        var person = network.PersonById(personId);
        if (!person.IsActive)
        {
            throw new DomainException("Network.PersonInactive", person.Name);
        }

        return await invitations.ResendAsync(network.Id, person.Id, person.Name, network.Name, appBase, cancellationToken)
            || await invitations.InviteAsync(network.Id, person.Id, person.Email.Value, person.Name, network.Name, null, appBase, cancellationToken);
    }

    /// <summary>The person's roles end and their account is signed out at once (a new security stamp).</summary>
    public Task DeactivateAsync(CurrentMember member, PersonId personId, int seenVersion, CancellationToken cancellationToken = default) =>
        ChangeNetworkAsync(member, seenVersion, n =>
        {
            n.DeactivatePerson(personId, Today(n));
            return new Affected([personId], SignOut: true);
        }, cancellationToken);

    public Task ReactivateAsync(CurrentMember member, PersonId personId, int seenVersion, CancellationToken cancellationToken = default) =>
        ChangeNetworkAsync(member, seenVersion, n =>
        {
            n.ReactivatePerson(personId);
            return new Affected([personId]);
        }, cancellationToken);

    /// <summary>Gives a person a role from today; the coordinator's role is handed over (the old coordinator keeps their account and other roles).</summary>
    public Task AssignRoleAsync(CurrentMember member, PersonId personId, NetworkRole role, int seenVersion, CancellationToken cancellationToken = default) =>
        ChangeNetworkAsync(member, seenVersion, n =>
        {
            if (role != NetworkRole.Coordinator)
            {
                n.AssignRole(personId, role, Today(n));
                return new Affected([personId]);
            }

            var previous = n.Coordinator.Id;
            n.AppointCoordinator(personId, Today(n));
            return new Affected([personId, previous]);
        }, cancellationToken);

    public Task EndRoleAsync(CurrentMember member, PersonId personId, NetworkRole role, int seenVersion, CancellationToken cancellationToken = default) =>
        ChangeNetworkAsync(member, seenVersion, n =>
        {
            n.RevokeRole(personId, role, Today(n));
            return new Affected([personId]);
        }, cancellationToken);

    /// <summary>The employer left today: its people stop being participants; its history stays on its timeline.</summary>
    public Task EmployerLeavesAsync(CurrentMember member, EmployerId employerId, int seenVersion, CancellationToken cancellationToken = default) =>
        ChangeNetworkAsync(member, seenVersion, n =>
        {
            n.EmployerLeaves(employerId, Today(n));
            return new Affected([.. n.People.Where(p => p.EmployerId == employerId).Select(p => p.Id)]);
        }, cancellationToken);

    /// <summary>Hands the group to a new lead (kartrekker); the previous lead, if any, stops leading it.</summary>
    public Task AssignLeadAsync(CurrentMember member, ThemeGroupId groupId, PersonId personId, int seenGroupVersion, CancellationToken cancellationToken = default) =>
        ChangeGroupAsync(member, groupId, seenGroupVersion, (n, g) =>
        {
            var previous = g.LeadPersonId;
            g.AssignLead(n, personId);
            return new Affected(previous is { } old ? [personId, old] : [personId]);
        }, cancellationToken);

    public Task EndLeadAsync(CurrentMember member, ThemeGroupId groupId, int seenGroupVersion, CancellationToken cancellationToken = default) =>
        ChangeGroupAsync(member, groupId, seenGroupVersion, (_, g) =>
        {
            var previous = g.LeadPersonId;
            g.EndLead();
            return new Affected(previous is { } old ? [old] : []);
        }, cancellationToken);

    public Task AssignAdvisorAsync(CurrentMember member, ThemeGroupId groupId, PersonId personId, int seenGroupVersion, CancellationToken cancellationToken = default) =>
        ChangeGroupAsync(member, groupId, seenGroupVersion, (n, g) =>
        {
            g.AssignAdvisor(n, personId);
            return new Affected([personId]);
        }, cancellationToken);

    public Task RemoveAdvisorAsync(CurrentMember member, ThemeGroupId groupId, PersonId personId, int seenGroupVersion, CancellationToken cancellationToken = default) =>
        ChangeGroupAsync(member, groupId, seenGroupVersion, (n, g) =>
        {
            g.RemoveAdvisor(n, personId);
            return new Affected([personId]);
        }, cancellationToken);

    private static NetworkId Scope(CurrentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.NetworkId;
    }

    private DateOnly Today(Network network) => DateOnly.FromDateTime(network.LocalNow(time));

    private void EnsureCoordinator(Network network, CurrentMember member)
    {
        if (!network.IsActiveCoordinator(member.PersonId))
        {
            logger.LogWarning("Refused the people screen to someone who is not the network's coordinator");
            throw new ForbiddenException();
        }
    }

    private async Task<Network> ChangeNetworkAsync(CurrentMember member, int seenVersion, Func<Network, Affected> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.SingleAsync(n => n.Id == Scope(member), cancellationToken);
        EnsureCoordinator(network, member);
        db.Entry(network).Property(n => n.Version).OriginalValue = seenVersion;
        var affected = change(network);
        await TouchAccountsAsync(db, network.Id, affected, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return network;
    }

    private async Task ChangeGroupAsync(CurrentMember member, ThemeGroupId groupId, int seenVersion, Func<Network, ThemeGroup, Affected> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == Scope(member), cancellationToken);
        EnsureCoordinator(network, member);
        var group = await db.ThemeGroups.SingleOrDefaultAsync(g => g.Id == groupId && g.NetworkId == network.Id, cancellationToken)
            ?? throw new ForbiddenException();
        db.Entry(group).Property(g => g.Version).OriginalValue = seenVersion;
        var affected = change(network, group);
        await TouchAccountsAsync(db, network.Id, affected, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>In the same save as the change: the affected people's sessions re-read their claims (or, when signed out, end).</summary>
    private static async Task TouchAccountsAsync(NinetyNineDb db, NetworkId networkId, Affected affected, CancellationToken cancellationToken)
    {
        if (affected.People.Count == 0)
        {
            return;
        }

        var people = affected.People.ToList();
        var accounts = await db.Users.Where(u => u.NetworkId == networkId && people.Contains(u.PersonId)).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            account.AccessChanged();
            if (affected.SignOut)
            {
                account.SecurityStamp = Guid.NewGuid().ToString("N");
            }

            account.ConcurrencyStamp = Guid.NewGuid().ToString();
        }
    }

    private sealed record Affected(IReadOnlyCollection<PersonId> People, bool SignOut = false)
    {
        public static Affected Nobody { get; } = new([]);
    }
}

public sealed record PeopleView(int Version, string NetworkName, IReadOnlyList<PersonEntry> People, IReadOnlyList<EmployerChoice> Employers,
    IReadOnlyList<GroupEntry> ThemeGroups);

/// <summary>A person as the coordinator manages them: details, current roles, the roles' history, groups led and advised, invitation.</summary>
public sealed record PersonEntry(PersonId Id, string Name, string Email, string? Phone, string? Function, EmployerId? EmployerId, string? Organisation,
    string? WorksFor, bool IsActive, IReadOnlyList<NetworkRole> Roles, IReadOnlyList<RolePeriod> History,
    IReadOnlyList<ThemeGroupId> Leads, IReadOnlyList<ThemeGroupId> Advises, InvitationStatus Invitation)
{
    /// <summary>The last day the welcome link works, in the network's time zone.</summary>
    public DateOnly? InvitationExpiresOn { get; init; }
}

/// <summary>What the person dialog saved: the name, and whether an invitation went out.</summary>
public sealed record PersonSaved(string Name, bool Invited);

public sealed record RolePeriod(NetworkRole Role, DateOnly Since, DateOnly? Until);

public sealed record EmployerChoice(EmployerId Id, string Name);

public sealed record GroupEntry(ThemeGroupId Id, string Name, int Version, PersonId? LeadId, string? LeadName);
