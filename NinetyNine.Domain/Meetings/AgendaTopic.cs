using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Meetings;

/// <summary>What a topic under a standing agenda item refers to.</summary>
public enum AgendaTopicKind
{
    /// <summary>An application waiting for the core group's decision (under item 1).</summary>
    Application = 1,

    /// <summary>A theme group's update slot, presented by its lead (under item 2).</summary>
    ThemeGroupUpdate = 2,
}

/// <summary>
/// A point under an agenda item that refers to something of the network: an application to decide on, or a
/// theme group to hear from. The reference lets the page link to the dossier or the group.
/// </summary>
public sealed class AgendaTopic
{
    public const int DetailMaxLength = 2_000;

    private AgendaTopic() { }

    internal AgendaTopic(AgendaTopicKind kind, Guid referenceId, string title, string? presenter, int position)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        ReferenceId = referenceId;
        Title = Guard.Text(title, AgendaItem.TitleMaxLength, "Field.AgendaTitle");
        Presenter = Guard.OptionalText(presenter, AgendaItem.PresenterMaxLength, "Field.Presenter");
        Position = position;
    }

    public Guid Id { get; private set; }
    public AgendaTopicKind Kind { get; private set; }
    public Guid ReferenceId { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string? Presenter { get; private set; }
    public int Position { get; internal set; }

    /// <summary>What the topic brings to the meeting, such as a theme group's latest status report; null when nothing yet.</summary>
    public string? Detail { get; private set; }

    /// <summary>
    /// For a theme group's slot: the status of its latest report and the jobs it counts, stored as values (not words),
    /// so the status line is said in the reader's language; <see cref="Detail"/> holds the lead's own words.
    /// </summary>
    public GroupStatus? ReportStatus { get; private set; }

    public int ReportJobs { get; private set; }

    internal void SetDetail(string? detail)
    {
        Detail = Guard.OptionalText(detail, DetailMaxLength, "Field.ReportText");
        ReportStatus = null;
        ReportJobs = 0;
    }

    internal void SetReport(GroupStatus status, string text, int jobsCreated)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainException("Board.UnknownStatus");
        }

        if (jobsCreated is < 0 or > 1_000)
        {
            throw new DomainException("Board.JobsOutOfRange");
        }

        Detail = Guard.OptionalText(text, DetailMaxLength, "Field.ReportText");
        ReportStatus = status;
        ReportJobs = jobsCreated;
    }
}
