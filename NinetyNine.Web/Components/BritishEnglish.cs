using Microsoft.AspNetCore.Localization;

namespace NinetyNine.Web.Components;

/// <summary>
/// The person's language from the culture cookie (Dutch unless they chose English), with English formatted the British
/// way: dates day first, weeks from Monday (en-GB), as the Netherlands reads them; the words stay the "en" resources.
/// </summary>
public sealed class BritishEnglishCultureProvider : CookieRequestCultureProvider
{
    public const string Formatting = "en-GB";

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var result = await base.DetermineProviderCultureResult(httpContext);
        if (result is null || !result.Cultures.Any(c => c.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true))
        {
            return result;
        }

        return new ProviderCultureResult([Formatting], result.UICultures);
    }
}
