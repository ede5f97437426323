using Microsoft.AspNetCore.SignalR.Client;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Features.Onboarding;
using NinetyNine.Web.Live;

namespace NinetyNine.Tests.Support;

/// <summary>
/// Live clients over the public hubs, as another app would use them: the same <see cref="LiveClient{TSnapshot, TChange}"/>
/// parts as the pages, with the hub as their source and their intents.
/// </summary>
public static class HubLive
{
    /// <summary>A checklist client of <paramref name="email"/> on <see cref="OnboardingHub"/>, started.</summary>
    public static async Task<(ChecklistLive Live, HubConnection Hub)> ChecklistAsync(AppFactory app, string email, Guid checklistId, bool webSocket = false)
    {
        var hub = await HubClients.ConnectionAsync(app, email, hubPath: OnboardingHub.Path, webSocket: webSocket);
        var source = new LiveSource<ChecklistSnapshot, ChecklistChange>(
            ct => hub.InvokeAsync<ChecklistSnapshot?>(nameof(OnboardingHub.Join), checklistId, ct),
            (since, ct) => hub.InvokeAsync<IReadOnlyList<ChecklistChange>?>(nameof(OnboardingHub.CatchUp), checklistId, since, ct),
            (receive, _) => hub.On<ChecklistChange>(nameof(IChecklistClient.ChecklistChanged), receive));
        var live = new ChecklistLive(source, new ChecklistHubCommands(hub, checklistId));
        hub.Reconnecting += _ =>
        {
            live.Lost();
            return Task.CompletedTask;
        };
        hub.Reconnected += async _ =>
        {
            await hub.InvokeAsync<ChecklistSnapshot>(nameof(OnboardingHub.Join), checklistId);
            await live.RecoverAsync();
        };
        await hub.StartAsync();
        await live.StartAsync();
        return (live, hub);
    }

    /// <summary>A board client of <paramref name="email"/> on <see cref="BoardHub"/>, started; disposing it closes its connection.</summary>
    /// <param name="hear">Which published changes reach the client (a test makes it miss some); all by default.</param>
    public static async Task<BoardLive> BoardAsync(AppFactory app, string email, Guid boardId, bool webSocket = false, Func<BoardChange, bool>? hear = null)
    {
        var hub = await HubClients.ConnectionAsync(app, email, hubPath: BoardHub.Path, webSocket: webSocket);
        var live = BoardHubClient.Over(hub, boardId, hear);
        await hub.StartAsync();
        await live.StartAsync();
        return live;
    }

    /// <summary>A connection of <paramref name="email"/> that joined the network's advice queue; <paramref name="told"/> runs on every signal.</summary>
    public static async Task<HubConnection> AdviceAsync(AppFactory app, string email, Action told)
    {
        var hub = await HubClients.ConnectionAsync(app, email, hubPath: BoardHub.Path);
        hub.On(nameof(IBoardClient.AdviceChanged), told);
        await hub.StartAsync();
        await hub.InvokeAsync(nameof(BoardHub.JoinAdvice));
        return hub;
    }

    private sealed class ChecklistHubCommands(HubConnection hub, Guid checklistId) : IChecklistCommands
    {
        public Task<ChecklistResult> TickAsync(Guid operationId, int step) =>
            hub.InvokeAsync<ChecklistResult>(nameof(OnboardingHub.Tick), checklistId, operationId, step);

        public Task<ChecklistResult> UntickAsync(Guid operationId, int step, string reason) =>
            hub.InvokeAsync<ChecklistResult>(nameof(OnboardingHub.Untick), checklistId, operationId, step, reason);

        public Task<ChecklistResult> CommentAsync(Guid operationId, int step, string text) =>
            hub.InvokeAsync<ChecklistResult>(nameof(OnboardingHub.Comment), checklistId, operationId, step, text);

        public Task<ChecklistResult> SkipAsync(Guid operationId, int step, string reason) =>
            hub.InvokeAsync<ChecklistResult>(nameof(OnboardingHub.Skip), checklistId, operationId, step, reason);

        public Task<ChecklistResult> ReassignAsync(Guid operationId, int step, Guid? personId) =>
            hub.InvokeAsync<ChecklistResult>(nameof(OnboardingHub.Reassign), checklistId, operationId, step, personId);

        public Task<ChecklistResult> RedateAsync(Guid operationId, int step, DateOnly dueOn) =>
            hub.InvokeAsync<ChecklistResult>(nameof(OnboardingHub.Redate), checklistId, operationId, step, dueOn);
    }
}
