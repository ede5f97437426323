using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Account;
using NinetyNine.Web.Features.Members;
using NinetyNine.Web.Security;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// The coordinator's people screen, through its service against the real database: adding (validated, unique email),
/// inviting (resend, used), editing, deactivating and reactivating, every role and its hand-over, an employer leaving.
/// Each change reaches the affected person's open sessions at once.
/// </summary>
public sealed partial class PeopleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Uri AppBase = new("http://localhost/");

    [Fact]
    public async Task Adding_a_person_is_validated_at_the_field_and_an_email_already_in_the_network_is_refused()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var before = await people.LoadAsync(coordinator);

        var invalid = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => people.AddAsync(coordinator, before.Version,
            new PersonForm { Name = " ", Email = "geen-adres", Organisation = "Eigen bureau" }, AppBase));
        Assert.Contains(invalid.Errors, e => e.PropertyName == nameof(PersonForm.Name) && e.ErrorMessage.Contains("Naam", StringComparison.Ordinal));
        Assert.Contains(invalid.Errors, e => e.PropertyName == nameof(PersonForm.Email));
        var noOrganisation = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => people.AddAsync(coordinator, before.Version,
            new PersonForm { Name = "Zonder Organisatie", Email = "zonder@organisatie.example" }, AppBase));
        Assert.Contains(noOrganisation.Errors, e => e.PropertyName == nameof(PersonForm.Organisation));

        var taken = await Assert.ThrowsAsync<DomainException>(() => people.AddAsync(coordinator, before.Version,
            new PersonForm { Name = "Tweede Henk", Email = "H.Nijhuis@SallandseWegenbouw.example", Organisation = "Elders" }, AppBase));
        Assert.Equal("Network.EmailTaken", taken.Code);
        Assert.Contains("h.nijhuis@sallandsewegenbouw.example", taken.Message, StringComparison.Ordinal);

        var after = await people.LoadAsync(coordinator);
        Assert.Equal((before.Version, before.People.Count), (after.Version, after.People.Count));
        Assert.DoesNotContain(after.People, p => p.Name is "Tweede Henk" or "Zonder Organisatie");
    }

    [Fact]
    public async Task An_invitation_is_sent_resent_with_the_old_link_dead_and_shown_as_used_once_a_password_is_chosen()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        const string email = "nieuw.lid@lammers.example";

        var id = await people.AddAsync(coordinator, (await people.LoadAsync(coordinator)).Version,
            new PersonForm { Name = "Nieuw Lid", Email = email, Organisation = "Lammers & Oosterhof Advocaten", Invite = false }, AppBase);
        Assert.Equal(InvitationState.NotInvited, Entry(await people.LoadAsync(coordinator), id).Invitation.State);
        Assert.Empty(await MailsToAsync(email));

        Assert.True(await people.InviteAsync(coordinator, id, AppBase));
        var sent = Entry(await people.LoadAsync(coordinator), id);
        Assert.Equal(InvitationState.Sent, sent.Invitation.State);
        Assert.InRange(sent.Invitation.ExpiresAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14));
        Assert.NotNull(sent.InvitationExpiresOn);
        var first = Assert.Single(await MailsToAsync(email));

        Assert.True(await people.InviteAsync(coordinator, id, AppBase));
        var mails = await MailsToAsync(email);
        Assert.Equal(2, mails.Count);
        var account = (await users.FindByEmailAsync(email))!;
        // The first link stopped working; the second one sets the password.
        Assert.False((await users.ResetPasswordAsync(account, TokenOf(first), "Eerste-Link-2026")).Succeeded);
        account = (await users.FindByEmailAsync(email))!;
        Assert.True((await users.ResetPasswordAsync(account, TokenOf(mails[^1]), "Tweede-Link-2026")).Succeeded);

        Assert.Equal(InvitationState.Accepted, Entry(await people.LoadAsync(coordinator), id).Invitation.State);
        Assert.False(await people.InviteAsync(coordinator, id, AppBase));
        Assert.Equal(2, (await MailsToAsync(email)).Count);
        var signIn = await SignedInClient.PostLoginAsync(SignedInClient.Anonymous(app), email, "Tweede-Link-2026");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Editing_keeps_the_email_refuses_a_stale_version_and_an_employer_change_while_taking_part()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var view = await people.LoadAsync(coordinator);
        var linda = view.People.Single(p => p.Name == "Linda Wolbers");
        var form = new PersonForm { Name = "Linda Wolbers-Smit", Email = "ander@adres.example", Phone = "06 9999 0001", Function = "Vennoot", EmployerId = linda.EmployerId };

        await people.EditAsync(coordinator, linda.Id, view.Version, form);

        var edited = Entry(await people.LoadAsync(coordinator), linda.Id);
        Assert.Equal(("Linda Wolbers-Smit", "06 9999 0001", "Vennoot", "l.wolbers@wolbers.example"), (edited.Name, edited.Phone, edited.Function, edited.Email));

        // Someone else saved meanwhile: the stale edit is a conflict and writes nothing.
        form.Name = "Oude Versie";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => people.EditAsync(coordinator, linda.Id, view.Version, form));
        var current = await people.LoadAsync(coordinator);
        Assert.Equal("Linda Wolbers-Smit", Entry(current, linda.Id).Name);

        // A participant keeps their employer until that role has ended.
        var other = current.Employers.First(e => e.Id != linda.EmployerId).Id;
        var moved = await Assert.ThrowsAsync<DomainException>(() => people.EditAsync(coordinator, linda.Id, current.Version,
            new PersonForm { Name = "Linda Wolbers-Smit", Email = "l.wolbers@wolbers.example", EmployerId = other }));
        Assert.Equal("Network.EmployerBoundRoles", moved.Code);
        Assert.Equal(linda.EmployerId, Entry(await people.LoadAsync(coordinator), linda.Id).EmployerId);
    }

    [Fact]
    public async Task A_deactivated_persons_open_session_loses_access_at_once_and_reactivation_gives_an_account_without_roles()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var (person, principal, client) = await PersonWithSessionAsync("Fatima El Amrani", "f.elamrani@nijhof.example");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/meetings")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();

        await people.DeactivateAsync(coordinator, person, (await people.LoadAsync(coordinator)).Version);

        var deactivated = Entry(await people.LoadAsync(coordinator), person);
        Assert.False(deactivated.IsActive);
        Assert.Empty(deactivated.Roles);
        Assert.Contains(deactivated.History, h => h.Role == NetworkRole.Participant && h.Until is not null);
        // The open page (circuit) and the cookie both lose access.
        Assert.Null(await CurrentPrincipalAsync(principal));
        var afterwards = await client.GetAsync("/meetings");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/account/login", afterwards.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var again = await Assert.ThrowsAsync<DomainException>(async () => await people.DeactivateAsync(coordinator, person, (await people.LoadAsync(coordinator)).Version));
        Assert.Equal("Network.PersonInactive", again.Code);
        var invite = await Assert.ThrowsAsync<DomainException>(() => people.InviteAsync(coordinator, person, AppBase));
        Assert.Equal("Network.PersonInactive", invite.Code);

        await people.ReactivateAsync(coordinator, person, (await people.LoadAsync(coordinator)).Version);

        var reactivated = Entry(await people.LoadAsync(coordinator), person);
        Assert.True(reactivated.IsActive);
        Assert.Empty(reactivated.Roles);
        var signIn = await SignedInClient.PostLoginAsync(SignedInClient.Anonymous(app), "f.elamrani@nijhof.example", AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Every_role_is_given_and_ended_with_its_history_and_the_persons_open_session_takes_the_new_roles()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var (pieter, principal, _) = await PersonWithSessionAsync("Pieter Kampman", "p.kampman@kampman.example");
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();

        await people.AssignRoleAsync(coordinator, pieter, NetworkRole.CoreGroupMember, (await people.LoadAsync(coordinator)).Version);

        var refreshed = await CurrentPrincipalAsync(principal);
        Assert.NotNull(refreshed);
        Assert.NotSame(principal, refreshed);
        Assert.True(refreshed!.IsCoreGroup());
        Assert.Contains(NetworkRole.CoreGroupMember, Entry(await people.LoadAsync(coordinator), pieter).Roles);
        var twice = await Assert.ThrowsAsync<DomainException>(async () =>
            await people.AssignRoleAsync(coordinator, pieter, NetworkRole.CoreGroupMember, (await people.LoadAsync(coordinator)).Version));
        Assert.Equal("Network.RoleAlreadyHeld", twice.Code);

        await people.AssignRoleAsync(coordinator, pieter, NetworkRole.Advisor, (await people.LoadAsync(coordinator)).Version);
        await people.EndRoleAsync(coordinator, pieter, NetworkRole.CoreGroupMember, (await people.LoadAsync(coordinator)).Version);
        await people.EndRoleAsync(coordinator, pieter, NetworkRole.Advisor, (await people.LoadAsync(coordinator)).Version);

        var entry = Entry(await people.LoadAsync(coordinator), pieter);
        Assert.Equal([NetworkRole.Participant], entry.Roles);
        Assert.Single(entry.History, h => h.Role == NetworkRole.CoreGroupMember && h.Until is not null);
        Assert.Single(entry.History, h => h.Role == NetworkRole.Advisor && h.Until is not null);
        Assert.False((await CurrentPrincipalAsync(refreshed))!.IsCoreGroup());

        // A lawyer of a firm outside the network is an advisor, never a participant or core group member.
        var lawyer = await people.AddAsync(coordinator, (await people.LoadAsync(coordinator)).Version,
            new PersonForm { Name = "mr. Sara Veldkamp", Email = "s.veldkamp@veldkamp.example", Organisation = "Veldkamp Advocaten", Invite = false }, AppBase);
        await people.AssignRoleAsync(coordinator, lawyer, NetworkRole.Advisor, (await people.LoadAsync(coordinator)).Version);
        var participant = await Assert.ThrowsAsync<DomainException>(async () =>
            await people.AssignRoleAsync(coordinator, lawyer, NetworkRole.Participant, (await people.LoadAsync(coordinator)).Version));
        Assert.Equal("Network.RoleNeedsEmployer", participant.Code);
        var notHeld = await Assert.ThrowsAsync<DomainException>(async () =>
            await people.EndRoleAsync(coordinator, lawyer, NetworkRole.CoreGroupMember, (await people.LoadAsync(coordinator)).Version));
        Assert.Equal("Network.RoleNotHeld", notHeld.Code);
        var coordinatorRole = await Assert.ThrowsAsync<DomainException>(async () =>
            await people.EndRoleAsync(coordinator, coordinator.PersonId, NetworkRole.Coordinator, (await people.LoadAsync(coordinator)).Version));
        Assert.Equal("Network.CoordinatorNeedsSuccessor", coordinatorRole.Code);

        // The new advisor advises a theme group, and stops again.
        var group = (await people.LoadAsync(coordinator)).ThemeGroups.Single(g => g.Name == "Wet- en regelgeving");
        await people.AssignAdvisorAsync(coordinator, group.Id, lawyer, group.Version);
        Assert.Contains(group.Id, Entry(await people.LoadAsync(coordinator), lawyer).Advises);
        var advised = (await people.LoadAsync(coordinator)).ThemeGroups.Single(g => g.Id == group.Id);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => people.RemoveAdvisorAsync(coordinator, group.Id, lawyer, group.Version));
        Assert.NotNull(stale);
        await people.RemoveAdvisorAsync(coordinator, group.Id, lawyer, advised.Version);
        Assert.Empty(Entry(await people.LoadAsync(coordinator), lawyer).Advises);
    }

    [Fact]
    public async Task A_theme_group_is_handed_to_a_new_lead_whose_employer_joins_and_whose_session_may_then_edit_it()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var (ahmet, principal, _) = await PersonWithSessionAsync("Ahmet Yilmaz", AppFactory.Participant);
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var view = await people.LoadAsync(coordinator);
        var group = view.ThemeGroups.Single(g => g.Name == "Kennisuitwisseling");
        var previousLead = group.LeadId!.Value;

        await people.AssignLeadAsync(coordinator, group.Id, ahmet, group.Version);

        var after = await people.LoadAsync(coordinator);
        var handedOver = after.ThemeGroups.Single(g => g.Id == group.Id);
        Assert.Equal((ahmet, "Ahmet Yilmaz"), (handedOver.LeadId!.Value, handedOver.LeadName));
        Assert.Contains(group.Id, Entry(after, ahmet).Leads);
        Assert.DoesNotContain(group.Id, Entry(after, previousLead).Leads);
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            var stored = await db.ThemeGroups.AsNoTracking().SingleAsync(g => g.Id == group.Id);
            Assert.True(stored.HasMember(Entry(after, ahmet).EmployerId!.Value));
        }

        var refreshed = await CurrentPrincipalAsync(principal);
        Assert.True(refreshed!.LeadsThemeGroup(group.Id));

        // The same hand-over from a stale screen is a conflict; the lead steps down and the group looks for one.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => people.AssignLeadAsync(coordinator, group.Id, coordinator.PersonId, group.Version));
        await people.EndLeadAsync(coordinator, group.Id, handedOver.Version);
        Assert.Null((await people.LoadAsync(coordinator)).ThemeGroups.Single(g => g.Id == group.Id).LeadId);
        Assert.False((await CurrentPrincipalAsync(refreshed!))!.LeadsThemeGroup(group.Id));
    }

    [Fact]
    public async Task An_employer_with_a_core_group_seat_leaves_only_after_the_hand_over_and_its_people_stop_taking_part()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var bart = (await people.LoadAsync(coordinator)).People.Single(p => p.Name == "Bart Brinkers");
        var employer = bart.EmployerId!.Value;

        var seat = await Assert.ThrowsAsync<DomainException>(async () =>
            await people.EmployerLeavesAsync(coordinator, employer, (await people.LoadAsync(coordinator)).Version));
        Assert.Equal("Network.LeaverHasCoreGroupSeat", seat.Code);

        await people.EndRoleAsync(coordinator, bart.Id, NetworkRole.CoreGroupMember, (await people.LoadAsync(coordinator)).Version);
        await people.EmployerLeavesAsync(coordinator, employer, (await people.LoadAsync(coordinator)).Version);

        var after = await people.LoadAsync(coordinator);
        var left = Entry(after, bart.Id);
        Assert.True(left.IsActive);
        Assert.Empty(left.Roles);
        Assert.Single(left.History, h => h.Role == NetworkRole.Participant && h.Until is not null);
        Assert.DoesNotContain(after.Employers, e => e.Id == employer);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var network = await db.Networks.AsNoTracking().SingleAsync();
        Assert.Equal(EmployerStatus.Left, network.EmployerById(employer).Status);
        var rejoin = Assert.Throws<DomainException>(() => network.AssignRole(bart.Id, NetworkRole.Participant, DateOnly.FromDateTime(DateTime.Today)));
        Assert.Equal("Network.RoleNeedsEmployer", rejoin.Code);
    }

    [Fact]
    public async Task Only_the_coordinator_uses_the_people_screen()
    {
        var member = await app.MemberAsync(AppFactory.CoreGroupMember);
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var version = (await app.NetworkAsync()).Version;

        await Assert.ThrowsAsync<ForbiddenException>(() => people.LoadAsync(member));
        await Assert.ThrowsAsync<ForbiddenException>(() => people.AddAsync(member, version,
            new PersonForm { Name = "Stiekem", Email = "stiekem@example.nl", Organisation = "X" }, AppBase));
        await Assert.ThrowsAsync<ForbiddenException>(() => people.AssignRoleAsync(member, member.PersonId, NetworkRole.Advisor, version));
        Assert.DoesNotContain((await app.NetworkAsync()).People, p => p.Name == "Stiekem");
    }

    private static PersonEntry Entry(PeopleView view, PersonId id) => view.People.Single(p => p.Id == id);

    private async Task<List<string>> MailsToAsync(string email)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.To == email).ToListAsync();
        return [.. mails.OrderBy(m => m.CreatedAt).Select(m => m.Body)];
    }

    private static string TokenOf(string body)
    {
        var link = LinkPattern().Match(body);
        Assert.True(link.Success, body);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link.Value).Query)["token"].ToString();
    }

    /// <summary>A demo person with an account, signed in through the login form, and the claims their open pages carry.</summary>
    private async Task<(PersonId Person, ClaimsPrincipal Principal, HttpClient Client)> PersonWithSessionAsync(string name, string email)
    {
        var network = await app.NetworkAsync();
        var person = network.People.Single(p => p.Name == name);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            account = new UserAccount { UserName = email, Email = email, EmailConfirmed = true, NetworkId = network.Id, PersonId = person.Id };
            Assert.True((await users.CreateAsync(account, AppFactory.DemoPassword)).Succeeded);
        }

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>().CreateAsync(account);
        return (person.Id, principal, await SignedInClient.SignInAsync(app, email));
    }

    private async Task<ClaimsPrincipal?> CurrentPrincipalAsync(ClaimsPrincipal principal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await RevalidatingAuthenticationStateProvider.CurrentPrincipalAsync(scope.ServiceProvider, principal,
            scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value);
    }

    [GeneratedRegex(@"https?://\S+/account/welcome\?\S+")]
    private static partial Regex LinkPattern();
}

