using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Tests.Domain;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Setup;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// A real network's first start: an empty database, no demo seed. The set-up page needs the code from the log, founds
/// the network with its coordinator, and is gone afterwards; the command does the same from the command line.
/// </summary>
public sealed partial class FirstStartTests
{
    [Fact]
    public async Task The_set_up_page_refuses_without_the_logged_code_founds_the_network_with_it_and_is_gone_afterwards()
    {
        await using var app = new FirstStartAppFactory();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // The start page leads to set-up, and the code is in the log.
        var start = await client.GetAsync("/");
        Assert.Equal("/setup", start.Headers.Location?.OriginalString);
        var code = app.Services.GetRequiredService<FirstStart>().Code;
        Assert.Contains(app.Log.Lines, line => line.Contains("No network yet", StringComparison.Ordinal) && line.Contains(code, StringComparison.Ordinal));

        // Without the code, or with a wrong one, there is only the question for the code.
        var bare = await client.GetStringAsync("/setup");
        Assert.Contains("Set-upcode", bare, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Name", bare, StringComparison.Ordinal);
        var wrong = WebUtility.HtmlDecode(await client.GetStringAsync("/setup?code=AAAA-BBBB-CCCC"));
        Assert.Contains("Deze set-upcode klopt niet", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Name", wrong, StringComparison.Ordinal);

        // A post without the antiforgery token, or with the form but a wrong code, founds nothing.
        var forged = await client.PostAsync("/setup", new FormUrlEncodedContent(Form(code, FoundNetworkTests.Valid(), token: null)));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var guessed = await PostAsync(client, code, "AAAA-BBBB-CCCC", FoundNetworkTests.Valid());
        Assert.DoesNotContain("is opgericht", guessed, StringComparison.Ordinal);

        // A mistake is explained at its field and what was typed stays.
        var form = FoundNetworkTests.Valid();
        form.FirstMeeting = DateOnly.FromDateTime(DateTime.Today.AddDays(14));
        form.Slug = "99van utrecht";
        var refused = await PostAsync(client, code, code, form);
        Assert.Contains("Het webadres bestaat uit 3 tot 60 kleine letters", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Fleur de Wit\"", refused, StringComparison.Ordinal);
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            Assert.False(await db.Networks.AnyAsync());
        }

        // With the code (lower case and spaces do not matter) the network is founded.
        form.Slug = "99van-utrecht";
        var done = await PostAsync(client, code, code.ToLowerInvariant().Replace('-', ' '), form);
        Assert.Contains("99vanUtrecht is opgericht. fleur@denormaalstezaak.example krijgt een e-mail", done, StringComparison.Ordinal);

        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            var network = await db.Networks.AsNoTracking().SingleAsync();
            Assert.Equal(("99vanUtrecht", "99van-utrecht", "Utrecht", form.FirstMeeting!.Value.DayOfWeek), (network.Name, network.Slug, network.Region, network.Cadence.Weekday));
            Assert.Equal(StandingAgenda.Items, network.StandingAgenda.Select(i => i.Title));
            Assert.Equal(4, await db.ThemeGroups.CountAsync(g => g.NetworkId == network.Id));
            Assert.Equal(8, (await db.OnboardingTemplates.AsNoTracking().SingleAsync(t => t.NetworkId == network.Id)).Current.Count);
            var meetings = await db.Meetings.AsNoTracking().Where(m => m.NetworkId == network.Id).OrderBy(m => m.StartsAt).ToListAsync();
            Assert.Equal(MeetingSeries.PlannedAhead, meetings.Count);
            Assert.Equal(form.FirstMeeting!.Value.ToDateTime(new TimeOnly(8, 30)), meetings[0].StartsAt);
            Assert.Equal((MeetingMode.Video, "https://meet.example.nl/99vanutrecht"), (meetings[0].Mode, meetings[0].ModeDetails));
            Assert.Equal(StandingAgenda.Items, meetings[0].Agenda.Select(i => i.Title));
            Assert.Equal(4, meetings[0].Agenda.Single(i => i.Standing == StandingItem.ThemeGroupUpdates).Topics.Count);
            await AssertCoordinatorInvitedAsync(app, db, network, "fleur@denormaalstezaak.example");
        }

        // Set-up is gone: not found, with or without the code, and the start page leads to signing in.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/setup?code={code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/setup", new FormUrlEncodedContent(Form(code, form, token: null)))).StatusCode);
        Assert.Contains("/account/login", (await client.GetAsync("/")).Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_founds_a_network_and_its_coordinator_with_a_queued_welcome_email_and_refuses_a_taken_web_address()
    {
        await using var app = new FirstStartAppFactory();
        _ = app.Server; // started: the database is migrated and empty
        string[] installation =
        [
            // The test host is not NinetyNine.Web: name the app, so that it finds its static assets.
            "--environment=Testing", "--applicationName=NinetyNine.Web", $"--ConnectionStrings:NinetyNine={app.ConnectionString}", $"--NinetyNine:DataDirectory={app.DataDirectory}",
            "--Email:Sender=file", "--Seed:DemoNetwork=false", "--Logging:LogLevel:Default=Warning",
        ];
        string[] create =
        [
            "network", "create", "--name", "99vanZwolle", "--slug", "99van-zwolle", "--region", "Zwolle", "--coordinator-name", "Bas Veldkamp",
            "--coordinator-email", "bas@denormaalstezaak.example", "--coordinator-organisation=De Normaalste Zaak", "--template", "empty",
            "--first-meeting", DateTime.Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--time", "09:00",
            "--every-weeks", "4", "--base-url", "https://ninetynine.example.nl",
        ];

        using var dutch = UiCulture.Dutch();
        var output = new StringWriter();
        Assert.Equal(0, await NetworkCommand.RunAsync([.. create, .. installation], output));
        Assert.Contains("99vanZwolle is opgericht (https://ninetynine.example.nl/n/99van-zwolle)", output.ToString(), StringComparison.Ordinal);

        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            var network = await db.Networks.AsNoTracking().SingleAsync();
            Assert.Equal(("99vanZwolle", "Zwolle", 4, new TimeOnly(9, 0)), (network.Name, network.Region, network.Cadence.IntervalWeeks, network.Cadence.StartTime));
            Assert.Equal([StandingItem.Applications, StandingItem.ThemeGroupUpdates], network.StandingAgenda.Select(i => i.Kind));
            Assert.False(await db.ThemeGroups.AnyAsync());
            Assert.Equal("De Normaalste Zaak", network.Coordinator.Organisation);
            var invitation = await AssertCoordinatorInvitedAsync(app, db, network, "bas@denormaalstezaak.example");
            Assert.StartsWith("https://ninetynine.example.nl/account/welcome?", LinkPattern().Match(invitation).Value, StringComparison.Ordinal);
        }

        // The same web address again is refused at its option, and nothing more is founded.
        var again = new StringWriter();
        Assert.Equal(1, await NetworkCommand.RunAsync([.. create, .. installation], again));
        Assert.Contains("--slug: Er is al een netwerk met dit webadres", again.ToString(), StringComparison.Ordinal);

        // An unknown option is a usage error.
        var usage = new StringWriter();
        Assert.Equal(2, await NetworkCommand.RunAsync(["network", "create", "--colour", "blue", .. installation], usage));
        Assert.Contains("Onbekende optie: --colour", usage.ToString(), StringComparison.Ordinal);

        await using var check = await app.DbFactory.CreateDbContextAsync();
        Assert.Equal(1, await check.Networks.CountAsync());
    }

    [Fact]
    public async Task Guessing_the_code_is_limited_per_address()
    {
        await using var app = new FirstStartAppFactory(("Setup:RequestsPerHour", "3"));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/setup?code=GUESS-{i}")).StatusCode);
        }

        var limited = await client.GetAsync("/setup?code=GUESS-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Te veel pogingen", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The coordinator has an account without a password yet, and a welcome email with a link waits in the outbox.</summary>
    private static async Task<string> AssertCoordinatorInvitedAsync(FirstStartAppFactory app, NinetyNineDb db, Network network, string email)
    {
        Assert.Equal(email, network.Coordinator.Email.Value);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = await users.FindByEmailAsync(email);
        Assert.NotNull(account);
        Assert.Equal((network.Id, network.Coordinator.Id), (account.NetworkId, account.PersonId));
        Assert.False(await users.HasPasswordAsync(account));
        var message = Assert.Single(await db.OutboxMessages.AsNoTracking().Where(m => m.To == email).ToListAsync());
        Assert.Null(message.SentAt);
        Assert.Contains($"netwerkcoördinator van {network.Name}", message.Subject, StringComparison.Ordinal);
        Assert.Matches(LinkPattern(), message.Body);
        return message.Body;
    }

    private static async Task<string> PostAsync(HttpClient client, string pageCode, string postedCode, FoundNetwork form)
    {
        var page = await client.GetStringAsync($"/setup?code={Uri.EscapeDataString(pageCode)}");
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "The set-up form has no antiforgery token.");
        var response = await client.PostAsync("/setup", new FormUrlEncodedContent(Form(postedCode, form, token.Groups[1].Value)));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> Form(string code, FoundNetwork form, string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["code"] = code,
            ["Input.Name"] = form.Name,
            ["Input.Slug"] = form.Slug,
            ["Input.Region"] = form.Region,
            ["Input.Template"] = form.Template.ToString(),
            ["Input.CoordinatorName"] = form.CoordinatorName,
            ["Input.CoordinatorEmail"] = form.CoordinatorEmail,
            ["Input.CoordinatorOrganisation"] = form.CoordinatorOrganisation ?? string.Empty,
            ["Input.FirstMeeting"] = form.FirstMeeting?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            ["Input.MeetingTime"] = form.MeetingTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            ["Input.IntervalWeeks"] = form.IntervalWeeks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DurationMinutes"] = form.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Mode"] = form.Mode.ToString(),
            ["Input.ModeDetails"] = form.ModeDetails ?? string.Empty,
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return fields;
    }

    [GeneratedRegex(@"https?://\S+/account/welcome\?\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
