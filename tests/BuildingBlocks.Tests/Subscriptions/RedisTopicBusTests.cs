using GoShop.BuildingBlocks.Subscriptions;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.BuildingBlocks.Tests.TestSubgraph;
using GoShop.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace GoShop.BuildingBlocks.Tests.Subscriptions;

/// <summary>
/// RedisTopicBus on two connections, as two instances of a subgraph have: a message published on either reaches
/// every subscriber of the topic on both.
/// </summary>
public sealed class RedisTopicBusTests : IAsyncLifetime
{
    private readonly string _topic = "bbtest-" + Guid.NewGuid().ToString("N");
    private ConnectionMultiplexer _redisA = null!;
    private ConnectionMultiplexer _redisB = null!;
    private RedisTopicBus _instanceA = null!;
    private RedisTopicBus _instanceB = null!;

    public async Task InitializeAsync()
    {
        _redisA = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        _redisB = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        _instanceA = new RedisTopicBus(_redisA, NullLogger<RedisTopicBus>.Instance);
        _instanceB = new RedisTopicBus(_redisB, NullLogger<RedisTopicBus>.Instance);
    }

    public async Task DisposeAsync()
    {
        _instanceA.Dispose();
        _instanceB.Dispose();
        await _redisA.DisposeAsync();
        await _redisB.DisposeAsync();
    }

    [Fact]
    public async Task Message_published_on_one_instance_reaches_a_subscriber_on_another()
    {
        var observer = new RecordingObserver<Notice>();
        using var subscription = (await _instanceB.ObserveAsync<Notice>(_topic)).Subscribe(observer);

        await _instanceA.PublishAsync(_topic + "-elsewhere", new Notice(0, "another topic"));
        await _instanceA.PublishAsync(_topic, new Notice(1, "across instances"));

        Assert.Equal(new Notice(1, "across instances"), await observer.NextAsync());
    }

    [Fact]
    public async Task Two_observers_of_one_topic_both_get_each_message_in_order()
    {
        var first = new RecordingObserver<Notice>();
        var second = new RecordingObserver<Notice>();
        using var firstSubscription = (await _instanceB.ObserveAsync<Notice>(_topic)).Subscribe(first);
        using var secondSubscription = (await _instanceB.ObserveAsync<Notice>(_topic)).Subscribe(second);

        for (var sequence = 1; sequence <= 3; sequence++)
            await _instanceA.PublishAsync(_topic, new Notice(sequence, "to both"));

        foreach (var observer in new[] { first, second })
        {
            Assert.Equal(1, (await observer.NextAsync()).Sequence);
            Assert.Equal(2, (await observer.NextAsync()).Sequence);
            Assert.Equal(3, (await observer.NextAsync()).Sequence);
        }
    }

    [Fact]
    public async Task One_redis_subscription_serves_every_local_observer_and_goes_with_the_last_of_them()
    {
        var first = new RecordingObserver<Notice>();
        var second = new RecordingObserver<Notice>();
        var firstSubscription = (await _instanceB.ObserveAsync<Notice>(_topic)).Subscribe(first);
        var secondSubscription = (await _instanceB.ObserveAsync<Notice>(_topic)).Subscribe(second);

        Assert.Equal(1, await RedisSubscribersAsync());

        firstSubscription.Dispose();
        await _instanceA.PublishAsync(_topic, new Notice(1, "only the second hears this"));
        Assert.Equal(1, (await second.NextAsync()).Sequence);
        Assert.Equal(1, await RedisSubscribersAsync());
        Assert.Empty(first.Received());

        secondSubscription.Dispose();
        Assert.Equal(0, await Eventually.ReturnsAsync(RedisSubscribersAsync, count => count == 0));

        // The topic can be observed again afterwards.
        var third = new RecordingObserver<Notice>();
        using var thirdSubscription = (await _instanceB.ObserveAsync<Notice>(_topic)).Subscribe(third);
        Assert.Equal(1, await RedisSubscribersAsync());
        await _instanceA.PublishAsync(_topic, new Notice(2, "welcome back"));
        Assert.Equal(2, (await third.NextAsync()).Sequence);
    }

    [Fact]
    public async Task A_burst_of_observers_of_one_topic_all_go_live_and_hear_the_next_message()
    {
        // A thousand phones opening the same order at once once timed out in Redis' SUBSCRIBE: each waited for the
        // topic on a blocked thread-pool thread, and the pool starved. Waiting is asynchronous now.
        var observers = Enumerable.Range(0, 300).Select(_ => new RecordingObserver<Notice>()).ToList();
        var subscriptions = await Task.WhenAll(observers.Select(async observer =>
            (await Task.Run(() => _instanceB.ObserveAsync<Notice>(_topic))).Subscribe(observer)));

        await _instanceA.PublishAsync(_topic, new Notice(1, "to everyone"));

        foreach (var observer in observers)
            Assert.Equal(1, (await observer.NextAsync()).Sequence);
        Assert.Equal(1, await RedisSubscribersAsync());
        foreach (var subscription in subscriptions)
            subscription.Dispose();
        Assert.Equal(0, await Eventually.ReturnsAsync(RedisSubscribersAsync, count => count == 0));
    }

    [Fact]
    public async Task Disposing_the_bus_completes_its_observers()
    {
        var observer = new RecordingObserver<Notice>();
        using var subscription = (await _instanceB.ObserveAsync<Notice>(_topic)).Subscribe(observer);

        _instanceB.Dispose();

        Assert.True(observer.Completed);
        await Assert.ThrowsAnyAsync<System.Threading.Channels.ChannelClosedException>(() => observer.NextAsync());
    }

    /// <summary>How many Redis connections subscribe to the topic's channel (PUBSUB NUMSUB).</summary>
    private async Task<long> RedisSubscribersAsync()
    {
        var reply = (RedisResult[])(await _redisA.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", "goshop:topic:" + _topic))!;
        return (long)reply[1];
    }
}
