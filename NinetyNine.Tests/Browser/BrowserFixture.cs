using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Browser;

/// <summary>The app on a real Kestrel port and Debian's Chromium driven by Playwright (no browser download).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public AppFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        // Live changes cross two browsers, a circuit and a hub while the rest of the suite runs in parallel: allow 15 s, not 5.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new person at a new browser (own cookies), signed in and on the interactive dashboard.</summary>
    public async Task<IPage> SignInAsync(string email, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", AppFactory.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>A new person signed in on a live page (a meeting, a board, the advice queue), once its own connection is up.</summary>
    public async Task<IPage> OpenLiveAsync(string email, string path, int width = 1280)
    {
        var page = await SignInAsync(email, width);
        await page.GotoAsync(BaseUrl + path);
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=connection-state]")).ToHaveTextAsync("Live verbonden", new() { Timeout = 15_000 });
        return page;
    }

    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-app-ready=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// Browser tests watch live changes cross two browsers, a circuit and a hub: they run on their own, after the parallel
/// part of the suite, so a busy small machine does not starve them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
