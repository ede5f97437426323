using Microsoft.AspNetCore.SignalR.Client;

namespace NinetyNine.Web.Features.Boards;

/// <summary>
/// The lawyers' queue kept current: joins the network's advice group on <see cref="BoardHub"/> (again after every
/// reconnect) and raises <see cref="Changed"/> whenever a question was asked or answered, or after a reconnect, when
/// something may have been missed. The queue itself is read through <see cref="AdviceService"/>.
/// </summary>
public sealed class AdviceConnection : IAsyncDisposable
{
    private readonly HubConnection _hub;

    public AdviceConnection(HubConnection hub)
    {
        _hub = hub;
        _hub.On(nameof(IBoardClient.AdviceChanged), () => Changed?.Invoke());
        _hub.Reconnecting += _ =>
        {
            StateChanged?.Invoke();
            return Task.CompletedTask;
        };
        _hub.Reconnected += async _ =>
        {
            await _hub.InvokeAsync(nameof(BoardHub.JoinAdvice));
            StateChanged?.Invoke();
            Changed?.Invoke();
        };
        _hub.Closed += _ =>
        {
            StateChanged?.Invoke();
            return Task.CompletedTask;
        };
    }

    /// <summary>The queue is to be read again; handlers must be quick.</summary>
    public event Action? Changed;

    /// <summary>The connection's state changed (shown to the person).</summary>
    public event Action? StateChanged;

    public HubConnectionState State => _hub.State;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _hub.StartAsync(cancellationToken);
        await _hub.InvokeAsync(nameof(BoardHub.JoinAdvice), cancellationToken);
        StateChanged?.Invoke();
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();
}
