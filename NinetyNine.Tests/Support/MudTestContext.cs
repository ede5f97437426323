using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Security;

namespace NinetyNine.Tests.Support;

/// <summary>
/// bunit with MudBlazor: loose JS interop, MudBlazor services, the app's resources, Dutch culture.
/// MudBlazor registers async-only disposables, so disposal goes through DisposeAsync.
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    static MudTestContext()
    {
        // The suite runs in parallel on small machines: give renders that wait on a live connection time to arrive.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
    }

    /// <summary>Signs in a person of the network with the given roles, as the app's claims factory would.</summary>
    protected BunitAuthorizationContext SignIn(Network network, Person person, params NetworkRole[] roles)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(person);
        var auth = AddAuthorization();
        auth.SetAuthorized(person.Name);
        // Roles first: bunit rebuilds the identity on SetRoles and would drop earlier claims.
        auth.SetRoles([.. roles.Select(r => r.ToString())]);
        auth.SetClaims(new Claim(NetworkClaims.Network, network.Id.Value.ToString()), new Claim(NetworkClaims.Person, person.Id.Value.ToString()));
        return auth;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await base.DisposeAsync();
    }
}
