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

    public IObservable<T> Observe<T>(string topic) => new TopicObservable<T>(this, topic);

    public void Dispose()
    {
        foreach (var topic in _topics.Values)
            topic.CompleteAll();
    }

    private static RedisChannel Channel(string topic) => RedisChannel.Literal(ChannelPrefix + topic);

    private IDisposable Attach(string name, Action<ReadOnlyMemory<byte>> deliver, Action complete)
    {
        while (true)
        {
            var topic = _topics.GetOrAdd(name, n => new Topic(this, n));
            if (topic.TryAttach(deliver, complete, out var detach))
                return detach;
            // The topic was being torn down by its last subscriber; start a fresh one.
            _topics.TryRemove(new KeyValuePair<string, Topic>(name, topic));
        }
    }

    private sealed class Topic(RedisTopicBus bus, string name)
    {
        private readonly Lock _gate = new();
        private readonly List<Subscriber> _subscribers = [];
        private ChannelMessageQueue? _queue;
        private bool _closed;

        public bool TryAttach(Action<ReadOnlyMemory<byte>> deliver, Action complete, out IDisposable detach)
        {
            var subscriber = new Subscriber(deliver, complete);
            lock (_gate)
            {
                detach = null!;
                if (_closed)
                    return false;
                if (_queue is null)
                {
                    // The topic outlives the request that opened it: its message loop must not carry that request's
                    // execution context (its HttpContext and user) to every later subscriber's events.
                    using (ExecutionContext.SuppressFlow())
                    {
                        // Blocks until Redis confirms the subscription (well under a millisecond on loopback).
                        _queue = bus._redis.GetSubscriber().Subscribe(Channel(name));
                        _queue.OnMessage(Dispatch);
                    }
                }
                _subscribers.Add(subscriber);
            }
            detach = new Detach(() => Remove(subscriber));
            return true;
        }

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

        private void Remove(Subscriber subscriber)
        {
            ChannelMessageQueue? toClose = null;
            lock (_gate)
            {
                if (!_subscribers.Remove(subscriber) || _subscribers.Count > 0)
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

    private sealed class TopicObservable<T>(RedisTopicBus bus, string topic) : IObservable<T>
    {
        public IDisposable Subscribe(IObserver<T> observer) =>
            bus.Attach(
                topic,
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
