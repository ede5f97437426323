using System.Globalization;
using Humanizer;

namespace NinetyNine.Web.Components;

/// <summary>Dates and times the way a Dutch (or English) reader expects them.</summary>
public static class Format
{
    /// <summary>"dinsdag 8 december 2026, 08:00–09:15".</summary>
    public static string MeetingTime(DateTime start, int durationMinutes)
    {
        var culture = CultureInfo.CurrentCulture;
        var end = start.AddMinutes(durationMinutes);
        return $"{start.ToString("dddd d MMMM yyyy", culture)}, {start.ToString("HH:mm", culture)}–{end.ToString("HH:mm", culture)}";
    }

    public static string Date(DateTime value) => value.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly value) => value.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"over 9 dagen", "2 dagen geleden", in the current UI language.</summary>
    public static string Relative(DateTime value, DateTime now) =>
        value.Humanize(utcDate: false, dateToCompareAgainst: now, culture: CultureInfo.CurrentUICulture);

    public static string Relative(DateTimeOffset value, DateTimeOffset now) =>
        value.Humanize(now, CultureInfo.CurrentUICulture);
}
