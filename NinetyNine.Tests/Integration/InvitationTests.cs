using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Applications;
using NinetyNine.Web.Features.Applications;
using NinetyNine.Tests.Domain;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>Admission invites the new participant's contact: an email with a link, a password of their own, and they are in.</summary>
public sealed partial class InvitationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_admitted_contact_chooses_a_password_through_the_emailed_link_and_can_sign_in_once_the_link_is_used()
    {
        var network = await app.NetworkAsync();
        var form = ApplicationTests.ValidForm();
        form.Kvk = "77000001";
        form.ContactEmail = "welkom@nieuwedeelnemer.example";
        var application = Application.SubmitTo(network, [], form, DateTimeOffset.UtcNow);
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            db.Applications.Add(application);
            await db.SaveChangesAsync();
        }

        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var admission = scope.ServiceProvider.GetRequiredService<AdmissionService>();
            await admission.CloseVoteAsync(coordinator, application.Id);
            var participant = await admission.DecideAsync(coordinator, application.Id,
                new DecideOnApplication { Outcome = DecisionOutcome.Admitted, Rationale = "Past goed." }, new Uri("http://localhost/"));

            // The decision invited the contact; a second invitation is not sent to someone who has an account.
            var invitations = scope.ServiceProvider.GetRequiredService<NinetyNine.Web.Features.Account.Invitations>();
            Assert.False(await invitations.InviteAsync(participant!, new Uri("http://localhost/")));
        }

        await using var check = await app.DbFactory.CreateDbContextAsync();
        var invitation = Assert.Single(await check.OutboxMessages.AsNoTracking()
            .Where(m => m.To == "welkom@nieuwedeelnemer.example" && m.Subject.Contains("wachtwoord")).ToListAsync());
        var link = LinkPattern().Match(invitation.Body);
        Assert.True(link.Success, invitation.Body);
        var path = new Uri(link.Value).PathAndQuery;

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        // Two different passwords: the message is at the field and nothing is set.
        var mismatch = await PostAsync(client, path, "Welkom-Twente-2026", "Welkom-Twente-2027");
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var chosen = await PostAsync(client, path, "Welkom-Twente-2026", "Welkom-Twente-2026");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        // The link works once; the password works for signing in.
        var again = await PostAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), path, "Ander-Wachtwoord-1", "Ander-Wachtwoord-1");
        Assert.Contains("verlopen of al gebruikt", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var signIn = await SignedInClient.PostLoginAsync(SignedInClient.Anonymous(app), "welkom@nieuwedeelnemer.example", "Welkom-Twente-2026");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string password, string repeat)
    {
        var page = await client.GetStringAsync(path);
        var token = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "welcome",
            ["__RequestVerificationToken"] = token,
            ["Input.Password"] = password,
            ["Input.Repeat"] = repeat,
        }));
    }

    [GeneratedRegex(@"https?://\S+/account/welcome\?\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
