using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NinetyNine.Bench.Template;
using NinetyNine.Web.Data;

namespace NinetyNine.Bench;

/// <summary>
/// The baseline of the <c>live</c> mode: a minimal Blazor Server app as the stock template makes it
/// (<c>AddRazorComponents().AddInteractiveServerComponents()</c>, antiforgery, static assets, the <see cref="Counter"/>
/// page with <c>@rendermode InteractiveServer</c>), on its own loopback Kestrel in this process, so its managed heap is
/// measured the same way as the app's. It borrows NinetyNine.Web's static-asset manifest only for <c>blazor.web.js</c>.
/// </summary>
internal sealed class TemplateHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TemplateHost(WebApplication app, CircuitCounter circuits)
    {
        _app = app;
        Circuits = circuits;
        BaseUrl = app.Urls.First();
    }

    public string BaseUrl { get; }

    /// <summary>The template's open circuits.</summary>
    public CircuitCounter Circuits { get; }

    public static async Task<TemplateHost> StartAsync(ServerLog log, CancellationToken cancellationToken)
    {
        var project = Path.Combine(DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory), "NinetyNine.Web");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls=http://127.0.0.1:0"],
            EnvironmentName = Environments.Production,
            // blazor.web.js comes from the app's static web assets (the same file, from the same manifest).
            ApplicationName = "NinetyNine.Web",
            ContentRootPath = Directory.Exists(project) ? project : AppContext.BaseDirectory,
        });
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(log);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        var circuits = new CircuitCounter();
        circuits.AddTo(builder.Services);

        var app = builder.Build();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<TemplateApp>().AddInteractiveServerRenderMode();
        await app.StartAsync(cancellationToken);
        return new TemplateHost(app, circuits);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
