using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Web.Data;
using NinetyNine.Web.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Onboarding;

/// <summary>
/// Where a newcomer's onboarding is run: the network's template, the checklists started at admission, every change to
/// a step (one typed method per intent, run through the <see cref="LiveCore"/>: checked against who may do it now, saved
/// with its operation record, published to the checklist's feed), the coordinator's overview and each person's own steps.
/// </summary>
public sealed class OnboardingService(IDbContextFactory<NinetyNineDb> dbFactory, IValidator<PublishTemplate> validator, LiveCore live, TimeProvider time,
    ILogger<OnboardingService> logger)
{
    /// <summary>The checklist as a live aggregate of the core.</summary>
    public static readonly LiveKind<OnboardingChecklist> Kind = new("checklist",
        (db, id, ct) => db.OnboardingChecklists.SingleOrDefaultAsync(c => c.Id == new OnboardingChecklistId(id), ct), c => c.NetworkId, "Onboarding.Unknown");

    /// <summary>The network's template; the default from the case when the network has none yet.</summary>
    public async Task<OnboardingTemplate> TemplateAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        EnsureCoordinator(member);
        return await CurrentTemplateAsync(member.NetworkId, cancellationToken);
    }

    /// <summary>The template in use, created from the default on first use.</summary>
    public async Task<OnboardingTemplate> CurrentTemplateAsync(NetworkId networkId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.OnboardingTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.NetworkId == networkId, cancellationToken) is { } template)
        {
            return template;
        }

        template = OnboardingTemplate.Default(networkId, time.GetUtcNow());
        db.OnboardingTemplates.Add(template);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return template;
        }
        catch (DbUpdateException)
        {
            // Someone else created it at the same moment: use theirs.
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await again.OnboardingTemplates.AsNoTracking().SingleAsync(t => t.NetworkId == networkId, cancellationToken);
        }
    }

    /// <summary>
    /// Publishes the coordinator's edit as the next version. Refused when someone published a newer version since the
    /// edit began (<see cref="PublishTemplate.BasedOnVersion"/>): the coordinator reloads instead of overwriting it.
    /// </summary>
    public async Task<OnboardingTemplate> PublishAsync(CurrentMember member, PublishTemplate form, CancellationToken cancellationToken = default)
    {
        EnsureCoordinator(member);
        ArgumentNullException.ThrowIfNull(form);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        _ = await CurrentTemplateAsync(member.NetworkId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.OnboardingTemplates.SingleAsync(t => t.NetworkId == member.NetworkId, cancellationToken);
        if (template.CurrentVersion != form.BasedOnVersion)
        {
            throw new DomainException("Onboarding.StaleTemplate", template.CurrentVersion);
        }

        template.Publish(form.ToSteps(), time.GetUtcNow(), member.User.FindFirstValue(ClaimTypes.GivenName) ?? "?");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is ConcurrencyConflictException or DbUpdateException)
        {
            throw new DomainException("Onboarding.StaleTemplate", template.CurrentVersion);
        }

        logger.LogInformation("Onboarding template version {Version} published", template.CurrentVersion);
        return template;
    }

    /// <summary>
    /// The checklist for an employer just admitted, from the template as it is now. The coordinator and the new
    /// employer's contact are known; the buddy, theme lead and advisor are assigned by the coordinator later, unless
    /// the network has exactly one advisor.
    /// </summary>
    public OnboardingChecklist StartFor(OnboardingTemplate template, Network network, EmployerId employerId, PersonId contactId, DateOnly admittedOn)
    {
        ArgumentNullException.ThrowIfNull(network);
        var known = new Dictionary<StepOwner, PersonId> { [StepOwner.Coordinator] = network.Coordinator.Id };
        var advisors = network.People.Where(p => p.IsActive && network.HasRole(p.Id, NetworkRole.Advisor)).ToList();
        if (advisors.Count == 1)
        {
            known[StepOwner.Advisor] = advisors[0].Id;
        }

        return OnboardingChecklist.Start(template, network.Id, employerId, contactId, admittedOn, known, time.GetUtcNow());
    }

    /// <summary>The checklist as this person may see it; null when it does not exist for them.</summary>
    public async Task<ChecklistSnapshot?> SnapshotAsync(CurrentMember member, Guid checklistId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sequence = await LiveCore.SequenceAsync(db, Kind.Name, checklistId, cancellationToken);
        var checklist = await db.OnboardingChecklists.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == new OnboardingChecklistId(checklistId) && c.NetworkId == member.NetworkId, cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        var caller = LiveCaller.Of(member, network);
        if (checklist is null || !caller.IsActive || !checklist.MayView(caller.PersonId, caller.IsCoordinator))
        {
            return null;
        }

        return Snapshot(checklist, network, sequence);
    }

    /// <summary>The changes after <paramref name="since"/> for a client that fell behind; null: take a snapshot.</summary>
    public async Task<IReadOnlyList<ChecklistChange>?> SinceAsync(CurrentMember member, Guid checklistId, long since, CancellationToken cancellationToken = default) =>
        await SnapshotAsync(member, checklistId, cancellationToken) is null ? null : await live.SinceAsync<ChecklistChange>(Kind.Name, checklistId, since, cancellationToken);

    /// <summary>Follows a checklist's accepted changes (for a page in this process); see <see cref="ILiveFeed.Subscribe"/>.</summary>
    public ILiveSubscription Subscribe(Guid checklistId, Action<ChecklistChange> receive, Action dropped) =>
        live.Feed.Subscribe(Kind.Name, checklistId, e =>
        {
            receive((ChecklistChange)e.Change);
            return Task.CompletedTask;
        }, dropped);

    /// <summary>Ticks a step off: its assignee or the coordinator.</summary>
    public Task<ChecklistResult> TickAsync(CurrentMember member, Guid checklistId, Guid operationId, int step, CancellationToken cancellationToken = default) =>
        ChangeAsync(member, checklistId, operationId, nameof(OnboardingChecklist.Tick), turn =>
        {
            EnsureMayWorkOn(turn, step);
            turn.Aggregate.Tick(step, turn.Caller.PersonId, turn.Now);
        }, cancellationToken);

    /// <summary>Opens a done or skipped step again, with the reason.</summary>
    public Task<ChecklistResult> UntickAsync(CurrentMember member, Guid checklistId, Guid operationId, int step, string reason,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(member, checklistId, operationId, nameof(OnboardingChecklist.Untick), turn =>
        {
            EnsureMayWorkOn(turn, step);
            turn.Aggregate.Untick(step, turn.Caller.PersonId, reason ?? string.Empty, turn.Now);
        }, cancellationToken);

    public Task<ChecklistResult> CommentAsync(CurrentMember member, Guid checklistId, Guid operationId, int step, string text,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(member, checklistId, operationId, nameof(OnboardingChecklist.Comment), turn =>
        {
            EnsureMayWorkOn(turn, step);
            turn.Aggregate.Comment(step, turn.Caller.PersonId, turn.Caller.Name, text ?? string.Empty, turn.Now);
        }, cancellationToken);

    /// <summary>Coordinator only: the step does not apply, with the reason.</summary>
    public Task<ChecklistResult> SkipAsync(CurrentMember member, Guid checklistId, Guid operationId, int step, string reason,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(member, checklistId, operationId, nameof(OnboardingChecklist.Skip), turn =>
        {
            EnsureCoordinatorStep(turn);
            turn.Aggregate.Skip(step, turn.Caller.PersonId, reason ?? string.Empty, turn.Now);
        }, cancellationToken);

    /// <summary>Coordinator only: someone else (an active person of the network) or nobody yet does the step.</summary>
    public Task<ChecklistResult> ReassignAsync(CurrentMember member, Guid checklistId, Guid operationId, int step, Guid? personId,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(member, checklistId, operationId, nameof(OnboardingChecklist.Reassign), turn =>
        {
            EnsureCoordinatorStep(turn);
            PersonId? assignee = personId is { } id ? new PersonId(id) : null;
            if (assignee is { } person && !turn.Caller.Network.People.Any(p => p.Id == person && p.IsActive))
            {
                throw new DomainException("Onboarding.UnknownPerson");
            }

            turn.Aggregate.Reassign(step, assignee);
        }, cancellationToken);

    /// <summary>Coordinator only: a new due date, not before the admission.</summary>
    public Task<ChecklistResult> RedateAsync(CurrentMember member, Guid checklistId, Guid operationId, int step, DateOnly dueOn,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(member, checklistId, operationId, nameof(OnboardingChecklist.Redate), turn =>
        {
            EnsureCoordinatorStep(turn);
            turn.Aggregate.Redate(step, dueOn);
        }, cancellationToken);

    /// <summary>
    /// One intent through the live core: the caller must still see the checklist (checked on their current rights), the
    /// change goes out to everyone with the checklist open as the checklist after it.
    /// </summary>
    private async Task<ChecklistResult> ChangeAsync(CurrentMember member, Guid checklistId, Guid operationId, string operation,
        Action<LiveTurn<OnboardingChecklist>> change, CancellationToken cancellationToken)
    {
        var outcome = await live.RunAsync(Kind, member, checklistId, operationId, operation, turn =>
        {
            if (!turn.Aggregate.MayView(turn.Caller.PersonId, turn.Caller.IsCoordinator))
            {
                throw new ForbiddenException(Text.Get("Onboarding.Unknown"));
            }

            change(turn);
            return Task.FromResult(new ChecklistChange(checklistId, turn.Sequence, Snapshot(turn.Aggregate, turn.Caller.Network, turn.Sequence)));
        }, cancellationToken);
        return new ChecklistResult(outcome.Accepted, outcome.Error, outcome.Sequence);
    }

    /// <summary>The checklist of an employer, when this person may see it (for the employer's page).</summary>
    public async Task<Guid?> ChecklistOfAsync(CurrentMember member, EmployerId employerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var checklist = await db.OnboardingChecklists.AsNoTracking()
            .SingleOrDefaultAsync(c => c.EmployerId == employerId && c.NetworkId == member.NetworkId, cancellationToken);
        return checklist is not null && checklist.MayView(member.PersonId, member.IsCoordinator) ? checklist.Id.Value : null;
    }

    /// <summary>Every newcomer's onboarding, for the coordinator's overview: the running ones first.</summary>
    public async Task<IReadOnlyList<OnboardingRow>> OverviewAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        EnsureCoordinator(member);
        var (checklists, network) = await LoadAllAsync(member.NetworkId, cancellationToken);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(network.LocalNow(time));
        return [.. checklists.Select(c => new OnboardingRow(
                c.Id.Value,
                c.EmployerId.Value,
                EmployerName(network, c.EmployerId),
                c.ContactId is { } contact ? NameOf(network, contact) : null,
                c.Finished,
                c.Steps.Count,
                c.NextStep?.Title,
                c.NextStep?.DueOn,
                c.OverdueCount(today),
                today.DayNumber - c.AdmittedOn.DayNumber,
                c.IsStalled(now),
                c.CompletedAt))
            .OrderBy(r => r.CompletedAt is not null)
            .ThenByDescending(r => r.Stalled)
            .ThenByDescending(r => r.Overdue)
            .ThenBy(r => r.EmployerName, StringComparer.CurrentCulture)];
    }

    /// <summary>The open steps assigned to this person, across every checklist, soonest due first.</summary>
    public async Task<IReadOnlyList<MyStep>> MyStepsAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var (checklists, network) = await LoadAllAsync(member.NetworkId, cancellationToken);
        var today = DateOnly.FromDateTime(network.LocalNow(time));
        return [.. checklists
            .SelectMany(c => c.Steps.Where(s => s.State == StepState.Open && s.AssigneeId == member.PersonId)
                .Select(s => new MyStep(c.Id.Value, EmployerName(network, c.EmployerId), s.Position, s.Title, s.DueOn, s.IsOverdue(today))))
            .OrderBy(s => s.DueOn)];
    }

    /// <summary>For the coordinator's dashboard: how many are in onboarding, their overdue steps, and how many stalled.</summary>
    public async Task<OnboardingSummary> SummaryAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        var rows = await OverviewAsync(member, cancellationToken);
        var running = rows.Where(r => r.CompletedAt is null).ToList();
        return new OnboardingSummary(running.Count, running.Sum(r => r.Overdue), running.Count(r => r.Stalled));
    }

    /// <summary>When each employer's onboarding was completed (for the employer timeline).</summary>
    public static async Task<DateTimeOffset?> CompletedAtAsync(NinetyNineDb db, NetworkId networkId, EmployerId employerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.OnboardingChecklists.AsNoTracking()
            .Where(c => c.NetworkId == networkId && c.EmployerId == employerId)
            .Select(c => c.CompletedAt)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static void EnsureMayWorkOn(LiveTurn<OnboardingChecklist> turn, int step)
    {
        if (!turn.Aggregate.MayWorkOn(step, turn.Caller.PersonId, turn.Caller.IsCoordinator))
        {
            throw new ForbiddenException(Text.Get("Onboarding.NotYourStep"));
        }
    }

    private static void EnsureCoordinatorStep(LiveTurn<OnboardingChecklist> turn)
    {
        if (!turn.Caller.IsCoordinator)
        {
            throw new ForbiddenException(Text.Get("Onboarding.CoordinatorOnly"));
        }
    }

    private void EnsureCoordinator(CurrentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.IsCoordinator)
        {
            logger.LogWarning("Refused a coordinator's onboarding action by someone else");
            throw new ForbiddenException();
        }
    }

    private async Task<(List<OnboardingChecklist> Checklists, Network Network)> LoadAllAsync(NetworkId networkId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == networkId, cancellationToken);
        var checklists = await db.OnboardingChecklists.AsNoTracking().Where(c => c.NetworkId == networkId).ToListAsync(cancellationToken);
        return (checklists, network);
    }

    private ChecklistSnapshot Snapshot(OnboardingChecklist checklist, Network network, long sequence)
    {
        var today = DateOnly.FromDateTime(network.LocalNow(time));
        var comments = checklist.Comments.ToLookup(c => c.Step);
        return new ChecklistSnapshot(
            checklist.Id.Value,
            sequence,
            checklist.EmployerId.Value,
            EmployerName(network, checklist.EmployerId),
            checklist.ContactId is { } contact ? NameOf(network, contact) : null,
            checklist.AdmittedOn,
            today,
            checklist.TemplateVersion,
            checklist.CompletedAt,
            [.. checklist.Steps.Select(s => new StepSnapshot(
                s.Position, s.Title, s.Explanation, s.Owner, s.DueOn, s.AssigneeId?.Value, s.AssigneeId is { } a ? NameOf(network, a) : null,
                s.State, s.ChangedBy is { } b ? NameOf(network, b) : null, s.ChangedAt, s.Reason, s.IsOverdue(today),
                [.. comments[s.Position].Select(c => new CommentSnapshot(c.Id, c.AuthorName, c.Text, c.At))]))],
            [.. network.People.Where(p => p.IsActive).OrderBy(p => p.Name, StringComparer.CurrentCulture)
                .Select(p => new PersonChoice(p.Id.Value, p.Name, p.EmployerId is { } e ? EmployerName(network, e) : p.Organisation))]);
    }

    private static string EmployerName(Network network, EmployerId id) => network.Employers.FirstOrDefault(e => e.Id == id)?.Name ?? "?";

    private static string? NameOf(Network network, PersonId id) => network.People.FirstOrDefault(p => p.Id == id)?.Name;
}

/// <summary>A newcomer on the coordinator's overview.</summary>
public sealed record OnboardingRow(
    Guid Id,
    Guid EmployerId,
    string EmployerName,
    string? ContactName,
    int Finished,
    int Total,
    string? NextStep,
    DateOnly? NextDue,
    int Overdue,
    int DaysSinceAdmission,
    bool Stalled,
    DateTimeOffset? CompletedAt)
{
    public int Percent => Total == 0 ? 100 : Finished * 100 / Total;
}

/// <summary>An open step assigned to the signed-in person.</summary>
public sealed record MyStep(Guid ChecklistId, string EmployerName, int Position, string Title, DateOnly DueOn, bool Overdue);

public sealed record OnboardingSummary(int Running, int OverdueSteps, int Stalled);
