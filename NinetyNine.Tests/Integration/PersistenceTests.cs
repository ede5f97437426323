using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Members;
using NinetyNine.Web.Security;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>Migrations, seed, concurrency tokens: against a database of its own, since these tests write.</summary>
public sealed class PersistenceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Changing_only_a_child_bumps_the_aggregate_version()
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var network = await db.Networks.SingleAsync();
        var before = network.Version;

        network.RecordJobs(network.Employers[1].Id, 20, 11);
        await db.SaveChangesAsync();

        Assert.Equal(before + 1, network.Version);
        await using var fresh = await app.DbFactory.CreateDbContextAsync();
        var reloaded = await fresh.Networks.AsNoTracking().SingleAsync();
        Assert.Equal(before + 1, reloaded.Version);
        Assert.Equal(11, reloaded.Employers.Single(e => e.Id == network.Employers[1].Id).JobsRealised);
    }

    [Fact]
    public async Task A_stale_save_is_a_conflict_and_the_newer_data_survives()
    {
        await using var first = await app.DbFactory.CreateDbContextAsync();
        await using var second = await app.DbFactory.CreateDbContextAsync();
        var mine = await first.Networks.SingleAsync();
        var theirs = await second.Networks.SingleAsync();
        var employer = mine.Employers[2].Id;

        theirs.RecordJobs(employer, 30, 12);
        await second.SaveChangesAsync();
        mine.RecordJobs(employer, 30, 99);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => first.SaveChangesAsync());
        await using var check = await app.DbFactory.CreateDbContextAsync();
        Assert.Equal(12, (await check.Networks.AsNoTracking().SingleAsync()).EmployerById(employer).JobsRealised);
    }

    [Fact]
    public async Task Service_refuses_an_edit_made_on_a_version_someone_else_already_changed()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using var scope = app.Services.CreateAsyncScope();
        var members = scope.ServiceProvider.GetRequiredService<MembersService>();
        var seen = await members.LoadAsync(coordinator);
        var employer = seen.Employers[3];

        await members.RecordJobsAsync(coordinator, employer.Id, seen.Version, new RecordJobs { JobsAmbition = 7, JobsRealised = 3 });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            members.RecordJobsAsync(coordinator, employer.Id, seen.Version, new RecordJobs { JobsAmbition = 7, JobsRealised = 5 }));

        var now = await members.LoadAsync(coordinator);
        Assert.Equal(3, now.Employers.Single(e => e.Id == employer.Id).JobsRealised);
    }

    [Fact]
    public async Task Adding_an_employer_with_a_taken_KvK_number_is_refused_with_a_clear_message()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using var scope = app.Services.CreateAsyncScope();
        var members = scope.ServiceProvider.GetRequiredService<MembersService>();
        var existing = (await members.LoadAsync(coordinator)).Employers[0];

        var error = await Assert.ThrowsAsync<DomainException>(() => members.AddEmployerAsync(coordinator,
            new AddEmployer { Name = "Dubbel BV", Kvk = existing.Kvk, Sector = "Bouw", Town = "Enschede", JoinedOn = DateTime.Today }));

        Assert.Equal("Network.KvkTaken", error.Code);
        await members.AddEmployerAsync(coordinator, new AddEmployer { Name = "Nieuw BV", Kvk = "1234 5670", Sector = "Bouw", Town = "Enschede", JoinedOn = DateTime.Today, JobsAmbition = 2 });
        Assert.Contains((await members.LoadAsync(coordinator)).Employers, e => e.Name == "Nieuw BV" && e.Kvk == "12345670");
    }

    [Fact]
    public async Task A_deactivated_person_loses_access_and_cannot_sign_in_again()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var network = await app.NetworkAsync();
        var person = network.People.Single(p => p.Name == "Pieter Kampman");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<UserAccount>>();
        var account = new UserAccount { UserName = person.Email.Value, Email = person.Email.Value, EmailConfirmed = true, NetworkId = network.Id, PersonId = person.Id };
        Assert.True((await users.CreateAsync(account, AppFactory.DemoPassword)).Succeeded);
        var principal = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<UserAccount>>().CreateAsync(account);
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions>>().Value;
        Assert.True(await RevalidatingAuthenticationStateProvider.IsStillValidAsync(scope.ServiceProvider, principal, options));

        await scope.ServiceProvider.GetRequiredService<MembersService>().DeactivatePersonAsync(coordinator, person.Id);

        Assert.False(await RevalidatingAuthenticationStateProvider.IsStillValidAsync(scope.ServiceProvider, principal, options));
        var response = await SignedInClient.PostLoginAsync(SignedInClient.Anonymous(app), person.Email.Value, AppFactory.DemoPassword);
        Assert.Contains("Dit account heeft geen toegang (meer).", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

}
