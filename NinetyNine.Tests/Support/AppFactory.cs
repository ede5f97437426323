using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;

namespace NinetyNine.Tests.Support;

/// <summary>
/// The real app on its own temporary SQLite database, migrated and seeded with the demo network
/// and demo accounts exactly as the README's run command does.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-99vanTwente-test";
    public const string Coordinator = "coordinator@99vantwente.example";
    public const string CoreGroupMember = "kerngroep@99vantwente.example";
    public const string SecondCoreGroupMember = "h.nijhuis@sallandsewegenbouw.example";
    public const string ThemeLead = "kartrekker@99vantwente.example";
    public const string Participant = "deelnemer@99vantwente.example";
    public const string Advisor = "advocaat@99vantwente.example";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ninetynine-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        // Serve package assets (MudBlazor, blazor.web.js) from the build output, as Development does.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:NinetyNine", $"Data Source={Path.Combine(_folder, "test.db")}");
        builder.UseSetting("NinetyNine:DataDirectory", _folder);
        // Email never leaves the machine in tests: the file sender writes into <_folder>/outbox/.
        builder.UseSetting("Email:Sender", "file");
        builder.UseSetting("Seed:DemoNetwork", "true");
        builder.UseSetting("Seed:DemoAccounts", "true");
        builder.UseSetting("Seed:DemoPassword", DemoPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public IDbContextFactory<NinetyNineDb> DbFactory => Services.GetRequiredService<IDbContextFactory<NinetyNineDb>>();

    public async Task<Network> NetworkAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Networks.AsNoTracking().SingleAsync(n => n.Slug == "99vantwente");
    }

    /// <summary>A demo theme group's id, by its name.</summary>
    public async Task<NinetyNine.Domain.Common.ThemeGroupId> ThemeGroupIdAsync(string name)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.ThemeGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    /// <summary>The signed-in member exactly as the app's own claims factory builds it at sign-in.</summary>
    public async Task<NinetyNine.Web.Security.CurrentMember> MemberAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<UserAccount>>();
        var principal = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<UserAccount>>()
            .CreateAsync((await users.FindByEmailAsync(email))!);
        return NinetyNine.Web.Security.CurrentMember.From(principal);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the OS is cleaned up with the temp folder.
            }
        }
    }
}

/// <summary>One app shared by the read-mostly tests of a collection.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}

/// <summary>Component tests that render against live hub connections: run on their own, after the parallel part of the suite.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveUiCollection
{
    public const string Name = "live-ui";
}
