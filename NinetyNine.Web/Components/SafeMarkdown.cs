using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;

namespace NinetyNine.Web.Components;

/// <summary>
/// Markdown typed by people (notes, descriptions) as HTML that is safe to show: Markdig with raw HTML disabled
/// (a &lt;script&gt; stays visible text), then HtmlSanitizer as a second line of defence (links, attributes).
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseSoftlineBreakAsHardlineBreak()
        .UseAutoLinks()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static MarkupString ToHtml(string? markdown) =>
        new(Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? string.Empty, Pipeline)));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
