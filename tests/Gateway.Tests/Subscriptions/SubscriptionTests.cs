using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Gateway.Tests.Subscriptions;

/// <summary>
/// Subscriptions through the gateway: the owning subgraph's SSE stream, each event completed with another
/// subgraph's entity fields, served over SSE and graphql-transport-ws, shared by identical subscribers.
/// Each test follows a product of its own, so their streams never meet.
/// </summary>
public sealed class SubscriptionTests(SubscriptionGateway gateway) : IClassFixture<SubscriptionGateway>
{
    private const string ReviewAdded = "subscription($productId: ID!) { reviewAdded(productId: $productId) { id body product { id name } } }";
    private const string Token = "Bearer buyer";

    [Fact]
    public async Task An_SSE_subscription_receives_each_event_with_the_other_subgraphs_field_resolved()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await SubscribeOverSseAsync("sse-1", Token, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        gateway.Reviews.Publish("sse-1", "r1", "Vải mát, may khéo.");
        gateway.Reviews.Publish("sse-1", "r2", "Giao nhanh.");
        gateway.Reviews.Complete("sse-1");

        var events = new List<ServerSentEvent>();
        await foreach (var message in ServerSentEvents.ReadAsync(response, timeout.Token))
            events.Add(message);
        Assert.Equal(["next", "next", "complete"], events.Select(e => e.Event));
        Assert.Equal(
            """{"data":{"reviewAdded":{"id":"r1","body":"Vải mát, may khéo.","product":{"id":"sse-1","name":"Áo dài sse-1"}}}}""",
            events[0].Data);
        Assert.Equal("r2", ReviewOf(events[1].Data).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_graphql_transport_ws_subscription_receives_each_event_with_the_other_subgraphs_field_resolved()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var socket = await GraphQLWebSocket.ConnectAsync(gateway.Url.WebSocket(), "buyer", timeout.Token);
        await socket.SubscribeAsync("reviews", ReviewAdded, new { productId = "ws-1" }, timeout.Token);
        await UpstreamOpenAsync("ws-1", 1);

        gateway.Reviews.Publish("ws-1", "r1", "Đúng như hình.");
        var next = await socket.ReceiveAsync(timeout.Token);
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("reviews", next.GetProperty("id").GetString());
        var review = next.GetProperty("payload").GetProperty("data").GetProperty("reviewAdded");
        Assert.Equal("Đúng như hình.", review.GetProperty("body").GetString());
        Assert.Equal("Áo dài ws-1", review.GetProperty("product").GetProperty("name").GetString());

        gateway.Reviews.Complete("ws-1");
        var complete = await socket.ReceiveAsync(timeout.Token);
        Assert.Equal("complete", complete.GetProperty("type").GetString());
        Assert.Equal("reviews", complete.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_client_completing_over_WebSocket_closes_the_upstream_stream()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var socket = await GraphQLWebSocket.ConnectAsync(gateway.Url.WebSocket(), "buyer", timeout.Token);
        await socket.SubscribeAsync("reviews", ReviewAdded, new { productId = "ws-complete" }, timeout.Token);
        await UpstreamOpenAsync("ws-complete", 1);

        await socket.CompleteAsync("reviews", timeout.Token);

        await UpstreamOpenAsync("ws-complete", 0);
    }

    [Fact]
    public async Task A_query_over_WebSocket_answers_one_next_then_complete_and_an_invalid_one_an_error()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var socket = await GraphQLWebSocket.ConnectAsync(gateway.Url.WebSocket(), "buyer", timeout.Token);

        await socket.SubscribeAsync("typename", "{ __typename }", null, timeout.Token);
        var next = await socket.ReceiveAsync(timeout.Token);
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("Query", next.GetProperty("payload").GetProperty("data").GetProperty("__typename").GetString());
        Assert.Equal("complete", (await socket.ReceiveAsync(timeout.Token)).GetProperty("type").GetString());

        await socket.SubscribeAsync("invalid", "subscription { reviewAdded(productId: \"x\") { nope } }", null, timeout.Token);
        var error = await socket.ReceiveAsync(timeout.Token);
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("invalid", error.GetProperty("id").GetString());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_token_of_connection_init_is_forwarded_to_subgraphs_for_the_sockets_operations()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var socket = await GraphQLWebSocket.ConnectAsync(gateway.Url.WebSocket(), "socket-token", timeout.Token);

        await socket.SubscribeAsync("q", "{ product(id: \"p\") { name } }", null, timeout.Token);

        var next = await socket.ReceiveAsync(timeout.Token);
        Assert.Equal("Áo dài p", next.GetProperty("payload").GetProperty("data").GetProperty("product").GetProperty("name").GetString());
        Assert.Equal("Bearer socket-token", gateway.Catalog.LastAuthorization);
    }

    [Fact]
    public async Task Identical_subscribers_share_one_upstream_stream_and_each_event_is_resolved_once()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var first = await SubscribeOverSseAsync("shared", Token, timeout.Token);
        using var second = await SubscribeOverSseAsync("shared", Token, timeout.Token);
        await using var socket = await GraphQLWebSocket.ConnectAsync(gateway.Url.WebSocket(), "buyer", timeout.Token);
        await socket.SubscribeAsync("same", ReviewAdded, new { productId = "shared" }, timeout.Token);
        // Another token is another subscriber as far as the subgraph knows: it gets a stream of its own.
        using var other = await SubscribeOverSseAsync("shared", "Bearer seller", timeout.Token);
        await Eventually.HoldsAsync(() => Task.FromResult(gateway.Hub.Subscribers == 4), "the WebSocket subscriber to join", TimeSpan.FromSeconds(10));
        Assert.Equal(2, gateway.Reviews.SubscriptionsFor("shared"));
        Assert.Equal(2, gateway.Reviews.OpenStreamsFor("shared"));

        var entityRequestsBefore = gateway.Catalog.EntityRequests;
        gateway.Reviews.Publish("shared", "r1", "Một lần cho mọi người.");
        var streams = new[] { first, second, other }
            .Select(response => ServerSentEvents.ReadAsync(response, timeout.Token).GetAsyncEnumerator(timeout.Token))
            .ToList();
        foreach (var events in streams)
        {
            Assert.True(await events.MoveNextAsync());
            Assert.Equal("Áo dài shared", ReviewOf(events.Current.Data).GetProperty("product").GetProperty("name").GetString());
        }
        var overSocket = await socket.ReceiveAsync(timeout.Token);
        Assert.Equal("r1", overSocket.GetProperty("payload").GetProperty("data").GetProperty("reviewAdded").GetProperty("id").GetString());
        // One upstream per token, each event completed once per upstream: two entity fetches for four subscribers.
        Assert.Equal(2, gateway.Catalog.EntityRequests - entityRequestsBefore);

        // The shared stream stays while anyone listens, and closes when the last one leaves.
        await streams[0].DisposeAsync();
        await streams[1].DisposeAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(gateway.Hub.Subscribers == 2), "the SSE subscribers to leave", TimeSpan.FromSeconds(10));
        Assert.Equal(2, gateway.Reviews.OpenStreamsFor("shared"));
        await socket.CompleteAsync("same", timeout.Token);
        await streams[2].DisposeAsync();
        await UpstreamOpenAsync("shared", 0);
    }

    [Fact]
    public async Task A_late_subscriber_gets_the_latest_event_of_a_shared_current_state_stream_and_only_new_events_of_others()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        const string Latest = "subscription($productId: ID!) { latestReview(productId: $productId) { id } }";
        foreach (var (query, lateFirst) in new[] { (Latest, "r1"), (ReviewAdded, "r2") })
        {
            var productId = "late-" + lateFirst;
            using var early = await SubscribeOverSseAsync(productId, Token, timeout.Token, query);
            await using var earlyEvents = ServerSentEvents.ReadAsync(early, timeout.Token).GetAsyncEnumerator(timeout.Token);
            gateway.Reviews.Publish(productId, "r1", "Trước.");
            Assert.True(await earlyEvents.MoveNextAsync());

            using var late = await SubscribeOverSseAsync(productId, Token, timeout.Token, query);
            await using var lateEvents = ServerSentEvents.ReadAsync(late, timeout.Token).GetAsyncEnumerator(timeout.Token);
            gateway.Reviews.Publish(productId, "r2", "Sau.");

            Assert.True(await lateEvents.MoveNextAsync());
            Assert.Equal(lateFirst, JsonDocument.Parse(lateEvents.Current.Data).RootElement.GetProperty("data").EnumerateObject().Single().Value.GetProperty("id").GetString());
            Assert.True(await earlyEvents.MoveNextAsync());
            Assert.Contains("\"r2\"", earlyEvents.Current.Data, StringComparison.Ordinal);
            Assert.Equal(1, gateway.Reviews.SubscriptionsFor(productId));
        }
    }

    [Fact]
    public async Task Many_identical_subscribers_joining_and_leaving_at_once_leave_no_upstream_open()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SubscribeOverSseAsync("crowd", Token, timeout.Token)));
        Assert.All(responses, r => Assert.Equal("text/event-stream", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(1, gateway.Reviews.OpenStreamsFor("crowd"));

        gateway.Reviews.Publish("crowd", "r1", "Ai cũng thấy.");
        await Task.WhenAll(responses.Select(async response =>
        {
            await using var events = ServerSentEvents.ReadAsync(response, timeout.Token).GetAsyncEnumerator(timeout.Token);
            Assert.True(await events.MoveNextAsync());
            Assert.Equal("r1", ReviewOf(events.Current.Data).GetProperty("id").GetString());
        }));

        await Task.WhenAll(responses.Select(r => Task.Run(r.Dispose)));
        await UpstreamOpenAsync("crowd", 0);
    }

    [Fact]
    public async Task A_subgraph_refusing_before_any_stream_reaches_the_client_with_its_code()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await SubscribeOverSseAsync("refused", accessToken: null, timeout.Token);

        var events = new List<ServerSentEvent>();
        await foreach (var message in ServerSentEvents.ReadAsync(response, timeout.Token))
            events.Add(message);
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        using var json = JsonDocument.Parse(events[0].Data);
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("reviews", error.GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.Equal("You must be signed in to do this.", error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task A_subgraph_refusing_inside_its_stream_reaches_a_WebSocket_client_with_its_code()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var socket = await GraphQLWebSocket.ConnectAsync(gateway.Url.WebSocket(), "stranger", timeout.Token);
        await socket.SubscribeAsync("1", ReviewAdded, new { productId = "forbidden" }, timeout.Token);

        var next = await socket.ReceiveAsync(timeout.Token);
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("FORBIDDEN", next.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("complete", (await socket.ReceiveAsync(timeout.Token)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_subgraph_stream_gone_silent_ends_the_subscription_with_SUBGRAPH_UNAVAILABLE()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await SubscribeOverSseAsync("silent", Token, timeout.Token);

        var events = new List<ServerSentEvent>();
        await foreach (var message in ServerSentEvents.ReadAsync(response, timeout.Token))
            events.Add(message);

        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        using var json = JsonDocument.Parse(events[0].Data);
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("SUBGRAPH_UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("reviewAdded", error.GetProperty("path")[0].GetString());
        await UpstreamOpenAsync("silent", 0);
    }

    [Fact]
    public async Task A_socket_that_never_sends_connection_init_is_closed_with_4408()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await ConnectRawAsync(timeout.Token);

        var (status, _) = await ReceiveCloseAsync(socket, timeout.Token);

        Assert.Equal(4408, status);
    }

    [Fact]
    public async Task A_subscribe_before_the_connection_is_acknowledged_closes_the_socket_with_4401()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await ConnectRawAsync(timeout.Token);

        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = ReviewAdded, variables = new { productId = "early" } } }, timeout.Token);

        Assert.Equal(4401, (await ReceiveCloseAsync(socket, timeout.Token)).Status);
        Assert.Equal(0, gateway.Reviews.SubscriptionsFor("early"));
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429_and_a_reused_subscriber_id_with_4409()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using (var socket = await ConnectRawAsync(timeout.Token))
        {
            await SendAsync(socket, new { type = "connection_init" }, timeout.Token);
            await SendAsync(socket, new { type = "connection_init" }, timeout.Token);
            Assert.Equal(4429, (await ReceiveCloseAsync(socket, timeout.Token)).Status);
        }
        using (var socket = await ConnectRawAsync(timeout.Token))
        {
            await SendAsync(socket, new { type = "connection_init", payload = new { token = "buyer" } }, timeout.Token);
            var subscribe = new { id = "twice", type = "subscribe", payload = new { query = ReviewAdded, variables = new { productId = "twice" } } };
            await SendAsync(socket, subscribe, timeout.Token);
            await SendAsync(socket, subscribe, timeout.Token);
            Assert.Equal(4409, (await ReceiveCloseAsync(socket, timeout.Token)).Status);
        }
        await UpstreamOpenAsync("twice", 0);
    }

    [Fact]
    public async Task A_message_that_is_not_of_the_protocol_closes_with_4400_and_a_ping_is_answered_with_a_pong()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await ConnectRawAsync(timeout.Token);
        await SendAsync(socket, new { type = "ping" }, timeout.Token);
        var (status, message) = await ReceiveCloseAsync(socket, timeout.Token, sendFirst: "{ not json");
        Assert.Equal(4400, status);
        Assert.Contains("\"pong\"", message, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SubscribeOverSseAsync(string productId, string? accessToken, CancellationToken cancellationToken, string query = ReviewAdded)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query, variables = new { productId } }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (accessToken is not null)
            request.Headers.TryAddWithoutValidation("Authorization", accessToken);
        return await gateway.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private Task UpstreamOpenAsync(string productId, int streams) =>
        Eventually.HoldsAsync(() => Task.FromResult(gateway.Reviews.OpenStreamsFor(productId) == streams),
            $"{streams} open upstream stream(s) for {productId}", TimeSpan.FromSeconds(10));

    private static JsonElement ReviewOf(string data)
    {
        using var json = JsonDocument.Parse(data);
        return json.RootElement.GetProperty("data").GetProperty("reviewAdded").Clone();
    }

    private async Task<ClientWebSocket> ConnectRawAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(gateway.Url.WebSocket(), cancellationToken);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, object message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads until the server closes; answers its close code and the text messages it sent before.</summary>
    private static async Task<(int? Status, string Messages)> ReceiveCloseAsync(ClientWebSocket socket, CancellationToken cancellationToken, string? sendFirst = null)
    {
        if (sendFirst is not null)
            await socket.SendAsync(Encoding.UTF8.GetBytes(sendFirst), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var messages = new StringBuilder();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return ((int?)result.CloseStatus, messages.ToString());
            messages.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }
}

internal static class GatewayAddresses
{
    /// <summary>The ws:// address of an http:// GraphQL endpoint.</summary>
    public static Uri WebSocket(this Uri http) => new UriBuilder(http) { Scheme = "ws" }.Uri;
}
