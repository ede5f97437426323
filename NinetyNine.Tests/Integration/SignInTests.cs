using System.Net;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class SignInTests(AppFactory app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/members")]
    [InlineData("/theme-groups")]
    [InlineData("/meetings")]
    [InlineData("/applications")]
    public async Task Anonymous_visitor_is_sent_to_the_login_page(string path)
    {
        var response = await SignedInClient.Anonymous(app).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_anonymously_with_status_only()
    {
        var response = await SignedInClient.Anonymous(app).GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_page_is_Dutch_by_default_whatever_the_browser_language()
    {
        var client = SignedInClient.Anonymous(app);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var page = await client.GetStringAsync("/account/login");

        Assert.Contains("Inloggen", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppFactory.Coordinator, "Netwerkcoördinator")]
    [InlineData(AppFactory.CoreGroupMember, "Kerngroep")]
    [InlineData(AppFactory.ThemeLead, "Kartrekker")]
    [InlineData(AppFactory.Participant, "Deelnemer")]
    [InlineData(AppFactory.Advisor, "Adviseur (advocaat)")]
    public async Task Every_demo_role_signs_in_and_sees_the_dashboard_of_the_network_with_their_role(string email, string role)
    {
        var client = await SignedInClient.SignInAsync(app, email);

        var page = await client.GetStringAsync("/");

        Assert.Contains("99vanTwente", page, StringComparison.Ordinal);
        Assert.Contains("Volgend kerngroepoverleg", page, StringComparison.Ordinal);
        Assert.Contains("Aanmelding en toelating van nieuwe deelnemers", page, StringComparison.Ordinal);
        var signedIn = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"signed-in\".*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        Assert.Contains(role, signedIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_a_specific_message_and_signs_nobody_in()
    {
        var client = SignedInClient.Anonymous(app);

        var response = await SignedInClient.PostLoginAsync(client, AppFactory.Advisor, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Het e-mailadres of wachtwoord klopt niet.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Empty_form_gets_field_messages_and_keeps_the_typed_email()
    {
        var client = SignedInClient.Anonymous(app);

        var response = await SignedInClient.PostLoginAsync(client, "not-an-email", string.Empty);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("Vul een geldig e-mailadres in.", page, StringComparison.Ordinal);
        Assert.Contains("Vul uw wachtwoord in.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-email\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await SignedInClient.SignInAsync(app, AppFactory.Participant);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        // Any statically rendered form of the signed-in person carries a token bound to them.
        var page = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Language_switch_sets_English_and_refuses_foreign_redirects()
    {
        var client = await SignedInClient.SignInAsync(app, AppFactory.Coordinator);

        var response = await client.GetAsync("/culture?c=en&returnUrl=https%3A%2F%2Fevil.example%2F");
        var page = await client.GetStringAsync("/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains("Next core group meeting", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/culture?c=fr")).StatusCode);
    }
}
