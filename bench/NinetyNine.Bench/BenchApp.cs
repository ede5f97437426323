using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NinetyNine.Web.Data;

namespace NinetyNine.Bench;

/// <summary>The real app (NinetyNine.Web's own <c>Program.BuildAsync</c>) on loopback Kestrel, on a fresh SQLite database seeded with the demo network.</summary>
internal static class BenchApp
{
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ninetynine-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Starts the app in Production mode with the demo accounts (password <paramref name="password"/>); its log goes to <paramref name="log"/>.</summary>
    public static async Task<WebApplication> StartAsync(string folder, ServerLog log, string password, CancellationToken cancellationToken)
    {
        // The app's own folder as content root (appsettings.json, wwwroot), as the tests do; the output folder when run elsewhere.
        var project = Path.Combine(DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory), "NinetyNine.Web");
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Production",
            "--applicationName=NinetyNine.Web",
            $"--contentRoot={(Directory.Exists(project) ? project : AppContext.BaseDirectory)}",
            $"--ConnectionStrings:NinetyNine=Data Source={Path.Combine(folder, "bench.db")}",
            $"--NinetyNine:DataDirectory={folder}",
            "--Seed:DemoNetwork=true",
            "--Seed:DemoAccounts=true",
            $"--Seed:DemoPassword={password}",
            "--Logging:LogLevel:Default=Warning",
        ];
        // The app's log goes to a counter, not the console: a run can retry thousands of saves.
        var app = await global::Program.BuildAsync(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(log);
            // Served from the build output, not a publish folder: MudBlazor's CSS and scripts come from their packages, as in development.
            builder.WebHost.UseStaticWebAssets();
        });
        await app.StartAsync(cancellationToken);
        return app;
    }
}
