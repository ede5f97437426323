using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Tests.Support;

/// <summary>Hub clients against the test server, signed in with short-lived hub tickets (as any server-side client).</summary>
public static class HubClients
{
    /// <summary>
    /// A hub connection signed in as <paramref name="email"/>; long polling by default, or one WebSocket that stays open
    /// (<paramref name="webSocket"/>: then only the connection's start is authenticated, as for a browser).
    /// </summary>
    public static async Task<HubConnection> ConnectionAsync(AppFactory app, string email, bool withTicket = true, string hubPath = AgendaHub.Path,
        bool webSocket = false)
    {
        var user = (await app.MemberAsync(email)).User;
        var tickets = app.Services.GetRequiredService<HubTicketAuthentication.HubTickets>();
        var server = app.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, hubPath), o =>
            {
                if (webSocket)
                {
                    o.SkipNegotiation = true;
                    o.Transports = HttpTransportType.WebSockets;
                    o.WebSocketFactory = async (context, cancellationToken) =>
                    {
                        var client = server.CreateWebSocketClient();
                        var ticket = tickets.Issue(user);
                        client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {ticket}";
                        return await client.ConnectAsync(context.Uri, cancellationToken);
                    };
                    return;
                }

                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (withTicket)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(tickets.Issue(user));
                }
            })
            .WithAutomaticReconnect()
            .Build();
    }

    /// <summary>An agenda client of <paramref name="email"/> on <see cref="AgendaHub"/>, started; disposing it closes its connection.</summary>
    public static async Task<AgendaLive> AgendaAsync(AppFactory app, string email, Guid meetingId, bool webSocket = false, Func<AgendaChange, bool>? hear = null)
    {
        var hub = await ConnectionAsync(app, email, webSocket: webSocket);
        var live = AgendaHubClient.Over(hub, meetingId, hear);
        await hub.StartAsync();
        await live.StartAsync();
        return live;
    }

    /// <summary>A fresh planned meeting of the demo network, so tests do not share an agenda.</summary>
    public static async Task<Guid> NewMeetingAsync(AppFactory app, DateTime? startsAt = null)
    {
        var network = await app.NetworkAsync();
        var meeting = Meeting.Schedule(network.Id, startsAt ?? DateTime.Today.AddDays(30).AddHours(8), 60, MeetingMode.Phone, "Inbellen: 053 000 0000", DateTime.Today);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id.Value;
    }

    /// <summary>Waits until a condition over the clients holds (changes arrive asynchronously).</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }
}
