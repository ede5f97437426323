using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using NinetyNine.Domain.Applications;
using NinetyNine.Web.Components;
using NinetyNine.Web.Data;
using NinetyNine.Web.Live;
using NinetyNine.Web.Features.Account;
using NinetyNine.Web.Features.Applications;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Features.Dashboard;
using NinetyNine.Web.Features.Decisions;
using NinetyNine.Web.Features.Meetings;
using NinetyNine.Web.Features.Meetings.Calendar;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Features.Meetings.Minutes;
using NinetyNine.Web.Features.Members;
using NinetyNine.Web.Features.Onboarding;
using NinetyNine.Web.Features.Outbox;
using NinetyNine.Web.Features.Profile;
using NinetyNine.Web.Features.Public;
using NinetyNine.Web.Features.Settings;
using NinetyNine.Web.Features.Setup;
using NinetyNine.Web.Features.ThemeGroups;
using NinetyNine.Web.Security;

if (NetworkCommand.IsCommand(args))
{
    return await NetworkCommand.RunAsync(args, Console.Out);
}

var app = await Program.BuildAsync(args);
app.Run();
return 0;

/// <summary>Entry point; public for the integration tests and the benchmark.</summary>
public partial class Program
{
    /// <summary>
    /// The app, configured from <paramref name="args"/> (command line, then the usual configuration sources),
    /// migrated and seeded, ready to run. The entry point runs it; the benchmark starts it on loopback and passes
    /// <paramref name="configure"/> to adjust the builder (its logging) just before it is built.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;

        // The server pings every circuit every 5 s (the browser gives up after 10 s without a word, wwwroot/js/start.js),
        // so a silent outage shows within seconds, not half a minute.
        services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(o => o.KeepAliveInterval = TimeSpan.FromSeconds(5));
        services.AddMudServices();
        // MudBlazor's own labels (clear, close, open, pagers) in the reader's language, from the app's resources.
        services.AddTransient<MudBlazor.MudLocalizer, NinetyNine.Web.Components.ResourceMudLocalizer>();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton(TimeProvider.System);
        services.AddValidatorsFromAssemblyContaining<SubmitApplicationValidator>(ServiceLifetime.Singleton);
        services.AddValidatorsFromAssemblyContaining<SignInValidator>(ServiceLifetime.Singleton);

        // Persistence: SQLite file under data/ (configurable), migrated and seeded at start-up.
        services.AddNinetyNineDatabase(builder.Configuration, builder.Environment);
        services.AddSingleton<DemoSeed>();
        services.AddSingleton<NetworkDirectory>();
        services.AddDataProtection()
            .SetApplicationName("NinetyNine")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DatabaseSetup.DataDirectory(builder.Configuration, builder.Environment), "keys")));
        services.AddHealthChecks().AddDbContextCheck<NinetyNineDb>();

        // Sign-in: Identity with cookies; the circuit re-checks the account every minute.
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddSingleton<AccountStatus>();
        var accountOptions = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.Configure<AccountOptions>(builder.Configuration.GetSection(AccountOptions.Section));
        services.AddSingleton<AccountThrottle>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddSingleton<PasswordResetTokenProvider>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<PasswordResets>();
        services.AddIdentityCore<UserAccount>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Kept above the per-address limit of failed sign-ins (Accounts:SignInFailuresPerAddress), so one address cannot lock anyone out.
                o.Lockout.MaxFailedAccessAttempts = accountOptions.LockoutAfterFailures;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accountOptions.LockoutMinutes);
                o.Password.RequiredLength = 10;
                o.Tokens.ProviderMap[PasswordResetTokenProvider.Name] = new TokenProviderDescriptor(typeof(PasswordResetTokenProvider));
            })
            .AddEntityFrameworkStores<NinetyNineDb>()
            .AddSignInManager<NetworkSignInManager>()
            .AddClaimsPrincipalFactory<NetworkClaimsFactory>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddHubTickets().AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "NinetyNine.Auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // Every request: signed out at once when deactivated, current claims at once when the roles changed.
            o.Events.OnValidatePrincipal = AccessRefresh.ValidatePrincipalAsync;
        });
        services.AddAuthorizationBuilder().AddNinetyNinePolicies();
        services.AddSingleton<IAuthorizationHandler, EditThemeGroupHandler>();

        // Features.
        services.AddScoped<DashboardQueries>();
        services.AddScoped<MembersService>();
        services.AddScoped<PeopleService>();
        services.AddScoped<SettingsService>();
        services.AddScoped<ThemeGroupService>();
        services.AddScoped<MeetingQueries>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<Invitations>();
        services.AddSingleton<ProfileService>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = Invitations.Lifetime);
        services.AddScoped<AdmissionService>();
        services.AddSingleton<ApplicationRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<ApplicationRetention>());
        services.AddScoped<DecisionRegister>();
        services.AddScoped<EmployerTimelineQueries>();
        services.AddSingleton<PublicNetworkService>();
        services.AddApplicationFormProtection(builder.Configuration);
        services.AddHttpHardening(builder.Configuration);
        services.AddFirstStart(builder.Configuration);
        services.AddSingleton<MeetingSeriesService>();
        services.AddHostedService<MeetingSeriesWorker>();
        services.AddSingleton<ILiveFeed, InMemoryLiveFeed>();
        services.AddSingleton<LiveCore>();
        services.AddSingleton<LiveHubSubscriptions>();
        services.AddSingleton<AgendaService>();
        services.AddSingleton<OnboardingService>();
        services.AddSingleton<BoardService>();
        services.AddSingleton<StatusReportService>();
        services.AddSingleton<AdviceService>();
        services.AddSingleton<ActionCards>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<CalendarFeeds>();
        services.AddEmailOutbox(builder.Configuration, builder.Environment);
        var signalR = services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024);
        HubInputFilter.AddHubInputGuard<AgendaHub>(signalR, builder.Logging);
        HubInputFilter.AddHubInputGuard<BoardHub>(signalR, builder.Logging);
        HubInputFilter.AddHubInputGuard<OnboardingHub>(signalR, builder.Logging);
        configure?.Invoke(builder);

        var app = builder.Build();

        await DatabaseSetup.MigrateAsync(app.Services);
        await app.Services.GetRequiredService<DemoSeed>().SeedAsync();

        // The real client behind a proxy, security headers on every response, Secure cookies over HTTPS, and outside
        // Development HSTS and the redirect to HTTPS.
        app.UseHttpHardening();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(o =>
        {
            string[] cultures = ["nl", "en"];
            // English words with British dates and Monday-first weeks (en-GB formatting, "en" resources).
            o.SetDefaultCulture("nl").AddSupportedCultures("nl", BritishEnglishCultureProvider.Formatting).AddSupportedUICultures(cultures);
            // Dutch unless the person chose English: the browser language does not decide.
            o.RequestCultureProviders = [new BritishEnglishCultureProvider()];
            o.FallBackToParentUICultures = true;
        });
        app.UseFirstStart();
        app.UseApplicationFormProtection();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // A published app finds its static asset manifest next to its assembly; a host that runs it from elsewhere (the
        // benchmark, serving a publish folder) names the manifest in StaticAssets:Manifest.
        var staticAssets = app.Configuration["StaticAssets:Manifest"];
        app.MapStaticAssets(staticAssets).AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapHub<AgendaHub>(AgendaHub.Path);
        app.MapHub<OnboardingHub>(OnboardingHub.Path);
        app.MapHub<BoardHub>(BoardHub.Path);
        app.MapMinutesEndpoints();
        app.MapCalendarEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().WithStaticAssets(staticAssets);
        return app;
    }
}
