using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Meetings;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>A network's own app, with room for a few submissions per address (the limit is tested separately).</summary>
public sealed class PublicFormApp : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Applications:SubmissionsPerHour", "50");
    }
}

/// <summary>The public network page and the application form, through real HTTP posts (antiforgery and all), without signing in.</summary>
public sealed partial class PublicApplicationTests(PublicFormApp app) : IClassFixture<PublicFormApp>
{
    private static Dictionary<string, string> ValidForm(string kvk, string company) => new()
    {
        ["Input.CompanyName"] = company,
        ["Input.Kvk"] = kvk,
        ["Input.Sector"] = "Voeding",
        ["Input.Town"] = "Enschede",
        ["Input.Employees"] = "25",
        ["Input.Website"] = "www.bakkerijvandijk.example",
        ["Input.ContactName"] = "Petra van Dijk",
        ["Input.ContactRole"] = "Eigenaar",
        ["Input.ContactEmail"] = "petra@bakkerijvandijk.example",
        ["Input.ContactPhone"] = "053 123 4567",
        ["Input.Motivation"] = "Wij willen twee leerwerkplekken bieden.",
        ["Input.OffersJobs"] = "true",
        ["Input.OffersWorkPlacements"] = "true",
        ["Input.ConsentToBeListed"] = "true",
        ["fax"] = "",
    };

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, string slug = "99vantwente")
    {
        var page = await client.GetStringAsync($"/n/{slug}/aanmelden");
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "The form has no antiforgery token.");
        fields["_handler"] = "apply";
        fields["__RequestVerificationToken"] = token.Groups[1].Value;
        return await client.PostAsync($"/n/{slug}/aanmelden", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_public_page_shows_the_network_its_theme_groups_and_only_employers_that_agreed_to_be_listed()
    {
        var network = await app.NetworkAsync();

        var html = WebUtility.HtmlDecode(await Client().GetStringAsync("/n/99vantwente"));

        Assert.Contains("99vanTwente", html, StringComparison.Ordinal);
        Assert.Contains("Wet- en regelgeving", html, StringComparison.Ordinal);
        Assert.Contains("/n/99vantwente/aanmelden", html, StringComparison.Ordinal);
        Assert.All(network.Employers.Where(e => e.ListedPublicly), e => Assert.Contains(e.Name, html, StringComparison.Ordinal));
        var unlisted = network.Employers.Where(e => !e.ListedPublicly).ToList();
        Assert.NotEmpty(unlisted);
        Assert.All(unlisted, e => Assert.DoesNotContain(e.Name, html, StringComparison.Ordinal));
        Assert.All(network.People, p => Assert.DoesNotContain(p.Email.Value, html, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_accepted_application_gets_a_reference_and_lands_under_item_one_of_the_next_meeting()
    {
        var response = await PostAsync(Client(), ValidForm("55667788", "Bakkerij Van Dijk"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Uri.UnescapeDataString(response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.ToString());
        Assert.StartsWith("/n/99vantwente/aanmelden/ontvangen?ref=A", location, StringComparison.Ordinal);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.CompanyName == "Bakkerij Van Dijk");
        Assert.Equal(Offer.Jobs | Offer.WorkPlacements, application.Offers);
        Assert.True(application.ConsentToBeListed);
        Assert.EndsWith(application.Reference, location, StringComparison.Ordinal);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Planned).ToListAsync();
        var next = meetings.Where(m => m.StartsAt > DateTime.Now).MinBy(m => m.StartsAt)!;
        var topic = Assert.Single(next.Agenda.Single(i => i.Standing == StandingItem.Applications).Topics, t => t.ReferenceId == application.Id.Value);
        Assert.Equal("Bakkerij Van Dijk", topic.Title);

        var confirmation = WebUtility.HtmlDecode(await Client().GetStringAsync(location));
        Assert.Contains(application.Reference, confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_core_group_with_the_next_meeting_open_sees_a_new_application_arrive_live_and_a_client_cannot_add_one()
    {
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            var upcoming = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Planned).ToListAsync();
            _nextMeeting = upcoming.Where(m => m.StartsAt > DateTime.Now).MinBy(m => m.StartsAt)!.Id.Value;
        }

        await using var marloes = await HubClients.AgendaAsync(app, AppFactory.CoreGroupMember, _nextMeeting);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(Client(), ValidForm("55443322", "Schilderwerken Oost"))).StatusCode);

        await HubClients.EventuallyAsync(() => marloes.Items.Any(i => i.Topics.Any(t => t.Title == "Schilderwerken Oost")), "the application arrives on the open agenda");
        await using var db2 = await app.DbFactory.CreateDbContextAsync();
        var application = await db2.Applications.AsNoTracking().SingleAsync(a => a.CompanyName == "Schilderwerken Oost");
        Assert.Equal((ApplicationStatus.Scheduled, _nextMeeting), (application.Status, application.ScheduledMeetingId!.Value.Value));

        // Putting an application on the agenda is the server's own intent: it is not on the hub, so a client's attempt is refused.
        await using var raw = await HubClients.ConnectionAsync(app, AppFactory.CoreGroupMember);
        await raw.StartAsync();
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync<object>(
            raw, "PutOnAgenda", _nextMeeting, Guid.NewGuid(), marloes.Items[0].Id, "Nep BV", Guid.NewGuid()));
        Assert.DoesNotContain(marloes.Items.SelectMany(i => i.Topics), t => t.Title == "Nep BV");
    }

    private Guid _nextMeeting;

    [Fact]
    public async Task Bad_input_comes_back_with_a_message_at_each_field_and_everything_typed_kept()
    {
        var fields = ValidForm("1234", "Bakkerij <script>alert(1)</script>");
        fields["Input.ContactEmail"] = "petra-at-bakkerij";
        fields["Input.OffersJobs"] = "false";
        fields["Input.OffersWorkPlacements"] = "false";
        await using var before = await app.DbFactory.CreateDbContextAsync();
        var count = await before.Applications.CountAsync();

        var response = await PostAsync(Client(), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Een KvK-nummer bestaat uit precies 8 cijfers.", text, StringComparison.Ordinal);
        Assert.Contains("Bedrijfsnaam mag geen tekens als < of > bevatten.", text, StringComparison.Ordinal);
        Assert.Contains("Vul een geldig e-mailadres in", text, StringComparison.Ordinal);
        Assert.Contains("Kies ten minste één ding dat u het netwerk kunt bieden.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Petra van Dijk\"", html, StringComparison.Ordinal);
        Assert.Contains("Wij willen twee leerwerkplekken bieden.", text, StringComparison.Ordinal);
        await using var after = await app.DbFactory.CreateDbContextAsync();
        Assert.Equal(count, await after.Applications.CountAsync());
    }

    [Fact]
    public async Task A_second_application_for_the_same_kvk_or_by_a_member_is_refused_at_the_kvk_field()
    {
        var network = await app.NetworkAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(Client(), ValidForm("44556677", "Garage Oost"))).StatusCode);

        var again = WebUtility.HtmlDecode(await (await PostAsync(Client(), ValidForm("44556677", "Garage Oost BV"))).Content.ReadAsStringAsync());
        var member = WebUtility.HtmlDecode(await (await PostAsync(Client(), ValidForm(network.Employers[0].Kvk.Value, "Al lid"))).Content.ReadAsStringAsync());

        Assert.Contains("Er ligt al een aanmelding met KvK-nummer 44556677", again, StringComparison.Ordinal);
        Assert.Contains($"neemt al deel aan dit netwerk", member, StringComparison.Ordinal);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.CompanyName.StartsWith("Garage Oost")));
        Assert.Equal(0, await db.Applications.CountAsync(a => a.CompanyName == "Al lid"));
    }

    [Fact]
    public async Task A_robot_that_fills_in_the_hidden_field_is_thanked_and_ignored()
    {
        var fields = ValidForm("99887766", "Spam BV");
        fields["fax"] = "+31 00 000 0000";

        var response = await PostAsync(Client(), fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("ref=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        Assert.False(await db.Applications.AnyAsync(a => a.CompanyName == "Spam BV"));
    }

    [Fact]
    public async Task An_oversized_post_is_refused_before_it_is_read()
    {
        var fields = ValidForm("11223344", "Groot BV");
        fields["Input.Motivation"] = new string('x', 100_000);

        var response = await PostAsync(Client(), fields);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        Assert.False(await db.Applications.AnyAsync(a => a.CompanyName == "Groot BV"));
    }

    [Fact]
    public async Task An_unknown_network_has_no_form()
    {
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync("/n/bestaat-niet/aanmelden"));

        Assert.Contains("Dit netwerk bestaat niet (meer).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("apply-submit", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>The per-address limit, on an app of its own that allows two submissions an hour.</summary>
public sealed partial class ApplicationRateLimitTests
{
    private sealed class StrictApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Applications:SubmissionsPerHour", "2");
        }
    }

    [Fact]
    public async Task The_third_submission_from_one_address_within_the_hour_is_refused_with_a_clear_message()
    {
        using var app = new StrictApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var page = await client.GetStringAsync("/n/99vantwente/aanmelden");
            var token = TokenPattern().Match(page).Groups[1].Value;
            var response = await client.PostAsync("/n/99vantwente/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "apply",
                ["__RequestVerificationToken"] = token,
                ["Input.CompanyName"] = $"Bedrijf {i}",
            }));
            statuses.Add(response.StatusCode);
            if (i == 2)
            {
                Assert.Contains("te veel aanmeldingen", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // The first two get the form back with its messages; the third is stopped before the form is read.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/n/99vantwente")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
