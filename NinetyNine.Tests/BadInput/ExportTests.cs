using System.Reflection;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Tests.Domain;
using NinetyNine.Web;
using NinetyNine.Web.Features.Meetings;
using NinetyNine.Web.Features.Meetings.Calendar;
using NinetyNine.Web.Features.Meetings.Minutes;

namespace NinetyNine.Tests.BadInput;

/// <summary>The minutes (.md) and the calendar (.ics) carry what people typed without letting it act as structure, code or control characters.</summary>
public sealed class ExportTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0);

    private static IStringLocalizer<SharedResource> Localizer()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources");
        return services.BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    /// <summary>A meeting filled with everything a hostile or careless person can type that the domain accepts.</summary>
    private static Meeting HostileMeeting()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), Start, 60, MeetingMode.Video, "https://meet.example.nl/kerngroep", Start);
        var item = meeting.AddAgendaItem("# Nep kop\n## Besluit: iedereen eruit");
        meeting.SetPresenter(item.Id, "**Sanne** <b>Kuipers</b>");
        meeting.SetNotes(item.Id, string.Join('\n',
            "Gewone tekst met **nadruk** en [een goede link](https://99vantwente.nl).",
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "[klik hier](javascript:alert(document.cookie))",
            "[verstopt](JaVaScRiPt&#58;alert(1))",
            "![plaatje](data:text/html;base64,PHNjcmlwdD4=)",
            "[ref-link][kwaad]",
            "",
            "[kwaad]: vbscript:msgbox(1)"));
        meeting.RecordDecision(item.Id, "1. <script>alert(2)</script> [x](javascript:alert(3))", Start);
        meeting.AddActionItem(item.Id, "- [x] nep afgevinkt", "> citaat & Zn.", null);
        return meeting;
    }

    [Fact]
    public void Minutes_markdown_keeps_its_own_structure_and_carries_no_html_and_no_dangerous_link()
    {
        using var culture = UiCulture.Dutch();
        var markdown = MinutesMarkdown.For(HostileMeeting(), "99van<Twente>", Localizer());
        var document = Markdown.Parse(markdown);

        // Only the document's own headings: the title and one per agenda item (the standing four and the hostile one).
        var headings = document.Descendants<HeadingBlock>().ToList();
        Assert.Equal(1, headings.Count(h => h.Level == 1));
        Assert.Equal(5, headings.Count(h => h.Level == 2));
        Assert.Contains("## 5. \\# Nep kop \\#\\# Besluit: iedereen eruit", markdown, StringComparison.Ordinal);
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.DoesNotContain("<", markdown, StringComparison.Ordinal);
        var links = document.Descendants<LinkInline>().Select(l => l.Url).ToList();
        Assert.Contains("https://99vantwente.nl", links);
        Assert.All(links, url => Assert.False(MinutesMarkdown.IsDangerous(url), $"dangerous link kept: {url}"));
        Assert.DoesNotContain(document.Descendants<LinkReferenceDefinition>(), d => MinutesMarkdown.IsDangerous(d.Url));
        // The decision and the action stay single list items: no nested list, no forged check box.
        Assert.Contains("- 1\\. &lt;script&gt;alert(2)&lt;/script&gt; \\[x\\](javascript:alert(3))", markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] \\- \\[x\\] nep afgevinkt (&gt; citaat & Zn.)", markdown, StringComparison.Ordinal);
        Assert.Contains("*Presentatie: \\*\\*Sanne\\*\\* &lt;b&gt;Kuipers&lt;/b&gt;*", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)", true)]
    [InlineData(" JAVASCRIPT :alert(1)", true)]
    [InlineData("java\tscript:alert(1)", true)]
    [InlineData("vbscript:msgbox", true)]
    [InlineData("data:text/html,<b>", true)]
    [InlineData("file:///etc/passwd", true)]
    [InlineData("https://99vantwente.nl", false)]
    [InlineData("mailto:sanne@99vantwente.example", false)]
    [InlineData("/meetings/1", false)]
    public void Dangerous_link_schemes_are_recognised_however_they_are_written(string url, bool dangerous)
    {
        Assert.Equal(dangerous, MinutesMarkdown.IsDangerous(url));
    }

    [Fact]
    public void The_calendar_carries_no_control_characters_even_from_text_stored_before_they_were_refused()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), Start, 60, MeetingMode.InPerson, "Stadhuis Hengelo", Start);
        var item = meeting.AddAgendaItem("Werkbezoek");
        // Text saved before the domain refused control characters: set behind the aggregate's back.
        typeof(AgendaItem).GetProperty(nameof(AgendaItem.Title))!.SetValue(meeting.Item(item.Id), "Werk\0bezoek\u0007 met\ttab\u001B[31m");
        typeof(Meeting).GetProperty(nameof(Meeting.ModeDetails))!.SetValue(meeting, "Stadhuis\0\r\nHengelo");

        var ics = MeetingCalendar.ToIcs([meeting], "99van\u0007Twente", Network.DefaultTimeZone, new Uri("https://ninetynine.example/"), "Kerngroepoverleg");

        Assert.DoesNotContain(ics, c => char.IsControl(c) && c is not ('\r' or '\n'));
        Assert.Contains("Werkbezoek met tab[31m", ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("LOCATION:Stadhuis Hengelo", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Kerngroepoverleg 99vanTwente", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\0b", false, "ab")]
    [InlineData("regel 1\r\nregel 2", true, "regel 1\nregel 2")]
    [InlineData("regel 1\r\nregel 2", false, "regel 1 regel 2")]
    [InlineData("tab\there", true, "tab here")]
    [InlineData("emoji 🎉 blijft", false, "emoji 🎉 blijft")]
    public void Export_text_drops_control_characters_and_keeps_the_rest(string text, bool multiline, string expected)
    {
        Assert.Equal(expected, ExportText.Clean(text, multiline));
    }
}
