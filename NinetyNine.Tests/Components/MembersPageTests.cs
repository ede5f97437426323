using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Features.Members;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Components;

[Collection(AppCollection.Name)]
public sealed class MembersPageTests : MudTestContext
{
    private readonly AsyncServiceScope _scope;
    private readonly Network _network;

    public MembersPageTests(AppFactory app)
    {
        _scope = app.Services.CreateAsyncScope();
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<MembersService>());
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<PeopleService>());
        _network = app.NetworkAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void Search_narrows_the_employers_by_town()
    {
        SignIn(_network, _network.Coordinator, NetworkRole.Coordinator);
        var page = Render<MembersPage>();
        page.WaitForAssertion(() => Assert.Equal(_network.Employers.Count, page.FindAll("[data-testid=employers-table] tbody tr").Count));

        page.Find("input[data-testid=members-search]").Input("Hengelo");

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("[data-testid=employers-table] tbody tr");
            Assert.Equal(_network.Employers.Count(e => e.Town == "Hengelo"), rows.Count);
            Assert.All(rows, r => Assert.Contains("Hengelo", r.TextContent, StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Only_the_coordinator_gets_the_buttons_to_change_members()
    {
        var participant = _network.People.Single(p => p.Email == EmailAddress.Parse(AppFactory.Participant));
        SignIn(_network, participant, NetworkRole.Participant);

        var page = Render<MembersPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=employers-table] tbody tr")));
        Assert.Empty(page.FindAll("[data-testid=add-employer]"));
        Assert.Empty(page.FindAll("[data-testid=employers-table] button"));
    }

    [Fact]
    public void Every_icon_button_for_the_coordinator_has_an_accessible_name()
    {
        SignIn(_network, _network.Coordinator, NetworkRole.Coordinator);

        var page = Render<MembersPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=employers-table] tbody button")));
        Assert.All(page.FindAll("button.mud-icon-button"), b => Assert.False(string.IsNullOrWhiteSpace(b.GetAttribute("aria-label"))));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _scope.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
