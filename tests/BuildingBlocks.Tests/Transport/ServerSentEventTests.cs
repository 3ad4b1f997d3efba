using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GoShop.BuildingBlocks.Subscriptions;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.BuildingBlocks.Tests.TestSubgraph;
using GoShop.Testing;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace GoShop.BuildingBlocks.Tests.Transport;

/// <summary>GraphQL over Server-Sent Events: single results, subscriptions on the topic bus, keep-alives and shutdown.</summary>
public sealed class ServerSentEventTests(BuildingBlocksApp app) : IClassFixture<BuildingBlocksApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private const string NoticesSubscription = "subscription Notices($topic: String!) { notices(topic: $topic) { sequence text } }";

    [Fact]
    public async Task Query_asked_for_as_an_event_stream_answers_one_next_then_complete()
    {
        using var response = await ServerSentEvents.SubscribeAsync(app.Http(), "{ hello }", accessToken: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await ReadToEndAsync(response);
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.Equal("Hello, world!", Data(events[0]).GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Subscription_delivers_the_messages_published_after_the_stream_opened_in_order()
    {
        var topic = "notices-" + Guid.NewGuid().ToString("N");
        var topics = app.Service<ITopicBus>();
        await topics.PublishAsync(topic, new Notice(0, "before anyone listened"));

        using var response = await ServerSentEvents.SubscribeAsync(app.Http(), NoticesSubscription, accessToken: null, new { topic });
        for (var sequence = 1; sequence <= 5; sequence++)
            await topics.PublishAsync(topic, new Notice(sequence, $"notice {sequence}"));

        var events = await TakeAsync(response, 5);
        Assert.All(events, e => Assert.Equal("next", e.Event));
        Assert.Equal([1, 2, 3, 4, 5], events.Select(e => Data(e).GetProperty("notices").GetProperty("sequence").GetInt32()));
        Assert.Equal("notice 1", Data(events[0]).GetProperty("notices").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Each_subscriber_resolves_the_events_of_a_shared_topic_as_themselves()
    {
        var topic = "readers-" + Guid.NewGuid().ToString("N");
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        const string query = "subscription($topic: String!) { privateNotices(topic: $topic) { sequence readBy } }";
        // The first subscriber opens the topic's Redis subscription; the second joins it.
        using var firstStream = await ServerSentEvents.SubscribeAsync(app.Http(), query, app.Tokens.Issue(first, ["BUYER"]), new { topic });
        using var secondStream = await ServerSentEvents.SubscribeAsync(app.Http(), query, app.Tokens.Issue(second, ["BUYER"]), new { topic });

        await app.Service<ITopicBus>().PublishAsync(topic, new Notice(1, "for each their own"));

        var seenByFirst = Data((await TakeAsync(firstStream, 1))[0]).GetProperty("privateNotices");
        var seenBySecond = Data((await TakeAsync(secondStream, 1))[0]).GetProperty("privateNotices");
        Assert.Equal(first.ToString(), seenByFirst.GetProperty("readBy").GetString());
        Assert.Equal(second.ToString(), seenBySecond.GetProperty("readBy").GetString());
    }

    [Fact]
    public async Task Subscription_over_get_is_streamed_as_the_gateway_asks_for_it()
    {
        var topic = "notices-" + Guid.NewGuid().ToString("N");
        using var request = HttpRequests.Get(NoticesSubscription, JsonSerializer.Serialize(new { topic }), accept: "text/event-stream");

        using var response = await app.Http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await app.Service<ITopicBus>().PublishAsync(topic, new Notice(1, "over GET"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var next = Assert.Single(await TakeAsync(response, 1));
        Assert.Equal("over GET", Data(next).GetProperty("notices").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Idle_stream_sends_keep_alive_comments()
    {
        var topic = "quiet-" + Guid.NewGuid().ToString("N");
        using var response = await ServerSentEvents.SubscribeAsync(app.Http(), NoticesSubscription, accessToken: null, new { topic });
        using var timeout = new CancellationTokenSource(Patience);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var clock = Stopwatch.StartNew();

        var comments = 0;
        while (comments < 2 && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            Assert.DoesNotContain("event:", line, StringComparison.Ordinal);
            if (line.StartsWith(':'))
                comments++;
        }

        Assert.Equal(2, comments);
        // KeepAliveSeconds is 1 in the test host: two comments take about two seconds, not a burst.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), Patience);
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task Subscription_requested_without_an_event_stream_is_refused_with_400(string accept)
    {
        using var request = HttpRequests.PostQuery(NoticesSubscription, new { topic = "refused" }, accept);

        using var response = await app.Http().SendAsync(request);
        var body = await GraphQLResponse.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text/event-stream", Assert.Single(body.Errors).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protected_subscription_without_a_token_answers_UNAUTHENTICATED_and_completes()
    {
        using var response = await ServerSentEvents.SubscribeAsync(app.Http(),
            "subscription($topic: String!) { privateNotices(topic: $topic) { sequence } }", accessToken: null, new { topic = "private" });

        var events = await ReadToEndAsync(response);

        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        var errors = JsonDocument.Parse(events[0].Data).RootElement.GetProperty("errors");
        Assert.Equal("UNAUTHENTICATED", errors[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Client_that_goes_away_is_unsubscribed_from_its_topic()
    {
        var topic = "leaving-" + Guid.NewGuid().ToString("N");
        var redis = app.Service<IConnectionMultiplexer>();
        async Task<long> SubscribersAsync() =>
            (long)((RedisResult[])(await redis.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", "goshop:topic:" + topic))!)[1];
        var response = await ServerSentEvents.SubscribeAsync(app.Http(), NoticesSubscription, accessToken: null, new { topic });
        Assert.Equal(1, await SubscribersAsync());

        response.Dispose();

        Assert.Equal(0, await Eventually.ReturnsAsync(SubscribersAsync, count => count == 0));
    }

    [Fact]
    public async Task Batch_cannot_be_streamed()
    {
        using var request = HttpRequests.Post("""[{"query":"{ hello }"},{"query":"{ hello }"}]""", accept: "text/event-stream");

        using var response = await app.Http().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["BAD_REQUEST"], (await GraphQLResponse.ReadAsync(response)).ErrorCodes);
    }

    [Fact]
    public async Task Stopping_the_application_ends_open_streams_with_complete_promptly()
    {
        var host = new BuildingBlocksApp();
        await host.InitializeAsync();
        try
        {
            using var first = await ServerSentEvents.SubscribeAsync(host.Http(), NoticesSubscription, accessToken: null, new { topic = "stop-a" });
            using var second = await ServerSentEvents.SubscribeAsync(host.Http(), NoticesSubscription, accessToken: null, new { topic = "stop-b" });
            var clock = Stopwatch.StartNew();

            host.Service<IHostApplicationLifetime>().StopApplication();

            Assert.Equal("complete", (await ReadToEndAsync(first)).Last().Event);
            Assert.Equal("complete", (await ReadToEndAsync(second)).Last().Event);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        }
        finally
        {
            await host.DisposeAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    private static JsonElement Data(ServerSentEvent next) => JsonDocument.Parse(next.Data).RootElement.GetProperty("data");

    private static async Task<List<ServerSentEvent>> ReadToEndAsync(HttpResponseMessage response)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var events = new List<ServerSentEvent>();
        await foreach (var e in ServerSentEvents.ReadAsync(response, timeout.Token))
            events.Add(e);
        return events;
    }

    private static async Task<List<ServerSentEvent>> TakeAsync(HttpResponseMessage response, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var events = new List<ServerSentEvent>();
        await foreach (var e in ServerSentEvents.ReadAsync(response, timeout.Token))
        {
            events.Add(e);
            if (events.Count == count)
                break;
        }
        return events;
    }
}
