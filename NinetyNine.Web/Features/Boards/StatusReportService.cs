using FluentValidation;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Boards;

/// <summary>What a lead fills in for a status update of their theme group.</summary>
public sealed class StatusReportForm
{
    public GroupStatus? Status { get; set; }
    public string Text { get; set; } = string.Empty;
    public string? Highlights { get; set; }
    public int JobsCreated { get; set; }
}

public sealed class StatusReportFormValidator : AbstractValidator<StatusReportForm>
{
    public StatusReportFormValidator()
    {
        RuleFor(x => x.Status).NotNull().WithMessage(_ => Text.Get("Board.UnknownStatus"))
            .Must(s => s is null || Enum.IsDefined(s.Value)).WithMessage(_ => Text.Get("Board.UnknownStatus"));
        RuleFor(x => x.Text).NotEmptyText("Field.ReportText").MaxText(StatusReport.TextMaxLength, "Field.ReportText");
        RuleFor(x => x.Highlights).MaxText(StatusReport.HighlightsMaxLength, "Field.Highlights");
        RuleFor(x => x.JobsCreated).InclusiveBetween(0, 1_000).WithMessage(_ => Text.Get("Board.JobsOutOfRange"));
    }
}

/// <summary>A status report as the pages show it.</summary>
public sealed record StatusReportView(Guid Id, Guid ThemeGroupId, string GroupName, GroupStatus Status, string Text, string? Highlights, int JobsCreated,
    string AuthorName, DateTimeOffset At)
{
    /// <summary>The first line of the text, for the dashboard.</summary>
    public string FirstLine => Text.Split('\n', 2)[0].Trim();
}

/// <summary>
/// The lead's status report of a theme group: written by the group's lead or the coordinator only (checked against the
/// group itself, not just a claim), readable by everyone in the network. A new report fills the group's update slot in
/// the next core group meeting's agenda (item 2) as a live change.
/// </summary>
public sealed class StatusReportService(IDbContextFactory<NinetyNineDb> dbFactory, AgendaService agenda,
    IValidator<StatusReportForm> validator, TimeProvider time, ILogger<StatusReportService> logger)
{
    public const int HistoryLength = 50;

    /// <summary>The lead of this very group, or the coordinator.</summary>
    public static bool MayWrite(CurrentMember member, ThemeGroup group)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(group);
        return group.NetworkId == member.NetworkId && (member.IsCoordinator || group.IsLed(member.PersonId));
    }

    /// <summary>Saves a new report and puts it in the group's slot on the next meeting's agenda. Throws when the person may not.</summary>
    public async Task<StatusReportView> WriteAsync(CurrentMember member, ThemeGroupId themeGroupId, StatusReportForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.ThemeGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == themeGroupId && g.NetworkId == member.NetworkId, cancellationToken);
        if (group is null || !MayWrite(member, group))
        {
            logger.LogWarning("Refused a status report for theme group {ThemeGroup} by someone who is not its lead", themeGroupId);
            throw new ForbiddenException();
        }

        await validator.ValidateAndThrowAsync(form, cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        var author = network.People.FirstOrDefault(p => p.Id == member.PersonId)?.Name ?? "?";
        var report = StatusReport.Write(group, form.Status!.Value, form.Text, form.Highlights, form.JobsCreated, member.PersonId, author, time.GetUtcNow());
        db.StatusReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);

        await PutOnNextMeetingAsync(db, network, group, report, cancellationToken);
        return View(report, group.Name);
    }

    /// <summary>The latest report of every theme group of the network that has one.</summary>
    public async Task<IReadOnlyList<StatusReportView>> LatestAsync(CurrentMember member, NetworkId networkId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (networkId != member.NetworkId)
        {
            throw new ForbiddenException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LatestAsync(db, networkId, cancellationToken);
    }

    /// <summary>The latest report per theme group (for the dashboard, which has its own context).</summary>
    internal static async Task<IReadOnlyList<StatusReportView>> LatestAsync(NinetyNineDb db, NetworkId networkId, CancellationToken cancellationToken)
    {
        var groups = await db.ThemeGroups.AsNoTracking().Where(g => g.NetworkId == networkId && g.ArchivedOn == null).OrderBy(g => g.Position)
            .Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        var latest = new List<StatusReportView>();
        foreach (var group in groups)
        {
            var report = await db.StatusReports.AsNoTracking().Where(r => r.ThemeGroupId == group.Id)
                .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            if (report is not null)
            {
                latest.Add(View(report, group.Name));
            }
        }

        return latest;
    }

    /// <summary>A group's reports, newest first.</summary>
    public async Task<IReadOnlyList<StatusReportView>> HistoryAsync(CurrentMember member, ThemeGroupId groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.ThemeGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId && g.NetworkId == member.NetworkId, cancellationToken)
            ?? throw new ForbiddenException();
        var reports = await db.StatusReports.AsNoTracking().Where(r => r.ThemeGroupId == groupId)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(HistoryLength).ToListAsync(cancellationToken);
        return [.. reports.Select(r => View(r, group.Name))];
    }

    /// <summary>
    /// The next meeting: the one going on now, else the first planned one from now. Its item 2 gets the report in the
    /// group's slot (added when missing), live for everyone who has the meeting open.
    /// </summary>
    private async Task PutOnNextMeetingAsync(NinetyNineDb db, Network network, ThemeGroup group, StatusReport report, CancellationToken cancellationToken)
    {
        var now = network.LocalNow(time);
        var candidates = await db.Meetings.AsNoTracking()
            .Where(m => m.NetworkId == network.Id && (m.Status == MeetingStatus.Live || (m.Status == MeetingStatus.Planned && m.StartsAt >= now)))
            .Select(m => new { m.Id, m.Status, m.StartsAt })
            .ToListAsync(cancellationToken);
        var next = candidates.OrderBy(m => m.Status == MeetingStatus.Live ? 0 : 1).ThenBy(m => m.StartsAt).FirstOrDefault();
        if (next is null)
        {
            return; // The series plans the next meeting; its prepared agenda has the group's slot.
        }

        var lead = group.LeadPersonId is { } leadId ? network.People.FirstOrDefault(p => p.Id == leadId)?.Name : null;
        // As values (status, the lead's words, jobs): the meeting page says the line in each reader's language.
        if (!await agenda.ReportOnAgendaAsync(network.Id, next.Id, group.Id.Value, group.Name, lead, report.Status, report.AgendaText, report.JobsCreated, cancellationToken))
        {
            logger.LogWarning("The status report of theme group {ThemeGroup} could not go on the agenda of meeting {Meeting}", group.Id, next.Id);
        }
    }

    private static StatusReportView View(StatusReport r, string groupName) =>
        new(r.Id, r.ThemeGroupId.Value, groupName, r.Status, r.Text, r.Highlights, r.JobsCreated, r.AuthorName, r.At);
}
