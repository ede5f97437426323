using System.Globalization;
using System.Text;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using Microsoft.Extensions.Localization;

namespace NinetyNine.Web.Features.Meetings.Minutes;

/// <summary>The minutes (verslag) of a meeting as Markdown: per agenda item its notes, decisions and action items.</summary>
public static class MinutesMarkdown
{
    public static string For(Meeting meeting, string networkName, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(l);
        var culture = CultureInfo.CurrentCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"# {l["Minutes.Heading", networkName]}");
        text.AppendLine();
        text.AppendLine(culture, $"{Components.Format.MeetingTime(meeting.StartsAt, meeting.DurationMinutes)} · {l[$"MeetingMode.{meeting.Mode}"]} · {l[$"MeetingStatus.{meeting.Status}"]}");
        foreach (var item in meeting.Agenda)
        {
            text.AppendLine();
            text.AppendLine(culture, $"## {item.Position + 1}. {item.Title}");
            if (item.Presenter is not null)
            {
                text.AppendLine(culture, $"*{l["Minutes.Presenter", item.Presenter]}*");
            }

            var reported = item.Topics.Where(t => t.Detail is not null).ToList();
            if (reported.Count > 0)
            {
                text.AppendLine();
                foreach (var topic in reported)
                {
                    text.AppendLine(culture, $"- **{topic.Title}**: {topic.Detail}");
                }
            }

            if (!string.IsNullOrWhiteSpace(item.Notes))
            {
                text.AppendLine();
                text.AppendLine(item.Notes.Trim());
            }

            if (item.Decisions.Count > 0)
            {
                text.AppendLine();
                text.AppendLine(culture, $"**{l["Live.Decisions"]}**");
                foreach (var decision in item.Decisions)
                {
                    text.AppendLine(culture, $"- {decision.Text}");
                }
            }

            if (item.ActionItems.Count > 0)
            {
                text.AppendLine();
                text.AppendLine(culture, $"**{l["Live.Actions"]}**");
                foreach (var action in item.ActionItems)
                {
                    var details = string.Join(", ", new[] { action.Owner, action.DueOn is { } due ? Components.Format.Date(due) : null }.Where(s => s is not null));
                    text.AppendLine(culture, $"- [{(action.Done ? "x" : " ")}] {action.Text}{(details.Length > 0 ? $" ({details})" : string.Empty)}");
                }
            }
        }

        return text.ToString();
    }
}
