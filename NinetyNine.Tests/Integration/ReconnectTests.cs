using Microsoft.AspNetCore.Http.Connections;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Live;
using NinetyNine.Web.Security;
using NinetyNine.Tests.Support;
using static NinetyNine.Tests.Support.HubClients;

namespace NinetyNine.Tests.Integration;

/// <summary>A connection that drops in the middle of a call: what was typed is kept, resent and merged, and what was missed arrives.</summary>
[Collection(AppCollection.Name)]
public sealed class ReconnectTests(AppFactory app)
{
    [Fact]
    public async Task A_client_that_drops_keeps_its_edits_resends_them_after_reconnecting_and_catches_up_on_what_it_missed()
    {
        var meetingId = await NewMeetingAsync(app);
        var network = new NetworkSwitch();
        var hub = await FlakyConnectionAsync(network);
        await using var flaky = AgendaHubClient.Over(hub, meetingId);
        await hub.StartAsync();
        await flaky.StartAsync();
        await using var steady = await AgendaAsync(app, AppFactory.Coordinator, meetingId);
        var item = flaky.Items[2].Id;

        // The line drops. The person keeps working: a retitle and notes, kept as "not saved".
        network.Cut = true;
        await flaky.RetitleItemAsync(item, "Communicatie: nieuwsbrief december");
        await flaky.EditNotesAsync(item, "Tekst aanleveren voor 10 december.");
        await EventuallyAsync(() => hub.State != HubConnectionState.Connected, "the flaky client notices the drop");
        Assert.True(flaky.Unsaved > 0);

        // Meanwhile the others go on.
        await steady.AddItemAsync("Rondvraag");
        await steady.SetPresenterAsync(item, "Bart Brinkers");
        await EventuallyAsync(() => steady.Items.Count == 5 && steady.Items[2].Presenter == "Bart Brinkers", "the others' changes are saved");

        // The line comes back: the client rejoins, catches up and resends.
        network.Cut = false;
        await EventuallyAsync(() => hub.State == HubConnectionState.Connected, "the flaky client reconnects", timeoutMs: 30_000);
        await EventuallyAsync(() => flaky.Unsaved == 0, "everything the flaky client typed is saved (acknowledged)", timeoutMs: 15_000);

        // Acknowledged means stored; the broadcasts may still be on their way. Both clients reach the stored sequence.
        long stored;
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            stored = await LiveCore.SequenceAsync(db, AgendaService.Kind.Name, meetingId, CancellationToken.None);
        }

        await EventuallyAsync(() => flaky.Sequence == stored && steady.Sequence == stored, "both clients are at the stored sequence", timeoutMs: 15_000);

        foreach (var client in new[] { flaky, steady })
        {
            Assert.Equal(5, client.Items.Count);
            Assert.Equal("Communicatie: nieuwsbrief december", client.Items[2].Title);
            Assert.Equal("Bart Brinkers", client.Items[2].Presenter);
            Assert.Equal("Tekst aanleveren voor 10 december.", client.Items[2].Notes);
            Assert.Equal("Rondvraag", client.Items[4].Title);
        }
    }

    /// <summary>A hub connection over a handler that can lose the network, reconnecting after a second.</summary>
    private async Task<HubConnection> FlakyConnectionAsync(NetworkSwitch network)
    {
        var user = (await app.MemberAsync(AppFactory.CoreGroupMember)).User;
        var tickets = app.Services.GetRequiredService<HubTicketAuthentication.HubTickets>();
        return new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, AgendaHub.Path), o =>
            {
                // A handler per connection attempt: the client disposes the previous one when a connection ends.
                o.HttpMessageHandlerFactory = _ => new CuttableHandler(app.Server.CreateHandler(), network);
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(tickets.Issue(user));
            })
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)])
            .Build();
    }

    private sealed class NetworkSwitch
    {
        public volatile bool Cut;
    }

    /// <summary>Fails every request while the network is cut, as a dropped mobile or Wi-Fi connection does.</summary>
    private sealed class CuttableHandler(HttpMessageHandler inner, NetworkSwitch network) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            network.Cut ? throw new HttpRequestException("The network is down.") : base.SendAsync(request, cancellationToken);
    }
}
