using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Features.Meetings.Calendar;
using NinetyNine.Web.Features.Profile;
using NinetyNine.Web.Security;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Components;

/// <summary>The profile page renders the person's own details, refuses bad input at the field and shows a conflict.</summary>
public sealed class ProfilePageTests : MudTestContext, IClassFixture<AccountsAppFactory>
{
    private readonly AccountsAppFactory _app;

    public ProfilePageTests(AccountsAppFactory app)
    {
        _app = app;
        Services.AddSingleton(app.Services.GetRequiredService<ProfileService>());
        Services.AddSingleton(app.Services.GetRequiredService<CalendarFeeds>());
        Services.AddSingleton(app.Services.GetRequiredService<FluentValidation.IValidator<ChangeContactDetails>>());
    }

    private async Task<Person> SignInAsNewPersonAsync(string email)
    {
        var userId = await _app.NewAccountAsync(email, "Component-Test-2026!");
        var network = await _app.NetworkAsync();
        var person = network.People.Single(p => p.Email.Value == email);
        var auth = AddAuthorization();
        auth.SetAuthorized(person.Name);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId), new Claim(NetworkClaims.Network, network.Id.Value.ToString()),
            new Claim(NetworkClaims.Person, person.Id.Value.ToString()));
        return person;
    }

    [Fact]
    public async Task Shows_the_person_their_details_and_their_calendar_address()
    {
        await SignInAsNewPersonAsync("bunit-profiel@testbedrijf.example");

        var page = Render<ProfilePage>();

        page.WaitForAssertion(() => Assert.Equal("Test Persoon", page.Find("input[data-testid=profile-name]").GetAttribute("value")));
        Assert.Contains("bunit-profiel@testbedrijf.example", page.Find("[data-testid=profile-details]").TextContent, StringComparison.Ordinal);
        Assert.Contains("/calendar/", page.Find("input[data-testid=profile-feed-url]").GetAttribute("value"), StringComparison.Ordinal);
        Assert.All(page.FindAll("input:not([type=hidden])"), input => Assert.False(string.IsNullOrEmpty(input.Id) && input.GetAttribute("aria-label") is null,
            "Every input has a label."));
    }

    [Fact]
    public async Task A_bad_phone_number_is_refused_at_the_field_and_nothing_is_saved()
    {
        var person = await SignInAsNewPersonAsync("bunit-telefoon@testbedrijf.example");
        var page = Render<ProfilePage>();
        page.WaitForAssertion(() => page.Find("input[data-testid=profile-phone]"));

        page.Find("input[data-testid=profile-phone]").Change("12-ab");
        await page.Find("[data-testid=profile-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Vul een geldig telefoonnummer in (9 tot 15 cijfers).", page.Markup, StringComparison.Ordinal));
        Assert.Null((await _app.NetworkAsync()).People.Single(p => p.Id == person.Id).Phone);
    }

    [Fact]
    public async Task A_save_after_someone_else_changed_the_network_shows_the_conflict_and_keeps_what_was_typed()
    {
        var person = await SignInAsNewPersonAsync("bunit-conflict@testbedrijf.example");
        var page = Render<ProfilePage>();
        page.WaitForAssertion(() => page.Find("input[data-testid=profile-name]"));
        // Meanwhile the coordinator changes the network (a new person), so the version this page saw is old.
        await _app.NewAccountAsync("tussendoor@testbedrijf.example", "Component-Test-2026!");

        page.Find("input[data-testid=profile-name]").Change("Thea Getypt");
        await page.Find("[data-testid=profile-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Iemand heeft het netwerk intussen gewijzigd.", page.Find("[data-testid=profile-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Thea Getypt", page.Find("input[data-testid=profile-name]").GetAttribute("value"));
        Assert.Equal("Test Persoon", (await _app.NetworkAsync()).People.Single(p => p.Id == person.Id).Name);

        // Saving again goes against the network as it now is.
        await page.Find("[data-testid=profile-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=profile-error]")));
        Assert.Equal("Thea Getypt", (await _app.NetworkAsync()).People.Single(p => p.Id == person.Id).Name);
    }
}
