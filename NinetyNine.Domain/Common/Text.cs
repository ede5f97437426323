using System.Globalization;
using System.Resources;

namespace NinetyNine.Domain.Common;

/// <summary>Domain messages, Dutch by default with English, from Resources/Messages*.resx.</summary>
public static class Text
{
    private static readonly ResourceManager Resources =
        new("NinetyNine.Domain.Resources.Messages", typeof(Text).Assembly);

    public static string Get(string key, params object[] args)
    {
        var format = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, args);
    }
}
