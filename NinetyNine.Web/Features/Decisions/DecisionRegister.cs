using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Decisions;

/// <summary>
/// The network's decision register (besluitenlijst): every decision recorded on an agenda item of its meetings and
/// every decision the core group took on an application, newest first.
/// </summary>
/// <remarks>
/// Who sees what: the coordinator and the core group see every row. Other members of the network (participants,
/// advisors) see every meeting decision (as in the minutes they may read) but, of the application decisions, only
/// admissions: a declined or deferred application is confidential to the core group. Links to an application's dossier
/// are given only to the core group, whose policy guards that page. Another network's decisions never appear.
/// </remarks>
public sealed class DecisionRegister(IDbContextFactory<NinetyNineDb> dbFactory)
{
    public async Task<IReadOnlyList<DecisionRow>> ListAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.NetworkId == member.NetworkId).ToListAsync(cancellationToken);
        var applications = await db.Applications.AsNoTracking().Where(a => a.NetworkId == member.NetworkId).ToListAsync(cancellationToken);
        var meetingStarts = meetings.ToDictionary(m => m.Id, m => m.StartsAt);

        // An application's decision is also written into its meeting's minutes; the register shows it once, as the
        // admission row (with outcome and rationale, and its visibility rule), not again as a meeting decision.
        var mirrored = applications.SelectMany(a => a.Decisions.Where(d => d.MeetingId is not null).Select(d => (d.MeetingId!.Value, $"{a.CompanyName}:"))).ToList();
        bool IsMirror(Meeting meeting, AgendaItem item, Decision decision) =>
            item.Standing == StandingItem.Applications
            && mirrored.Any(x => x.Value == meeting.Id && decision.Text.StartsWith(x.Item2, StringComparison.Ordinal));

        var meetingRows = meetings.SelectMany(m => m.Agenda.SelectMany(item => item.Decisions.Where(d => !IsMirror(m, item, d)).Select(d => new DecisionRow(
            DecisionKind.Meeting,
            DateOnly.FromDateTime(d.RecordedAt),
            d.RecordedAt,
            m.Id,
            m.StartsAt,
            item.Title,
            null,
            d.Text,
            $"/meetings/{m.Id}/minutes"))));

        var applicationRows = applications.SelectMany(a => a.Decisions
            .Where(d => member.IsCoreGroup || d.Outcome == DecisionOutcome.Admitted)
            .Select(d => new DecisionRow(
                DecisionKind.Admission,
                d.DecidedOn,
                d.RecordedAt.UtcDateTime,
                d.MeetingId,
                d.MeetingId is { } id && meetingStarts.TryGetValue(id, out var start) ? start : null,
                a.CompanyName,
                d.Outcome,
                d.Rationale,
                member.IsCoreGroup ? $"/applications/{a.Id}" : null)));

        return [.. meetingRows.Concat(applicationRows)
            .OrderByDescending(r => r.Date)
            .ThenByDescending(r => r.RecordedAt)
            .ThenBy(r => r.Subject, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// The rows of one kind (all when null) whose subject or text contains the search (case-insensitive, any culture-aware
    /// match); a blank search keeps every row.
    /// </summary>
    public static IReadOnlyList<DecisionRow> Filter(IEnumerable<DecisionRow> rows, string? search, DecisionKind? kind)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var term = search?.Trim();
        return [.. rows.Where(r => (kind is null || r.Kind == kind)
            && (string.IsNullOrEmpty(term)
                || r.Subject.Contains(term, StringComparison.CurrentCultureIgnoreCase)
                || r.Text.Contains(term, StringComparison.CurrentCultureIgnoreCase)))];
    }
}

public enum DecisionKind
{
    /// <summary>The core group's decision on an application (admitted, declined, deferred).</summary>
    Admission = 1,

    /// <summary>A decision recorded on an agenda item of a meeting.</summary>
    Meeting = 2,
}

/// <summary>
/// One line of the register. <see cref="Text"/> is the decision text of a meeting decision or the rationale of an
/// application decision; <see cref="Outcome"/> is set for application decisions only; <see cref="Link"/> leads to the
/// minutes or the application's dossier (null when the reader may not open it).
/// </summary>
public sealed record DecisionRow(
    DecisionKind Kind,
    DateOnly Date,
    DateTime RecordedAt,
    MeetingId? MeetingId,
    DateTime? MeetingStartsAt,
    string Subject,
    DecisionOutcome? Outcome,
    string Text,
    string? Link);
