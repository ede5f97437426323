using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.ThemeGroups;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>Several networks live in one installation; a person only ever sees their own.</summary>
public sealed class ScopingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_member_of_one_network_cannot_see_a_theme_group_of_another()
    {
        var other = await AddSecondNetworkAsync();
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ThemeGroupService>();

        Assert.Null(await service.FindAsync(coordinator, other.Id));
        Assert.DoesNotContain(await service.ListAsync(coordinator), g => g.Id == other.Id);
        await Assert.ThrowsAsync<NinetyNine.Web.Security.ForbiddenException>(() =>
            service.DescribeAsync(coordinator, other.Id, other.Version, new DescribeThemeGroup { Name = "Overgenomen", Goal = string.Empty }));

        var client = await SignedInClient.SignInAsync(app, AppFactory.Coordinator);
        var page = await client.GetStringAsync($"/theme-groups/{other.Id}");
        Assert.DoesNotContain("Groep van Utrecht", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_database_path_lands_in_the_repository_data_folder_whatever_the_working_directory()
    {
        var environment = app.Services.GetRequiredService<IHostEnvironment>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:NinetyNine"] = "Data Source=data/elsewhere.db",
        }).Build();
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetTempPath();
        try
        {
            var resolved = DatabaseSetup.ResolveConnectionString(configuration, environment);

            var root = DatabaseSetup.RepositoryRoot(environment.ContentRootPath);
            Assert.True(File.Exists(Path.Combine(root, "NinetyNine.sln")));
            Assert.Contains($"Data Source={Path.Combine(root, "data", "elsewhere.db")}", resolved, StringComparison.Ordinal);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public async Task Without_demo_seeding_there_is_no_demo_network_and_no_account()
    {
        await using var parent = new AppFactory();
        await using var bare = parent.WithWebHostBuilder(b =>
        {
            b.UseSetting("Seed:DemoNetwork", "false");
            b.UseSetting("Seed:DemoAccounts", "false");
        });
        await using var db = await bare.Services.GetRequiredService<IDbContextFactory<NinetyNineDb>>().CreateDbContextAsync();

        Assert.Equal(0, await db.Networks.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await bare.CreateClient().GetAsync("/health")).StatusCode);
    }

    private async Task<ThemeGroup> AddSecondNetworkAsync()
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var network = Network.Found("99vanUtrecht", "99vanutrecht", "Utrecht", new MeetingCadence(new DateOnly(2026, 1, 6), new TimeOnly(9, 0)),
            "Coördinator Utrecht", EmailAddress.Parse("coordinator@99vanutrecht.example"), null, new DateOnly(2026, 1, 1));
        var group = ThemeGroup.Start(network, "Groep van Utrecht", "Alleen voor Utrecht", 0);
        db.Networks.Add(network);
        db.ThemeGroups.Add(group);
        await db.SaveChangesAsync();
        return group;
    }
}
