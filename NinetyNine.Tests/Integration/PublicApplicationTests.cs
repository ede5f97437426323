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
    internal static Dictionary<string, string> ValidForm(string kvk, string company) => new()
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
        // An error summary above the form, focused on load, each message a link to its field, in the form's order.
        var summary = SummaryPattern().Match(html);
        Assert.True(summary.Success, "No error summary.");
        Assert.Contains("data-focus-on-load", summary.Value, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", summary.Value, StringComparison.Ordinal);
        var links = LinkPattern().Matches(summary.Value).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["company", "kvk", "email", "offer-jobs"], links);
        await using var after = await app.DbFactory.CreateDbContextAsync();
        Assert.Equal(count, await after.Applications.CountAsync());
    }

    [Fact]
    public async Task The_empty_form_marks_its_required_fields_and_leaves_the_number_of_employees_empty()
    {
        var html = await Client().GetStringAsync("/n/99vantwente/aanmelden");

        var employees = Regex.Match(html, "<input[^>]*id=\"employees\"[^>]*>").Value;
        Assert.NotEmpty(employees);
        Assert.DoesNotContain("value=\"0\"", employees, StringComparison.Ordinal);
        Assert.Contains("aria-required=\"true\"", employees, StringComparison.Ordinal);
        Assert.Contains("Velden met een * zijn verplicht.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        foreach (var id in new[] { "company", "kvk", "sector", "town", "contact", "email", "motivation" })
        {
            Assert.Matches($"<label for=\"{id}\">[^<]*<span class=\"field-required\"", html);
            Assert.Matches($"<(input|textarea)[^>]*id=\"{id}\"[^>]*aria-required=\"true\"", html);
        }

        Assert.DoesNotMatch("<label for=\"website\">[^<]*<span class=\"field-required\"", html);
        Assert.DoesNotContain("apply-error-summary", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_a_number_of_employees_asks_for_it()
    {
        var fields = ValidForm("55667700", "Zonder Aantal BV");
        fields["Input.Employees"] = "";

        var text = WebUtility.HtmlDecode(await (await PostAsync(Client(), fields)).Content.ReadAsStringAsync());

        Assert.Contains("Vul het aantal medewerkers in.", text, StringComparison.Ordinal);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        Assert.False(await db.Applications.AnyAsync(a => a.CompanyName == "Zonder Aantal BV"));
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

    [GeneratedRegex("<div class=\"error-summary\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex("<a href=\"/n/99vantwente/aanmelden#([a-z-]+)\"")]
    private static partial Regex LinkPattern();
}

/// <summary>The per-address limit, on an app of its own that allows two accepted submissions an hour.</summary>
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

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync("/n/99vantwente/aanmelden");
        fields["_handler"] = "apply";
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync("/n/99vantwente/aanmelden", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Mistakes_do_not_count_and_a_limited_post_gets_the_form_back_with_its_input_and_a_clear_message()
    {
        using var app = new StrictApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var statuses = new List<HttpStatusCode>();

        // Six posts with a mistake (a short KvK number): each gets the form back with its messages, none counts.
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await PostAsync(client, PublicApplicationTests.ValidForm("123", $"Bedrijf {i}"))).StatusCode);
        }

        statuses.Add((await PostAsync(client, PublicApplicationTests.ValidForm("61000001", "Eerste BV"))).StatusCode);
        statuses.Add((await PostAsync(client, PublicApplicationTests.ValidForm("61000002", "Tweede BV"))).StatusCode);
        var limited = await PostAsync(client, PublicApplicationTests.ValidForm("61000003", "Derde BV"));
        statuses.Add(limited.StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 6), HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        var html = await limited.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        // The form page itself, in its layout, with the message in the error summary and everything typed kept.
        Assert.Contains("data-testid=\"apply-error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("te veel aanmeldingen", text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"apply-submit\"", html, StringComparison.Ordinal);
        Assert.Contains("_content/MudBlazor/MudBlazor.min.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Derde BV\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"61000003\"", html, StringComparison.Ordinal);
        Assert.Contains("Wij willen twee leerwerkplekken bieden.", text, StringComparison.Ordinal);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        Assert.False(await db.Applications.AnyAsync(a => a.CompanyName == "Derde BV"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/n/99vantwente")).StatusCode);
    }

    [Fact]
    public async Task Posts_with_the_hidden_field_filled_count_towards_the_limit()
    {
        using var app = new StrictApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var robot = PublicApplicationTests.ValidForm("62000001", "Robot BV");
        robot["fax"] = "+31 00 000 0000";

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, new(robot))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, new(robot))).StatusCode);
        var person = await PostAsync(client, PublicApplicationTests.ValidForm("62000002", "Mens BV"));

        Assert.Equal(HttpStatusCode.TooManyRequests, person.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
