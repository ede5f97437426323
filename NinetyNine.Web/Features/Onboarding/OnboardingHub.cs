using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Onboarding;

/// <summary>
/// The public live API of an onboarding checklist, for clients other than the app's own pages (which call
/// <see cref="OnboardingService"/> in-process): one method per intent, each carrying an operation id and run through the
/// same core, checked against what the caller may do now. A joined connection is fed from the checklist's feed.
/// </summary>
[Authorize(AuthenticationSchemes = HubTicketAuthentication.Schemes, Policy = Policies.Member)]
public sealed class OnboardingHub(OnboardingService onboarding, LiveHubSubscriptions subscriptions, IHubContext<OnboardingHub, IChecklistClient> hub)
    : Hub<IChecklistClient>
{
    public const string Path = "/hubs/onboarding";

    /// <summary>Joins the checklist's feed (again after every reconnect) and returns it as it is now.</summary>
    public async Task<ChecklistSnapshot> Join(Guid checklistId)
    {
        var snapshot = await onboarding.SnapshotAsync(Member(), checklistId, Context.ConnectionAborted)
            ?? throw new HubException(Text.Get("Onboarding.Unknown"));
        var client = hub.Clients.Client(Context.ConnectionId);
        subscriptions.Follow(Context, OnboardingService.Kind.Name, checklistId, e => client.ChecklistChanged((ChecklistChange)e.Change));
        return snapshot;
    }

    /// <summary>The changes after <paramref name="sequence"/>; empty when there are none, null when a fresh Join is needed.</summary>
    public Task<IReadOnlyList<ChecklistChange>?> CatchUp(Guid checklistId, long sequence) =>
        onboarding.SinceAsync(Member(), checklistId, sequence, Context.ConnectionAborted);

    public Task<ChecklistResult> Tick(Guid checklistId, Guid operationId, int step) =>
        onboarding.TickAsync(Member(), checklistId, operationId, step, Context.ConnectionAborted);

    public Task<ChecklistResult> Untick(Guid checklistId, Guid operationId, int step, string reason) =>
        onboarding.UntickAsync(Member(), checklistId, operationId, step, reason, Context.ConnectionAborted);

    public Task<ChecklistResult> Comment(Guid checklistId, Guid operationId, int step, string text) =>
        onboarding.CommentAsync(Member(), checklistId, operationId, step, text, Context.ConnectionAborted);

    public Task<ChecklistResult> Skip(Guid checklistId, Guid operationId, int step, string reason) =>
        onboarding.SkipAsync(Member(), checklistId, operationId, step, reason, Context.ConnectionAborted);

    public Task<ChecklistResult> Reassign(Guid checklistId, Guid operationId, int step, Guid? personId) =>
        onboarding.ReassignAsync(Member(), checklistId, operationId, step, personId, Context.ConnectionAborted);

    public Task<ChecklistResult> Redate(Guid checklistId, Guid operationId, int step, DateOnly dueOn) =>
        onboarding.RedateAsync(Member(), checklistId, operationId, step, dueOn, Context.ConnectionAborted);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private CurrentMember Member() => CurrentMember.From(Context.User ?? throw new HubException("Not signed in."));
}
