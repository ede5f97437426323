using Microsoft.Extensions.Localization;

namespace NinetyNine.Web.Components;

/// <summary>
/// Singular and plural from resource pairs: <c>{key}.One</c> for exactly one, <c>{key}.Other</c> for any other number
/// (Dutch and English both have just these two forms). The count is the first format argument, <c>{0}</c>.
/// </summary>
public static class Plurals
{
    public static string Plural(this IStringLocalizer localizer, string key, int count, params object[] more)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(more);
        return localizer[count == 1 ? key + ".One" : key + ".Other", [count, .. more]];
    }
}
