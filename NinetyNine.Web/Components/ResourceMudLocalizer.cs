using Microsoft.Extensions.Localization;
using MudBlazor;

namespace NinetyNine.Web.Components;

/// <summary>
/// MudBlazor's own labels ("Clear", "Close", "Open", pagers, pickers) from the app's resource files, in the reader's
/// language; a label the resources do not have keeps MudBlazor's English.
/// </summary>
public sealed class ResourceMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = localizer[key];
            return text.ResourceNotFound ? base[key] : new LocalizedString(key, text.Value);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = localizer[key, arguments];
            return text.ResourceNotFound ? base[key, arguments] : new LocalizedString(key, text.Value);
        }
    }
}
