using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Components;

namespace NinetyNine.Tests.Components;

/// <summary>MudBlazor's own labels come from the app's resources: Dutch in the Dutch UI, English in the English one.</summary>
public sealed class MudLocalizerTests : MudTestContext
{
    [Theory]
    [InlineData("nl-NL", "Wissen")]
    [InlineData("en-GB", "Clear")]
    public void A_clearable_field_labels_its_clear_button_in_the_readers_language(string culture, string label)
    {
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        Services.AddTransient<MudLocalizer, ResourceMudLocalizer>();

        var field = Render<MudTextField<string>>(p => p.Add(f => f.Clearable, true).Add(f => f.Value, "Marloes").Add(f => f.Label, "Zoeken"));

        var clear = field.Find("button[aria-label]");
        Assert.Equal(label, clear.GetAttribute("aria-label"));
    }
}
