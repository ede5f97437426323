using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using Microsoft.Extensions.Localization;

namespace NinetyNine.Web.Features.Meetings.Minutes;

/// <summary>
/// The minutes (verslag) of a meeting as Markdown: per agenda item its notes, decisions and action items. What people
/// typed cannot change the document's structure or carry code: titles, names, decisions and actions are escaped
/// (a title cannot forge a heading or a list); the notes stay Markdown, but without raw HTML and without links to
/// javascript:, vbscript:, data: or file: addresses; no text carries control characters.
/// </summary>
public static partial class MinutesMarkdown
{
    private static readonly MarkdownPipeline Parser = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();
    public static string For(Meeting meeting, string networkName, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(l);
        var culture = CultureInfo.CurrentCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"# {l["Minutes.Heading", Inline(networkName)]}");
        text.AppendLine();
        text.AppendLine(culture, $"{Components.Format.MeetingTime(meeting.StartsAt, meeting.DurationMinutes)} · {l[$"MeetingMode.{meeting.Mode}"]} · {l[$"MeetingStatus.{meeting.Status}"]}");
        foreach (var item in meeting.Agenda)
        {
            text.AppendLine();
            text.AppendLine(culture, $"## {item.Position + 1}. {Inline(AgendaWords.Title(item.HoldsOpenActions, item.Title))}");
            if (item.Presenter is not null)
            {
                text.AppendLine(culture, $"*{l["Minutes.Presenter", Inline(item.Presenter)]}*");
            }

            var reported = item.Topics.Where(t => t.Detail is not null).ToList();
            if (reported.Count > 0)
            {
                text.AppendLine();
                foreach (var topic in reported)
                {
                    text.AppendLine(culture, $"- **{Inline(topic.Title)}**: {Inline(AgendaWords.Detail(topic.Detail, topic.ReportStatus, topic.ReportJobs))}");
                }
            }

            if (!string.IsNullOrWhiteSpace(item.Notes))
            {
                text.AppendLine();
                text.AppendLine(Notes(item.Notes).Trim());
            }

            if (item.Decisions.Count > 0)
            {
                text.AppendLine();
                text.AppendLine(culture, $"**{l["Live.Decisions"]}**");
                foreach (var decision in item.Decisions)
                {
                    text.AppendLine(culture, $"- {Inline(decision.Text)}");
                }
            }

            if (item.ActionItems.Count > 0)
            {
                text.AppendLine();
                text.AppendLine(culture, $"**{l["Live.Actions"]}**");
                foreach (var action in item.ActionItems)
                {
                    var details = string.Join(", ", new[] { action.Owner is null ? null : Inline(action.Owner), action.DueOn is { } due ? Components.Format.Date(due) : null }.Where(s => s is not null));
                    text.AppendLine(culture, $"- [{(action.Done ? "x" : " ")}] {Inline(action.Text)}{(details.Length > 0 ? $" ({details})" : string.Empty)}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Plain text on one line, with every character that Markdown could read as structure escaped: emphasis, links,
    /// headings, tables, strike-through, images, and a list marker or number at its start; angle brackets as entities.
    /// </summary>
    public static string Inline(string? text)
    {
        var clean = ExportText.Clean(text, multiline: false).Trim();
        var escaped = new StringBuilder(clean.Length + 8);
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            _ = c switch
            {
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '&' when EntityLike().IsMatch(clean.AsSpan(), i) => escaped.Append("\\&"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '~' or '!' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        var result = escaped.ToString();
        return LeadingMarker().Replace(result, "$1\\$2");
    }

    /// <summary>
    /// Notes as Markdown (they are typed as Markdown), made harmless: links and images to a dangerous address point to
    /// "#" instead, and raw HTML is shown as text.
    /// </summary>
    public static string Notes(string notes)
    {
        // Raw HTML goes first: an HTML block would hide the links after it from the parser, and show them once escaped.
        var clean = ExportText.Clean(notes, multiline: true).Replace("<", "&lt;", StringComparison.Ordinal);
        var document = Markdown.Parse(clean, Parser);
        var spans = document.Descendants<LinkInline>().Where(link => IsDangerous(link.Url)).Select(link => Destination(clean, link))
            .Concat(document.Descendants<LinkReferenceDefinition>().Where(definition => IsDangerous(definition.Url)).Select(definition => definition.UrlSpan))
            .Where(span => !span.IsEmpty && span.Start >= 0 && span.End < clean.Length)
            .DistinctBy(span => span.Start)
            .OrderByDescending(span => span.Start);
        var safe = new StringBuilder(clean);
        foreach (var span in spans)
        {
            safe.Remove(span.Start, span.Length).Insert(span.Start, '#');
        }

        return safe.ToString();
    }

    /// <summary>Where an inline link's destination (and title) is written: between its last "](" and its closing ")".</summary>
    private static SourceSpan Destination(string source, LinkInline link)
    {
        if (!link.UrlSpan.IsEmpty)
        {
            return link.UrlSpan;
        }

        var span = link.Span;
        if (span.IsEmpty || span.End >= source.Length || source[span.End] != ')')
        {
            return SourceSpan.Empty; // A reference link: its definition is replaced instead.
        }

        var open = source.LastIndexOf("](", span.End, span.Length, StringComparison.Ordinal);
        return open < 0 ? SourceSpan.Empty : new SourceSpan(open + 2, span.End - 1);
    }

    /// <summary>An address that runs code or carries content instead of pointing to a page: javascript:, vbscript:, data:, file:.</summary>
    public static bool IsDangerous(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var compact = new string([.. url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        return compact.StartsWith("javascript:", StringComparison.Ordinal) || compact.StartsWith("vbscript:", StringComparison.Ordinal)
            || compact.StartsWith("data:", StringComparison.Ordinal) || compact.StartsWith("file:", StringComparison.Ordinal);
    }

    /// <summary>An ampersand that would start a character reference (&amp;amp; &amp;#106;).</summary>
    [GeneratedRegex("\\G&(?=(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")]
    private static partial Regex EntityLike();

    /// <summary>A list marker (-, +) or a number with . or ) at the start, which would make a nested list.</summary>
    [GeneratedRegex("^(\\d*)([-+.)])")]
    private static partial Regex LeadingMarker();
}
