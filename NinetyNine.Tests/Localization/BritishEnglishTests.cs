using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using NinetyNine.Web.Components;

namespace NinetyNine.Tests.Localization;

/// <summary>English is formatted the British way (day first, weeks from Monday); Dutch stays Dutch.</summary>
public class BritishEnglishTests
{
    private static async Task<ProviderCultureResult?> ChosenAsync(string? cookie)
    {
        var context = new DefaultHttpContext();
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(cookie)}";
        }

        return await new BritishEnglishCultureProvider().DetermineProviderCultureResult(context);
    }

    [Fact]
    public async Task English_words_come_with_british_dates()
    {
        var result = (await ChosenAsync(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("en"))))!;

        Assert.Equal(["en-GB"], result.Cultures.Select(c => c.Value));
        Assert.Equal(["en"], result.UICultures.Select(c => c.Value));
        var british = System.Globalization.CultureInfo.GetCultureInfo(result.Cultures[0].Value!);
        Assert.Equal(DayOfWeek.Monday, british.DateTimeFormat.FirstDayOfWeek);
        Assert.Equal("02/12/2026", new DateTime(2026, 12, 2).ToString("d", british));
    }

    [Fact]
    public async Task Dutch_and_no_choice_are_left_alone()
    {
        var dutch = (await ChosenAsync(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("nl"))))!;

        Assert.Equal(["nl"], dutch.Cultures.Select(c => c.Value));
        Assert.Null(await ChosenAsync(null));
    }
}
