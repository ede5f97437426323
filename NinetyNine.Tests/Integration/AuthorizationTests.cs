using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.ThemeGroups;
using NinetyNine.Web.Features.ThemeGroups;
using NinetyNine.Web.Security;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class AuthorizationTests(AppFactory app)
{
    [Fact]
    public async Task Theme_lead_reaches_the_edit_page_of_their_own_group()
    {
        var (own, _) = await GroupsAsync();
        var client = await SignedInClient.SignInAsync(app, AppFactory.ThemeLead);

        var response = await client.GetAsync($"/theme-groups/{own.Id}/edit");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"theme-group-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_lead_cannot_reach_the_edit_page_of_another_group()
    {
        var (_, other) = await GroupsAsync();
        var client = await SignedInClient.SignInAsync(app, AppFactory.ThemeLead);

        var response = await client.GetAsync($"/theme-groups/{other.Id}/edit");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("data-testid=\"access-denied\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"theme-group-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_lead_calling_the_service_directly_cannot_change_another_group()
    {
        var (own, other) = await GroupsAsync();
        var lead = await app.MemberAsync(AppFactory.ThemeLead);
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ThemeGroupService>();
        var command = new DescribeThemeGroup { Name = other.Name, Goal = "Hijacked goal" };

        await Assert.ThrowsAsync<ForbiddenException>(() => service.DescribeAsync(lead, other.Id, other.Version, command));
        var outsider = (await app.NetworkAsync()).Employers.First(e => !other.HasMember(e.Id)).Id;
        await Assert.ThrowsAsync<ForbiddenException>(() => service.AddMemberAsync(lead, other.Id, outsider));

        var (_, unchanged) = await GroupsAsync();
        Assert.Equal(other.Goal, unchanged.Goal);
        Assert.Equal(other.Version, unchanged.Version);
        Assert.True(await service.CanEditAsync(lead.User, own.Id));
    }

    [Fact]
    public async Task Coordinator_may_edit_every_group()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ThemeGroupService>();

        var groups = await service.ListAsync(coordinator);

        Assert.Equal(4, groups.Count);
        Assert.All(groups, g => Assert.True(g.CanEdit));
    }

    [Theory]
    [InlineData(AppFactory.Participant)]
    [InlineData(AppFactory.Advisor)]
    [InlineData(AppFactory.ThemeLead)]
    public async Task Applications_are_for_the_core_group_only(string email)
    {
        var client = await SignedInClient.SignInAsync(app, email);

        var response = await client.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Core_group_member_sees_the_open_applications()
    {
        var client = await SignedInClient.SignInAsync(app, AppFactory.CoreGroupMember);

        var page = await client.GetStringAsync("/applications");

        Assert.Contains("Meubelmakerij Hofman", page, StringComparison.Ordinal);
        Assert.Contains("Van der Veen Facilitair", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_participant_cannot_change_members_even_through_the_service()
    {
        var participant = await app.MemberAsync(AppFactory.Participant);
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<NinetyNine.Web.Features.Members.MembersService>();
        var network = await app.NetworkAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => service.RecordJobsAsync(participant, network.Employers[0].Id, network.Version,
            new NinetyNine.Domain.Networks.RecordJobs { JobsAmbition = 1, JobsRealised = 1 }));
        Assert.Equal(network.Version, (await app.NetworkAsync()).Version);
    }

    private async Task<(ThemeGroup Own, ThemeGroup Other)> GroupsAsync()
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var network = await db.Networks.AsNoTracking().SingleAsync();
        var lead = network.People.Single(p => p.Email == EmailAddress.Parse(AppFactory.ThemeLead));
        var groups = await db.ThemeGroups.AsNoTracking().OrderBy(g => g.Position).ToListAsync();
        return (groups.Single(g => g.LeadPersonId == lead.Id), groups.First(g => g.LeadPersonId != lead.Id));
    }

}
