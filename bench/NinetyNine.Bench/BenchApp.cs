using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NinetyNine.Web.Data;

namespace NinetyNine.Bench;

/// <summary>The real app (NinetyNine.Web's own <c>Program.BuildAsync</c>) on loopback Kestrel, on a fresh SQLite database seeded with the demo network.</summary>
internal static class BenchApp
{
    private const string ManifestName = "NinetyNine.Web.staticwebassets.endpoints.json";

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ninetynine-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Starts the app in Production mode with the demo accounts (password <paramref name="password"/>); its log goes to
    /// <paramref name="log"/>. With <paramref name="published"/> (a <c>dotnet publish</c> folder of NinetyNine.Web) the
    /// static assets are served as a deployment serves them: fingerprinted, compressed and cacheable.
    /// <paramref name="configure"/> adjusts the builder further (e.g. adds a service of the benchmark's own).
    /// </summary>
    public static async Task<WebApplication> StartAsync(string folder, ServerLog log, string password, CancellationToken cancellationToken, string? published = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        // The app's own folder as content root (appsettings.json, wwwroot), as the tests do; the output folder when run elsewhere.
        var project = Path.Combine(DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory), "NinetyNine.Web");
        var contentRoot = published ?? (Directory.Exists(project) ? project : AppContext.BaseDirectory);
        List<string> args =
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Production",
            "--applicationName=NinetyNine.Web",
            $"--contentRoot={contentRoot}",
            $"--ConnectionStrings:NinetyNine=Data Source={Path.Combine(folder, "bench.db")}",
            $"--NinetyNine:DataDirectory={folder}",
            "--Seed:DemoNetwork=true",
            "--Seed:DemoAccounts=true",
            $"--Seed:DemoPassword={password}",
            "--Logging:LogLevel:Default=Warning",
        ];
        if (published is not null)
        {
            args.Add($"--webroot={Path.Combine(published, "wwwroot")}");
            args.Add($"--StaticAssets:Manifest={Path.Combine(published, ManifestName)}");
        }

        // The app's log goes to a counter, not the console: a run can retry thousands of saves.
        var app = await global::Program.BuildAsync([.. args], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(log);
            if (published is null)
            {
                // Served from the build output: MudBlazor's CSS and scripts come from their packages, as in development.
                builder.WebHost.UseStaticWebAssets();
            }

            configure?.Invoke(builder);
        });
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>Publishes NinetyNine.Web (Release) into <paramref name="folder"/>/publish, as a deployment would; returns that folder.</summary>
    public static async Task<string> PublishAsync(string folder)
    {
        var project = Path.Combine(DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory), "NinetyNine.Web", "NinetyNine.Web.csproj");
        var output = Path.Combine(folder, "publish");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(Path.Combine(output, ManifestName)))
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return output;
    }
}
