using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace NinetyNine.Bench;

/// <summary>
/// A hub client that stops reading: a raw WebSocket on a socket with a tiny receive buffer, which does the SignalR
/// handshake, joins the meeting's group and then never reads again, so the server's sends to it back up (kernel
/// buffers, then SignalR's pipe). It keeps sending pings, so the server does not time it out: it is alive, only slow.
/// Disposing it resets the connection, which releases whatever the server was waiting on.
/// </summary>
internal sealed class StalledClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly Socket _socket;
    private readonly WebSocket _webSocket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pings;

    private StalledClient(Socket socket, WebSocket webSocket)
    {
        _socket = socket;
        _webSocket = webSocket;
        _pings = PingAsync();
    }

    /// <summary>
    /// Connects to the hub at <paramref name="hub"/> (http, path and query, e.g. an <c>access_token</c>) with WebSockets,
    /// skipping negotiation, and sends <paramref name="join"/> (a SignalR JSON invocation without an invocation id).
    /// </summary>
    public static async Task<StalledClient> ConnectAsync(Uri hub, string join, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096, NoDelay = true };
        try
        {
            await socket.ConnectAsync(hub.Host, hub.Port, cancellationToken);
            var stream = new NetworkStream(socket, ownsSocket: false);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var request = $"GET {hub.PathAndQuery} HTTP/1.1\r\nHost: {hub.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);

            // Read the upgrade answer up to the blank line, and nothing after it.
            var answer = new StringBuilder();
            var one = new byte[1];
            while (!answer.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(one, cancellationToken) == 0 || answer.Length > 8192)
                {
                    throw new InvalidOperationException("The hub closed the connection during the WebSocket upgrade.");
                }

                answer.Append((char)one[0]);
            }

            var status = answer.ToString().Split("\r\n")[0];
            if (!status.Contains(" 101 ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The hub refused the WebSocket upgrade: {status}");
            }

            var webSocket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
            await SendAsync(webSocket, """{"protocol":"json","version":1}""", cancellationToken);
            await SendAsync(webSocket, join, cancellationToken);
            return new StalledClient(socket, webSocket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _pings;
        }
        catch (Exception)
        {
            // Cancelled, or the server had already dropped the connection: either way it is gone.
        }

        // A reset, not a close handshake: the server gets an error on its pending sends at once.
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
        _webSocket.Dispose();
        _stop.Dispose();
    }

    private static Task SendAsync(WebSocket webSocket, string message, CancellationToken cancellationToken) =>
        webSocket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task PingAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
            await SendAsync(_webSocket, """{"type":6}""", _stop.Token);
        }
    }
}
