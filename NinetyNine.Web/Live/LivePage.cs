namespace NinetyNine.Web.Live;

/// <summary>What a page needs of its live state to start it.</summary>
public interface ILiveClient
{
    event Action<IReadOnlyCollection<Guid>>? Changed;

    Task StartAsync(CancellationToken cancellationToken = default);
}

/// <summary>The one way a page starts its live state.</summary>
public static class LivePage
{
    /// <summary>
    /// Starts <paramref name="live"/> for a page: <paramref name="render"/> runs after every change (the page passes its
    /// own <c>InvokeAsync(StateHasChanged)</c>), <paramref name="startFailed"/> when it could not start. Refusals of the
    /// page's own commands come back as results, where the page shows them.
    /// </summary>
    public static async Task<TLive> StartLive<TLive>(this TLive live, Func<Task> render, Action startFailed)
        where TLive : ILiveClient
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(render);
        ArgumentNullException.ThrowIfNull(startFailed);
        live.Changed += _ => render();
        try
        {
            await live.StartAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or Microsoft.AspNetCore.SignalR.HubException)
        {
            startFailed();
        }

        await render();
        return live;
    }
}
