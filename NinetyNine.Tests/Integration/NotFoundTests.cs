using System.Net;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>An address naming a board, application or theme group that does not exist says "niet gevonden", not "geen toegang".</summary>
[Collection(AppCollection.Name)]
public sealed class NotFoundTests(AppFactory app)
{
    [Theory]
    [InlineData("/theme-groups/{0}/board")]
    [InlineData("/applications/{0}")]
    [InlineData("/theme-groups/{0}/edit")]
    [InlineData("/theme-groups/{0}")]
    public async Task A_missing_thing_is_not_found_rather_than_forbidden(string pattern)
    {
        var client = await SignedInClient.SignInAsync(app, AppFactory.Coordinator);

        var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Guid.NewGuid()));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", page, StringComparison.Ordinal);
        Assert.Contains("Niet gevonden", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"access-denied\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Geen toegang", page, StringComparison.Ordinal);
    }
}
