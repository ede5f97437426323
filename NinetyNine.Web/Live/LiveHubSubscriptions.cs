using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace NinetyNine.Web.Live;

/// <summary>
/// Feeds hub connections from the <see cref="ILiveFeed"/>: each connection that joined an aggregate is a subscriber with
/// its own bounded queue, so a client that stops reading never holds up the others. When its queue is full the feed drops
/// it and its connection is closed; the client reconnects, joins again and catches up by sequence.
/// </summary>
public sealed class LiveHubSubscriptions(ILiveFeed feed, ILogger<LiveHubSubscriptions> logger)
{
    /// <summary>A hub connection may fall this many changes behind before it is dropped.</summary>
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<(string Type, Guid Id), ILiveSubscription>> _connections = new();

    /// <summary>Sends the aggregate's changes to this connection through <paramref name="send"/> (again after a rejoin: replaced).</summary>
    public void Follow(HubCallerContext connection, string aggregateType, Guid aggregateId, Func<LiveEvent, Task> send)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var subscriptions = _connections.GetOrAdd(connection.ConnectionId, _ => new());
        var subscription = feed.Subscribe(aggregateType, aggregateId, send, () =>
        {
            logger.LogInformation("Closed a hub connection that fell behind on a {Type}", aggregateType);
            connection.Abort();
        }, Capacity);
        if (subscriptions.TryRemove((aggregateType, aggregateId), out var earlier))
        {
            earlier.Dispose();
        }

        subscriptions[(aggregateType, aggregateId)] = subscription;
    }

    /// <summary>No more deliveries of any aggregate of <paramref name="aggregateType"/> to this connection (it moved to another one).</summary>
    public void Unfollow(string connectionId, string aggregateType)
    {
        if (_connections.TryGetValue(connectionId, out var subscriptions))
        {
            foreach (var key in subscriptions.Keys.Where(k => k.Type == aggregateType).ToList())
            {
                if (subscriptions.TryRemove(key, out var subscription))
                {
                    subscription.Dispose();
                }
            }
        }
    }

    /// <summary>The connection is gone: no more deliveries to it.</summary>
    public void Leave(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var subscriptions))
        {
            foreach (var subscription in subscriptions.Values)
            {
                subscription.Dispose();
            }
        }
    }
}
