using System.Collections.Concurrent;
using System.Threading.Channels;

namespace NinetyNine.Web.Live;

/// <summary>
/// An accepted change of one aggregate (<see cref="AggregateType"/>, <see cref="AggregateId"/>) with its sequence number
/// (0 for a signal that carries no order, such as "the lawyers' queue changed").
/// </summary>
public sealed record LiveEvent(string AggregateType, Guid AggregateId, long Sequence, object Change);

/// <summary>A subscription to one aggregate's feed; disposing it stops the deliveries.</summary>
public interface ILiveSubscription : IDisposable
{
    /// <summary>True once the feed dropped this subscriber because it did not keep up.</summary>
    bool Dropped { get; }
}

/// <summary>
/// Where accepted changes go out, per aggregate and in sequence order. Publishing never waits for a receiver: each
/// subscriber has its own bounded queue and its own reader, and a subscriber whose queue is full is dropped (its
/// <c>dropped</c> callback runs) and catches up by sequence number when it subscribes again. In memory by default; a
/// second server plugs in another implementation (Redis) behind the same interface.
/// </summary>
public interface ILiveFeed
{
    public const int DefaultCapacity = 256;

    /// <summary>Hands a change to every subscriber's queue; returns at once, whatever the receivers do.</summary>
    void Publish(LiveEvent change);

    /// <summary>Delivers the aggregate's changes to <paramref name="receive"/>, one at a time, in the order published.</summary>
    ILiveSubscription Subscribe(string aggregateType, Guid aggregateId, Func<LiveEvent, Task> receive, Action? dropped = null,
        int capacity = DefaultCapacity);
}

/// <summary>The feed of one server: subscribers in memory.</summary>
public sealed class InMemoryLiveFeed(ILogger<InMemoryLiveFeed> logger) : ILiveFeed
{
    private readonly ConcurrentDictionary<(string Type, Guid Id), Topic> _topics = new();

    public void Publish(LiveEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (_topics.TryGetValue((change.AggregateType, change.AggregateId), out var topic))
        {
            foreach (var subscriber in topic.Subscribers)
            {
                subscriber.Offer(change);
            }
        }
    }

    public ILiveSubscription Subscribe(string aggregateType, Guid aggregateId, Func<LiveEvent, Task> receive, Action? dropped = null,
        int capacity = ILiveFeed.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var topic = _topics.GetOrAdd((aggregateType, aggregateId), _ => new Topic());
        var subscriber = new Subscriber(topic, receive, dropped, capacity, logger);
        topic.Add(subscriber);
        return subscriber;
    }

    private sealed class Topic
    {
        private readonly Lock _sync = new();

        public IReadOnlyList<Subscriber> Subscribers { get; private set; } = [];

        public void Add(Subscriber subscriber)
        {
            lock (_sync)
            {
                Subscribers = [.. Subscribers, subscriber];
            }
        }

        public void Remove(Subscriber subscriber)
        {
            lock (_sync)
            {
                Subscribers = [.. Subscribers.Where(s => !ReferenceEquals(s, subscriber))];
            }
        }
    }

    private sealed class Subscriber : ILiveSubscription
    {
        private readonly Topic _topic;
        private readonly Channel<LiveEvent> _queue;
        private readonly Action? _dropped;
        private readonly CancellationTokenSource _stop = new();
        private int _closed;

        public Subscriber(Topic topic, Func<LiveEvent, Task> receive, Action? dropped, int capacity, ILogger logger)
        {
            _topic = topic;
            _dropped = dropped;
            _queue = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(Math.Max(1, capacity))
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait, // TryWrite says "full" instead of waiting or losing a change silently.
            });
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var change in _queue.Reader.ReadAllAsync(_stop.Token))
                    {
                        try
                        {
                            await receive(change);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            logger.LogWarning(e, "A live subscriber failed on a change of {Type}", change.AggregateType);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // Disposed.
                }
            });
        }

        public bool Dropped { get; private set; }

        public void Offer(LiveEvent change)
        {
            if (!_queue.Writer.TryWrite(change) && Interlocked.Exchange(ref _closed, 1) == 0)
            {
                // Too far behind: stop queueing for it; it catches up by sequence when it comes back.
                Dropped = true;
                _topic.Remove(this);
                _queue.Writer.TryComplete();
                if (_dropped is { } dropped)
                {
                    ThreadPool.QueueUserWorkItem(_ => dropped());
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                _topic.Remove(this);
                _queue.Writer.TryComplete();
            }

            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
