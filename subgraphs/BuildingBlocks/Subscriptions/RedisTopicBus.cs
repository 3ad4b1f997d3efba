using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GoShop.BuildingBlocks.Subscriptions;

/// <summary>
/// <see cref="ITopicBus"/> over Redis pub/sub. One Redis subscription per topic and process, however many local
/// subscribers it has; messages of a topic are handled one at a time, in order.
/// </summary>
internal sealed class RedisTopicBus(IConnectionMultiplexer redis, ILogger<RedisTopicBus> logger) : ITopicBus, IDisposable
{
    private readonly IConnectionMultiplexer _redis = redis;
    private readonly ILogger _logger = logger;

    private const string ChannelPrefix = "goshop:topic:";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, Topic> _topics = new();

    public async Task PublishAsync<T>(string topic, T message, CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        await _redis.GetSubscriber().PublishAsync(Channel(topic), payload).WaitAsync(cancellationToken);
    }

    public async Task<IObservable<T>> ObserveAsync<T>(string topic, CancellationToken cancellationToken = default)
    {
        var reserved = Reserve(topic);
        try
        {
            await reserved.Live.WaitAsync(cancellationToken);
        }
        catch
        {
            reserved.Release();
            throw;
        }
        return new TopicObservable<T>(this, topic, reserved);
    }

    public void Dispose()
    {
        foreach (var topic in _topics.Values)
            topic.CompleteAll();
    }

    private static RedisChannel Channel(string topic) => RedisChannel.Literal(ChannelPrefix + topic);

    private Topic Reserve(string name)
    {
        while (true)
        {
            var topic = _topics.GetOrAdd(name, n => new Topic(this, n));
            if (topic.TryReserve())
                return topic;
            // The topic was being torn down by its last subscriber; start a fresh one.
            _topics.TryRemove(new KeyValuePair<string, Topic>(name, topic));
        }
    }

    /// <summary>
    /// One Redis subscription shared by the local subscribers of a topic. Observers hold it open from
    /// <see cref="ObserveAsync{T}"/> (a reservation) until they unsubscribe; the last one out unsubscribes from Redis.
    /// </summary>
    private sealed class Topic(RedisTopicBus bus, string name)
    {
        private readonly Lock _gate = new();
        private readonly List<Subscriber> _subscribers = [];
        private Task? _live;
        private ChannelMessageQueue? _queue;
        private int _reservations;
        private bool _closed;

        /// <summary>Completes when Redis has confirmed the subscription (faults when it could not).</summary>
        public Task Live => _live!;

        public bool TryReserve()
        {
            lock (_gate)
            {
                if (_closed)
                    return false;
                _reservations++;
                if (_live is null)
                {
                    // The topic outlives the request that opened it: its message loop must not carry that request's
                    // execution context (its HttpContext and user) to every later subscriber's events.
                    using (ExecutionContext.SuppressFlow())
                        _live = Task.Run(SubscribeAsync);
                }
                return true;
            }
        }

        private async Task SubscribeAsync()
        {
            try
            {
                var queue = await bus._redis.GetSubscriber().SubscribeAsync(Channel(name));
                queue.OnMessage(Dispatch);
                bool abandoned;
                lock (_gate)
                {
                    abandoned = _closed;
                    if (!abandoned)
                        _queue = queue;
                }
                // Everyone left while Redis was confirming: nobody is there to unsubscribe but us.
                if (abandoned)
                    await UnsubscribeAsync(queue);
            }
            catch
            {
                // Nobody can use a topic Redis refused: the next subscriber starts afresh.
                lock (_gate)
                    _closed = true;
                bus._topics.TryRemove(new KeyValuePair<string, Topic>(name, this));
                throw;
            }
        }

        /// <summary>Turns a reservation into a subscriber.</summary>
        public IDisposable Attach(Action<ReadOnlyMemory<byte>> deliver, Action complete)
        {
            var subscriber = new Subscriber(deliver, complete);
            lock (_gate)
            {
                _reservations--;
                _subscribers.Add(subscriber);
            }
            return new Detach(() => Leave(subscriber));
        }

        /// <summary>A reservation given up before anyone subscribed.</summary>
        public void Release() => Leave(null);

        public void CompleteAll()
        {
            Subscriber[] subscribers;
            lock (_gate)
            {
                subscribers = [.. _subscribers];
                _subscribers.Clear();
            }
            foreach (var subscriber in subscribers)
                subscriber.Complete();
        }

        private void Dispatch(ChannelMessage message)
        {
            Subscriber[] subscribers;
            lock (_gate)
                subscribers = [.. _subscribers];
            var payload = (ReadOnlyMemory<byte>)(byte[])message.Message!;
            foreach (var subscriber in subscribers)
            {
                try
                {
                    subscriber.Deliver(payload);
                }
                catch (Exception ex)
                {
                    bus._logger.LogError(ex, "A subscriber of topic {Topic} failed on a message", name);
                }
            }
        }

        private void Leave(Subscriber? subscriber)
        {
            ChannelMessageQueue? toClose;
            lock (_gate)
            {
                if (subscriber is null)
                    _reservations--;
                else if (!_subscribers.Remove(subscriber))
                    return;
                if (_subscribers.Count > 0 || _reservations > 0 || _closed)
                    return;
                _closed = true;
                toClose = _queue;
                _queue = null;
            }
            bus._topics.TryRemove(new KeyValuePair<string, Topic>(name, this));
            if (toClose is not null)
                _ = UnsubscribeAsync(toClose);
        }

        private async Task UnsubscribeAsync(ChannelMessageQueue queue)
        {
            try
            {
                await queue.UnsubscribeAsync();
            }
            catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
            {
                bus._logger.LogWarning(ex, "Could not unsubscribe from topic {Topic}", name);
            }
        }
    }

    private sealed record Subscriber(Action<ReadOnlyMemory<byte>> Deliver, Action Complete);

    private sealed class Detach(Action action) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                action();
        }
    }

    /// <summary>The answer of <see cref="ObserveAsync{T}"/>: holds the topic's reservation until its one observer subscribes.</summary>
    private sealed class TopicObservable<T>(RedisTopicBus bus, string topic, Topic reserved) : IObservable<T>
    {
        private int _subscribed;

        public IDisposable Subscribe(IObserver<T> observer)
        {
            if (Interlocked.Exchange(ref _subscribed, 1) == 1)
                throw new InvalidOperationException("A topic observable takes one observer; call ObserveAsync again for another.");
            return reserved.Attach(
                payload =>
                {
                    T? message;
                    try
                    {
                        message = JsonSerializer.Deserialize<T>(payload.Span, Json);
                    }
                    catch (JsonException ex)
                    {
                        bus._logger.LogError(ex, "A message on topic {Topic} is not a {Type}", topic, typeof(T).Name);
                        return;
                    }
                    if (message is not null)
                        observer.OnNext(message);
                },
                observer.OnCompleted);
        }
    }
}
