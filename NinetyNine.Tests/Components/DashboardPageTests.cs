using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Dashboard;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Components;

/// <summary>The dashboard rendered by bunit with MudBlazor, on the seeded demo database.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardPageTests : MudTestContext
{
    private readonly AppFactory _app;
    private readonly Network _network;

    public DashboardPageTests(AppFactory app)
    {
        _app = app;
        Services.AddSingleton(app.Services.GetRequiredService<IDbContextFactory<NinetyNineDb>>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<DashboardQueries>();
        Services.AddSingleton(app.Services.GetRequiredService<NinetyNine.Web.Features.Onboarding.OnboardingService>());
        _network = app.NetworkAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void Coordinator_sees_meeting_groups_applications_and_jobs_of_the_network()
    {
        SignIn(_network, _network.Coordinator, NetworkRole.Coordinator);

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("99vanTwente", page.Find("[data-testid=dashboard-title]").TextContent));
        Assert.Equal(4, page.FindAll("[data-testid=next-meeting-agenda] li").Count);
        Assert.Contains("Telefonisch", page.Find("[data-testid=next-meeting]").TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.FindAll("[data-testid=theme-groups] .theme-group-tile").Count);
        Assert.Contains("Henk Nijhuis", page.Find("[data-testid=theme-groups]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2", page.Find("[data-testid=open-applications-count]").TextContent.Trim());
        Assert.Contains("Meubelmakerij Hofman", page.Find("[data-testid=open-applications]").TextContent, StringComparison.Ordinal);
        var realised = _network.Employers.Sum(e => e.JobsRealised);
        var ambition = _network.Employers.Sum(e => e.JobsAmbition);
        Assert.Equal($"{realised} van {ambition} banen gerealiseerd (inclusieve ambitie)", page.Find("[data-testid=jobs-total]").TextContent.Trim());
        Assert.Equal(20, page.FindAll("[data-testid=jobs] tbody tr").Count);
        // The demo network has two newcomers in onboarding; one has not moved for a month.
        Assert.Equal("2", page.Find("[data-testid=summary-running]").TextContent.Trim());
        Assert.Equal("1", page.Find("[data-testid=summary-stalled]").TextContent.Trim());
    }

    [Fact]
    public void A_participant_sees_how_many_applications_wait_but_not_who_applied()
    {
        var participant = _network.People.Single(p => p.Email == EmailAddress.Parse(AppFactory.Participant));
        SignIn(_network, participant, NetworkRole.Participant);

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=open-applications-count]").TextContent.Trim()));
        var card = page.Find("[data-testid=open-applications]").TextContent;
        Assert.DoesNotContain("Meubelmakerij Hofman", card, StringComparison.Ordinal);
        Assert.Contains("wachten op een besluit van de kerngroep", card, StringComparison.Ordinal);
        // Ahmet's own onboarding: the steps assigned to him, not the coordinator's summary.
        Assert.Empty(page.FindAll("[data-testid=onboarding-summary]"));
        var mine = page.FindAll("[data-testid=my-step]");
        var step = Assert.Single(mine);
        Assert.Contains("Eerste netwerkbijeenkomst bijgewoond", step.TextContent, StringComparison.Ordinal);
        Assert.Contains("Fietsfabriek Vriezenveen", step.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/onboarding/", mine[0].GetAttribute("href")![..^36], StringComparison.Ordinal);
    }
}
