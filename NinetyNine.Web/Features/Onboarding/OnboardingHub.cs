using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Onboarding;

/// <summary>
/// The one path for changes to an onboarding checklist, from the Blazor page and any other client alike. Joining
/// requires that the person may see the checklist; every change is checked by <see cref="OnboardingService"/> against
/// who may do it, and the new state goes to everyone who has the checklist open.
/// </summary>
[Authorize(AuthenticationSchemes = HubTicketAuthentication.Schemes, Policy = Policies.Member)]
public sealed class OnboardingHub(OnboardingService onboarding) : Hub<IChecklistClient>
{
    public const string Path = "/hubs/onboarding";

    public static string Group(Guid checklistId) => $"checklist:{checklistId}";

    /// <summary>Joins the checklist's group (again after every reconnect) and returns it as it is now.</summary>
    public async Task<ChecklistSnapshot> Join(Guid checklistId)
    {
        var snapshot = await onboarding.SnapshotAsync(Member(), checklistId, Context.ConnectionAborted)
            ?? throw new HubException(Text.Get("Onboarding.Unknown"));
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(checklistId), Context.ConnectionAborted);
        return snapshot;
    }

    public Task<ChecklistResult> Submit(ChecklistCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var group = Clients.Group(Group(command.ChecklistId));
        return onboarding.ApplyAsync(Member(), command, group.ChecklistChanged, Context.ConnectionAborted);
    }

    private CurrentMember Member() => CurrentMember.From(Context.User ?? throw new HubException("Not signed in."));
}
