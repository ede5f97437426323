using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NinetyNine.Bench;

/// <summary>
/// The baseline: a second Kestrel app on loopback with a bare SignalR hub that broadcasts what it is sent to the
/// group, with no sign-in, no database and no domain. Its messages are padded to the size of the app's broadcast.
/// </summary>
internal sealed class BareHubHost : IFanoutSystem, IAsyncDisposable
{
    private const string Group = "meeting";
    private readonly WebApplication _app;
    private readonly Uri _hubUrl;
    private readonly int _padding;

    private BareHubHost(WebApplication app, int payloadBytes)
    {
        _app = app;
        _hubUrl = new Uri(new Uri(app.Urls.First()), BroadcastHub.Path);
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new BareEdit(Guid.Empty, string.Empty), JsonSerializerOptions.Web).Length;
        _padding = Math.Max(0, payloadBytes - envelope);
    }

    public string Name => "bare";

    public static async Task<BareHubHost> StartAsync(int payloadBytes, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls=http://127.0.0.1:0"] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024);
        var app = builder.Build();
        app.MapHub<BroadcastHub>(BroadcastHub.Path);
        await app.StartAsync(cancellationToken);
        return new BareHubHost(app, payloadBytes);
    }

    public async Task<FanoutClient> ConnectAsync(int index, bool editor, Action<Guid> delivered, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(_hubUrl, o => o.Transports = HttpTransportType.WebSockets)
            .Build();
        connection.On<BareEdit>(BroadcastHub.Method, edit => delivered(edit.OperationId));
        var client = new FanoutClient(connection, SendAsync);
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync(nameof(BroadcastHub.Join), Group, cancellationToken);
        return client;
    }

    public Task<StalledClient> ConnectStalledAsync(CancellationToken cancellationToken) =>
        StalledClient.ConnectAsync(_hubUrl, $$"""{"type":1,"target":"{{nameof(BroadcastHub.Join)}}","arguments":["{{Group}}"]}""", cancellationToken);

    public Task<long?> PersistedAsync(CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<string?> SendAsync(HubConnection connection, Guid operationId, int editor, int number)
    {
        var text = $"e{editor}-{number}";
        await connection.InvokeAsync(nameof(BroadcastHub.Send), Group, new BareEdit(operationId, text.PadRight(_padding, '.')));
        return null;
    }
}

/// <summary>What the bare hub broadcasts: the edit's id and its (padded) text.</summary>
public sealed record BareEdit(Guid OperationId, string Text);

public sealed class BroadcastHub : Hub
{
    public const string Path = "/hubs/bare";
    public const string Method = "m";

    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Send(string group, BareEdit edit) => Clients.Group(group).SendAsync(Method, edit);
}
