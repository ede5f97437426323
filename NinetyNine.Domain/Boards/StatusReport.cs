using NinetyNine.Domain.Common;
using NinetyNine.Domain.ThemeGroups;

namespace NinetyNine.Domain.Boards;

public enum GroupStatus
{
    OnTrack = 1,
    AtRisk = 2,
    OffTrack = 3,
}

/// <summary>
/// A lead's short status update of a theme group for the core group: on track, at risk or off track, a few lines, and
/// highlights such as jobs created. The latest is on the dashboard and in the group's slot on the next meeting's
/// agenda; earlier ones stay as history. A report is never changed: a new one follows it.
/// </summary>
public sealed class StatusReport : IAggregateRoot
{
    public const int TextMaxLength = 1_000;
    public const int HighlightsMaxLength = 500;

    private StatusReport()
    {
    }

    public Guid Id { get; private set; }
    public NetworkId NetworkId { get; private set; }
    public ThemeGroupId ThemeGroupId { get; private set; }
    public GroupStatus Status { get; private set; }
    public string Text { get; private set; } = string.Empty;
    public string? Highlights { get; private set; }
    public int JobsCreated { get; private set; }
    public PersonId AuthorId { get; private set; }
    public string AuthorName { get; private set; } = string.Empty;
    public DateTimeOffset At { get; private set; }
    public int Version { get; private set; }

    public static StatusReport Write(ThemeGroup group, GroupStatus status, string text, string? highlights, int jobsCreated,
        PersonId author, string authorName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new StatusReport
        {
            Id = Guid.CreateVersion7(),
            NetworkId = group.NetworkId,
            ThemeGroupId = group.Id,
            Status = Enum.IsDefined(status) ? status : throw new DomainException("Board.UnknownStatus"),
            Text = Guard.Text(text, TextMaxLength, "Field.ReportText"),
            Highlights = Guard.OptionalText(highlights, HighlightsMaxLength, "Field.Highlights"),
            JobsCreated = jobsCreated is >= 0 and <= 1_000 ? jobsCreated : throw new DomainException("Board.JobsOutOfRange"),
            AuthorId = author,
            AuthorName = authorName,
            At = now,
        };
    }

    /// <summary>The lead's own words for the group's slot on the meeting agenda: text and highlights (status and jobs go as values).</summary>
    public string AgendaText => $"{Text}{(Highlights is null ? string.Empty : $" ({Highlights})")}";

    /// <summary>The line in the group's slot on the meeting agenda: status, text, highlights.</summary>
    public string AgendaLine(string statusName) =>
        $"{statusName}: {Text}{(Highlights is null ? string.Empty : $" ({Highlights})")}{(JobsCreated > 0 ? $" · {Common.Text.Get("Board.JobsCreated", JobsCreated)}" : string.Empty)}";

    void IAggregateRoot.BumpVersion() => Version++;
}
