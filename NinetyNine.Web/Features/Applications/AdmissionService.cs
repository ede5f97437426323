using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Account;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Features.Onboarding;
using NinetyNine.Web.Features.Outbox;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Applications;

/// <summary>
/// Where an application is admitted: the core group's views, the coordinator closing the vote, and the decision with
/// its rationale. Admission makes the employer a participant, starts its onboarding checklist and invites its contact;
/// the decision also goes into the meeting's minutes. Scoped, like the sign-in accounts it creates.
/// </summary>
public sealed class AdmissionService(IDbContextFactory<NinetyNineDb> dbFactory, AgendaService agenda,
    IValidator<DecideOnApplication> validator, EmailOutbox outbox, Invitations invitations, OnboardingService onboarding, TimeProvider time,
    ILogger<AdmissionService> logger)
{
    public static bool CanVote(CurrentMember member) => member.User.HasNetworkRole(NetworkRole.CoreGroupMember);

    public async Task<Dossier?> DossierAsync(CurrentMember member, ApplicationId id, CancellationToken cancellationToken = default)
    {
        EnsureCoreGroup(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.NetworkId == member.NetworkId, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        var now = network.LocalNow(time);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.NetworkId == member.NetworkId && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.StartsAt)
            .Select(m => new MeetingChoice(m.Id.Value, m.StartsAt, m.Status))
            .ToListAsync(cancellationToken);
        var voters = network.People.Count(p => p.IsActive && network.HasRole(p.Id, NetworkRole.CoreGroupMember));
        return new Dossier(
            application,
            application.ViewsVisibleTo(member.PersonId),
            application.ViewsVisibleTo(member.PersonId).FirstOrDefault(v => v.PersonId == member.PersonId),
            voters,
            // The meetings a decision can belong to: the one it is scheduled for, and those of the last weeks and the next.
            [.. meetings.Where(m => m.Id == application.ScheduledMeetingId?.Value || Math.Abs((m.StartsAt - now).TotalDays) <= 60)]);
    }

    public Task RecordViewAsync(CurrentMember member, ApplicationId id, Fit fit, string? remark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!CanVote(member))
        {
            logger.LogWarning("Refused a view on an application by a person outside the core group");
            throw new ForbiddenException();
        }

        var name = member.User.FindFirstValue(ClaimTypes.GivenName) ?? "?";
        return ChangeAsync(member, id, (a, _, _) => a.RecordView(member.PersonId, name, fit, remark, time.GetUtcNow()), cancellationToken);
    }

    public Task CloseVoteAsync(CurrentMember member, ApplicationId id, CancellationToken cancellationToken = default)
    {
        EnsureCoordinator(member);
        return ChangeAsync(member, id, (a, _, _) => a.CloseVote(time.GetUtcNow()), cancellationToken);
    }

    public Task AddNoteAsync(CurrentMember member, ApplicationId id, string text, CancellationToken cancellationToken = default)
    {
        EnsureCoordinator(member);
        var name = member.User.FindFirstValue(ClaimTypes.GivenName) ?? "?";
        return ChangeAsync(member, id, (a, _, _) => a.AddNote(text, name, time.GetUtcNow()), cancellationToken);
    }

    public Task WithdrawAsync(CurrentMember member, ApplicationId id, CancellationToken cancellationToken = default)
    {
        EnsureCoordinator(member);
        return ChangeAsync(member, id, (a, _, _) => a.Withdraw(time.GetUtcNow()), cancellationToken);
    }

    /// <summary>The coordinator erases an application on the applicant's request: the dossier and the emails about it.</summary>
    public async Task EraseAsync(CurrentMember member, ApplicationId id, CancellationToken cancellationToken = default)
    {
        EnsureCoordinator(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id && a.NetworkId == member.NetworkId, cancellationToken)
            ?? throw new DomainException("Application.Unknown");
        db.OutboxMessages.RemoveRange(await db.OutboxMessages.Where(m => m.ApplicationId == id).ToListAsync(cancellationToken));
        db.Applications.Remove(application);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Application {Reference} erased on request", application.Reference);
    }

    /// <summary>
    /// Records the decision. Admitted: the employer joins the network (saved together). Then the decision is put in the
    /// meeting's minutes through the live agenda, so everyone in the call sees it (not possible once that meeting closed).
    /// </summary>
    /// <param name="appBase">The app's address, for the invitation link sent to an admitted employer's contact.</param>
    public async Task<NewParticipant?> DecideAsync(CurrentMember member, ApplicationId id, DecideOnApplication form, Uri? appBase = null,
        CancellationToken cancellationToken = default)
    {
        EnsureCoordinator(member);
        ArgumentNullException.ThrowIfNull(form);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        var outcome = form.Outcome!.Value;
        var template = outcome == DecisionOutcome.Admitted ? await onboarding.CurrentTemplateAsync(member.NetworkId, cancellationToken) : null;
        Application? decided = null;
        (Person Contact, string NetworkName)? admitted = null;
        await ChangeAsync(member, id, (application, network, db) =>
        {
            var on = DateOnly.FromDateTime(network.LocalNow(time));
            application.Decide(outcome, form.Rationale, on, form.MeetingId is { } m ? new MeetingId(m) : null, time.GetUtcNow());
            if (outcome == DecisionOutcome.Admitted)
            {
                var (employer, contact) = network.Admit(application, on);
                admitted = (contact, network.Name);
                // Onboarding starts here, saved together with the admission.
                db.OnboardingChecklists.Add(onboarding.StartFor(template!, network, employer.Id, contact.Id, on));
            }

            // The applicant hears the outcome, saved with the decision (sent by the outbox). The core group's own
            // rationale stays internal; the coordinator adds a personal word by phone or mail.
            outbox.Queue(db, ApplicantEmails.Compose(application, outcome, network.Name, rationaleForApplicant: null).ToOutboxMessage(application, time.GetUtcNow()));
            decided = application;
        }, cancellationToken, withNetwork: true);

        if (form.MeetingId is { } meetingId && decided is not null)
        {
            await RecordInMinutesAsync(member, meetingId, decided, outcome, form.Rationale.Trim(), cancellationToken);
        }

        if (admitted is not { } joined)
        {
            return null;
        }

        // The new participant's contact is invited to choose a password (not when they already have an account).
        var participant = new NewParticipant(member.NetworkId, joined.Contact.Id, joined.Contact.Email.Value, joined.Contact.Name, joined.NetworkName, id);
        if (appBase is not null)
        {
            await invitations.InviteAsync(participant, appBase, cancellationToken);
        }

        return participant;
    }

    private async Task RecordInMinutesAsync(CurrentMember member, Guid meetingId, Application application, DecisionOutcome outcome, string rationale,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == new MeetingId(meetingId) && m.NetworkId == member.NetworkId, cancellationToken);
        var item = meeting?.Agenda.FirstOrDefault(i => i.HasTopic(AgendaTopicKind.Application, application.Id.Value))
            ?? meeting?.Agenda.FirstOrDefault(i => i.Standing == StandingItem.Applications);
        if (meeting is null || item is null || !meeting.IsEditable)
        {
            return; // A decision taken after the meeting closed stays in the dossier and the register.
        }

        // Everyone in the network may read the minutes: the rationale of a decline or deferral stays in the dossier.
        var text = Text.Get("Application.MinutesDecision", application.CompanyName, Text.Get($"DecisionOutcome.{outcome}"),
            outcome == DecisionOutcome.Admitted ? rationale : Text.Get("Application.RationaleInDossier"));
        var result = await agenda.RecordDecisionAsync(member, meetingId, Guid.NewGuid(), item.Id.Value, text[..Math.Min(text.Length, Decision.TextMaxLength)],
            cancellationToken);
        if (!result.Accepted)
        {
            logger.LogWarning("The decision on application {Reference} could not go into the minutes: {Error}", application.Reference, result.Error);
        }
    }

    /// <summary>
    /// Loads, changes and saves the application (and the network when asked). A concurrent save elsewhere (the series
    /// scheduling it, another member's view) makes it load again and apply the change to what is there now.
    /// </summary>
    private async Task ChangeAsync(CurrentMember member, ApplicationId id, Action<Application, Network, NinetyNineDb> change, CancellationToken cancellationToken,
        bool withNetwork = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id && a.NetworkId == member.NetworkId, cancellationToken)
                ?? throw new DomainException("Application.Unknown");
            var networks = withNetwork ? db.Networks : db.Networks.AsNoTracking();
            var network = await networks.SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
            change(application, network, db);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // Someone else's save landed first: apply this change again on the current state.
            }
        }
    }

    private void EnsureCoreGroup(CurrentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.IsCoreGroup)
        {
            logger.LogWarning("Refused access to an application dossier for a person outside the core group");
            throw new ForbiddenException();
        }
    }

    private void EnsureCoordinator(CurrentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.IsCoordinator)
        {
            logger.LogWarning("Refused a coordinator's action on an application by someone else");
            throw new ForbiddenException();
        }
    }
}

/// <summary>What a core group member may see of an application: its data, the views they may see, their own view.</summary>
public sealed record Dossier(Application Application, IReadOnlyList<CoreGroupView> Views, CoreGroupView? MyView, int Voters, IReadOnlyList<MeetingChoice> Meetings);

/// <summary>The contact person of an employer just admitted, to be invited.</summary>
public sealed record NewParticipant(NetworkId NetworkId, PersonId PersonId, string Email, string Name, string NetworkName, ApplicationId ApplicationId);

public sealed record MeetingChoice(Guid Id, DateTime StartsAt, MeetingStatus Status);
