using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace NinetyNine.Web.Features.Onboarding;

/// <summary>
/// A client of <see cref="OnboardingHub"/> holding one checklist: keeps the newest state it received (a late, older
/// broadcast never replaces a newer one) and joins again after a reconnect to catch up. The Blazor checklist page uses
/// it; so do the tests.
/// </summary>
public sealed class ChecklistConnection : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly Guid _checklistId;
    private readonly Lock _sync = new();

    public ChecklistConnection(HubConnection hub, Guid checklistId)
    {
        _hub = hub;
        _checklistId = checklistId;
        _hub.On<ChecklistSnapshot>(nameof(IChecklistClient.ChecklistChanged), Receive);
        _hub.Reconnecting += _ => Notify();
        _hub.Reconnected += async _ =>
        {
            try
            {
                Receive(await _hub.InvokeAsync<ChecklistSnapshot>(nameof(OnboardingHub.Join), _checklistId));
            }
            catch (HubException e)
            {
                Refused?.Invoke(e.Message);
            }
        };
        _hub.Closed += _ => Notify();
    }

    /// <summary>Raised after any change of state; handlers must be quick (a Blazor page re-renders).</summary>
    public event Action? Changed;

    /// <summary>Raised when the server refused something this client asked for, with the reason.</summary>
    public event Action<string>? Refused;

    public ChecklistSnapshot? Checklist { get; private set; }

    public HubConnectionState State => _hub.State;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _hub.StartAsync(cancellationToken);
        Receive(await _hub.InvokeAsync<ChecklistSnapshot>(nameof(OnboardingHub.Join), _checklistId, cancellationToken));
    }

    public Task<ChecklistResult> TickAsync(int step) => SendAsync(new ChecklistCommand(_checklistId, ChecklistCommandKind.Tick, step));

    public Task<ChecklistResult> UntickAsync(int step, string reason) => SendAsync(new ChecklistCommand(_checklistId, ChecklistCommandKind.Untick, step, reason));

    public Task<ChecklistResult> SkipAsync(int step, string reason) => SendAsync(new ChecklistCommand(_checklistId, ChecklistCommandKind.Skip, step, reason));

    public Task<ChecklistResult> CommentAsync(int step, string text) => SendAsync(new ChecklistCommand(_checklistId, ChecklistCommandKind.Comment, step, text));

    public Task<ChecklistResult> ReassignAsync(int step, Guid? person) => SendAsync(new ChecklistCommand(_checklistId, ChecklistCommandKind.Reassign, step, PersonId: person));

    public Task<ChecklistResult> RedateAsync(int step, DateOnly due) => SendAsync(new ChecklistCommand(_checklistId, ChecklistCommandKind.Redate, step, DueOn: due));

    /// <summary>Sends a change; the new state arrives as a broadcast, a refusal also through <see cref="Refused"/>.</summary>
    public async Task<ChecklistResult> SendAsync(ChecklistCommand command)
    {
        ChecklistResult result;
        try
        {
            result = await _hub.InvokeAsync<ChecklistResult>(nameof(OnboardingHub.Submit), command);
        }
        catch (Exception e) when (e is InvalidOperationException or HubException or HttpRequestException or System.Net.WebSockets.WebSocketException)
        {
            // Not connected: nothing was changed; the page says so and the person can try again once reconnected.
            result = ChecklistResult.Refused(e is HubException ? e.Message : Domain.Common.Text.Get("Live.NotConnected"));
        }

        if (!result.Accepted)
        {
            Refused?.Invoke(result.Error ?? string.Empty);
        }

        return result;
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private void Receive(ChecklistSnapshot snapshot)
    {
        lock (_sync)
        {
            if (Checklist is not null && snapshot.Version < Checklist.Version)
            {
                return;
            }

            Checklist = snapshot;
        }

        Changed?.Invoke();
    }

    private Task Notify()
    {
        Changed?.Invoke();
        return Task.CompletedTask;
    }
}