/// <summary>The coordinator hands over: exactly one coordinator, the old one keeps their account and loses the screen.</summary>
public sealed class CoordinatorHandOverTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly AppFactory _app = app;

    [Fact]
    public async Task Handing_over_coordination_leaves_exactly_one_coordinator_and_the_old_one_signed_in_without_the_people_screen()
    {
        var old = await _app.MemberAsync(AppFactory.Coordinator);
        var client = await SignedInClient.SignInAsync(_app, AppFactory.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/members/people")).StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var view = await people.LoadAsync(old);
        var marloes = view.People.Single(p => p.Email == AppFactory.CoreGroupMember);

        await people.AssignRoleAsync(old, marloes.Id, NetworkRole.Coordinator, view.Version);

        var network = await _app.NetworkAsync();
        Assert.Single(network.Roles, r => r.Role == NetworkRole.Coordinator);
        Assert.Equal(marloes.Id, network.Coordinator.Id);
        Assert.Contains(network.RoleHistory, r => r.PersonId == old.PersonId && r.Role == NetworkRole.Coordinator && r.Until is not null);
        Assert.True(network.PersonById(old.PersonId).IsActive);
        // The old coordinator's cookie is refreshed on the next request: still signed in, no longer the coordinator.
        await Assert.ThrowsAsync<ForbiddenException>(() => people.LoadAsync(old));
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/members/people")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/meetings")).StatusCode);
        var successor = await _app.MemberAsync(AppFactory.CoreGroupMember);
        Assert.True(successor.IsCoordinator);
        Assert.NotEmpty((await people.LoadAsync(successor)).People);
    }
}
