using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Tests.Integration;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Decisions;
using NinetyNine.Web.Features.Members;

namespace NinetyNine.Tests.Components;

/// <summary>The register page and the employer timeline rendered against the register tests' data (read-only here).</summary>
public sealed class DecisionsPageTests : MudTestContext, IClassFixture<DecisionRegisterTests.Fixture>
{
    private readonly AsyncServiceScope _scope;
    private readonly Network _network;

    public DecisionsPageTests(DecisionRegisterTests.Fixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _scope = fixture.App.Services.CreateAsyncScope();
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<DecisionRegister>());
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<EmployerTimelineQueries>());
        _network = fixture.App.NetworkAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void The_search_and_the_kind_chips_narrow_the_register()
    {
        SignIn(_network, _network.Coordinator, NetworkRole.Coordinator);
        var page = Render<DecisionsPage>();
        page.WaitForAssertion(() => Assert.True(Rows(page).Count >= 4));
        Assert.Contains(Rows(page), r => r.Contains("Afgewezen", StringComparison.Ordinal));

        page.FindAll("[data-testid=kind-meeting]")[0].Click();
        page.WaitForAssertion(() => Assert.All(Rows(page), r => Assert.DoesNotContain("Registertest", r, StringComparison.Ordinal)));

        page.FindAll("[data-testid=kind-all]")[0].Click();
        page.Find("input[data-testid=decisions-search]").Input("registertest");
        page.WaitForAssertion(() =>
        {
            var rows = Rows(page);
            Assert.Equal(3, rows.Count); // admitted; deferred and declined for the other company
            Assert.All(rows, r => Assert.Contains("Registertest", r, StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void A_participant_gets_no_declined_row_and_no_dossier_link()
    {
        var participant = _network.People.Single(p => p.Email == EmailAddress.Parse(AppFactory.Participant));
        SignIn(_network, participant, NetworkRole.Participant);

        var page = Render<DecisionsPage>();

        page.WaitForAssertion(() => Assert.Contains(Rows(page), r => r.Contains("Bakkerij Oldenzaal Registertest", StringComparison.Ordinal)));
        Assert.DoesNotContain(Rows(page), r => r.Contains("Uitzendbureau", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=decisions-table] a[href^='/applications/']"));
        Assert.NotEmpty(page.FindAll("[data-testid=decisions-table] a[href$='/minutes']"));
    }

    [Fact]
    public void The_employer_page_shows_its_timeline_in_order()
    {
        var employer = _network.Employers.Single(e => e.Name == "Bakkerij Oldenzaal Registertest");
        SignIn(_network, _network.Coordinator, NetworkRole.Coordinator);

        var page = Render<EmployerPage>(p => p.Add(c => c.Id, employer.Id.Value));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=employer-timeline]")));
        var items = page.FindAll("[data-testid=employer-timeline] .mud-timeline-item");
        Assert.Equal(4, items.Count);
        Assert.Contains("Aangemeld", items[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(items[0].QuerySelector("a[href^='/applications/']"));
        Assert.Contains("Toegelaten", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Deelnemer geworden", items[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("Deelnemer: Anna Bakker", items[3].TextContent, StringComparison.Ordinal);
        Assert.Contains(employer.Kvk.Value, page.Find("[data-testid=employer-facts]").TextContent, StringComparison.Ordinal);
    }

    private static List<string> Rows(IRenderedComponent<DecisionsPage> page) =>
        [.. page.FindAll("[data-testid=decisions-table] tbody tr").Select(r => r.TextContent)];

    protected override async ValueTask DisposeAsyncCore()
    {
        await _scope.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
