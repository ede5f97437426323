using MudBlazor;

namespace NinetyNine.Web.Components.Layout;

/// <summary>The NinetyNine look: calm blue, warm accent, readable on a phone.</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4e89",
            Secondary = "#a85400",
            AppbarBackground = "#1d4e89",
            Background = "#f6f7f9",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            Warning = "#8a5300",
            Info = "#0b5cad",
            Error = "#b3261e",
            TextSecondary = "#52575c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
