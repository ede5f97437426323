using System.Net;
using System.Text.RegularExpressions;

namespace NinetyNine.Tests.Support;

/// <summary>Posts a statically rendered form the way a browser does: its page first (for the antiforgery token), then the fields.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(path);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"The page {path} has no antiforgery token.");
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = token.Groups[1].Value,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// The page's text without what is encrypted afresh for every response (antiforgery tokens, Blazor's protected
    /// component state), decoded, for comparing two answers.
    /// </summary>
    public static async Task<string> ComparableAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var page = await response.Content.ReadAsStringAsync();
        page = TokenPattern().Replace(page, "name=\"__RequestVerificationToken\" value=\"-\"");
        return WebUtility.HtmlDecode(ComponentStatePattern().Replace(page, "<!--Blazor-Server-Component-State:-->"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex ComponentStatePattern();
}
