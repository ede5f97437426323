using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NinetyNine.Domain.Meetings;

namespace NinetyNine.Web.Features.Meetings.Calendar;

/// <summary>Core group meetings as iCalendar (RFC 5545), for Outlook, Google Calendar and Apple Calendar alike.</summary>
public static class MeetingCalendar
{
    public static string ToIcs(IEnumerable<Meeting> meetings, string networkName, string timeZoneId, Uri baseUri, string title)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(baseUri);
        var calendar = new Ical.Net.Calendar { ProductId = "-//NinetyNine//Kerngroep//NL" };
        calendar.AddProperty("X-WR-CALNAME", Line($"{title} {networkName}"));
        // The zone with its STANDARD and DAYLIGHT rules (RFC 5545 requires at least one): without them Outlook may refuse
        // the file or shift the time. Rules from a year before the earliest meeting on are enough for every event in it.
        var list = meetings.ToList();
        var earliest = list.Count == 0 ? DateTime.UtcNow : list.Min(m => m.StartsAt);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(timeZoneId, earliest.AddYears(-1), includeHistoricalData: false));
        foreach (var meeting in list)
        {
            var link = new Uri(baseUri, $"meetings/{meeting.Id}");
            var calendarEvent = new CalendarEvent
            {
                Uid = $"{meeting.Id}@ninetynine",
                Summary = Line($"{title} {networkName}"),
                Start = new CalDateTime(meeting.StartsAt, timeZoneId),
                End = new CalDateTime(meeting.EndsAt, timeZoneId),
                Location = meeting.Mode == MeetingMode.InPerson ? Line(meeting.ModeDetails) : null,
                Description = string.Join("\n", new[] { meeting.ModeDetails is null ? null : Line(meeting.ModeDetails), string.Empty }
                    .Concat(meeting.Agenda.Select(i => $"{i.Position + 1}. {Line(i.Title)}"))
                    .Append(string.Empty)
                    .Append(link.ToString())
                    .Where(line => line is not null)),
                Url = link,
                Sequence = meeting.Version,
                Status = meeting.Status == MeetingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            calendar.Events.Add(calendarEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>One line without control characters: a stored NUL or BEL never reaches a calendar program.</summary>
    private static string Line(string? text) => ExportText.Clean(text, multiline: false);
}
