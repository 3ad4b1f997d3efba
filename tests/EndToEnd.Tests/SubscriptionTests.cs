using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// Live updates through the gateway: it subscribes to the identity subgraph over SSE and serves clients over both
/// SSE and graphql-transport-ws (WebSocket).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SubscriptionTests(Platform platform)
{
    private const string AccountEvents = "subscription { myAccountEvents { kind occurredAt } }";

    [Fact]
    public async Task A_subscription_is_received_through_the_gateway_over_SSE()
    {
        var token = await Accounts.RegisterAsync(platform);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await ServerSentEvents.SubscribeAsync(platform.Http, AccountEvents, token, cancellationToken: timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        // The gateway answers the client before its own subscription to the subgraph is live: keep changing the
        // profile until the first event arrives.
        using var trigger = KeepChangingPhone(token, timeout.Token);
        await foreach (var message in ServerSentEvents.ReadAsync(response, timeout.Token))
        {
            Assert.Equal("next", message.Event);
            using var json = JsonDocument.Parse(message.Data);
            Assert.Equal("PROFILE_UPDATED", json.RootElement.GetProperty("data").GetProperty("myAccountEvents").GetProperty("kind").GetString());
            return;
        }
        Assert.Fail("The stream ended without an event.");
    }

    [Fact]
    public async Task A_subscription_is_received_through_the_gateway_over_WebSocket()
    {
        var token = await Accounts.RegisterAsync(platform);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var socket = await GraphQLWebSocket.ConnectAsync(new Uri($"ws://{platform.GatewayUrl.Authority}/graphql"), token, timeout.Token);
        await socket.SubscribeAsync("1", AccountEvents, variables: null, timeout.Token);

        using var trigger = KeepChangingPhone(token, timeout.Token);
        var message = await socket.ReceiveAsync(timeout.Token);
        Assert.Equal("next", message.GetProperty("type").GetString());
        Assert.Equal("1", message.GetProperty("id").GetString());
        Assert.Equal("PROFILE_UPDATED",
            message.GetProperty("payload").GetProperty("data").GetProperty("myAccountEvents").GetProperty("kind").GetString());
        await socket.CompleteAsync("1", timeout.Token);
    }

    [Fact]
    public async Task A_subscription_without_a_token_is_refused_over_SSE()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await ServerSentEvents.SubscribeAsync(platform.Http, AccountEvents, accessToken: null, cancellationToken: timeout.Token);

        await foreach (var message in ServerSentEvents.ReadAsync(response, timeout.Token))
        {
            Assert.Equal("next", message.Event);
            Assert.Contains("UNAUTHENTICATED", message.Data, StringComparison.Ordinal);
            return;
        }
        Assert.Fail("The stream ended without telling why.");
    }

    /// <summary>Changes the phone every 300 ms until disposed, so a subscriber that just went live sees an event.</summary>
    private CancellationTokenSource KeepChangingPhone(string token, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(300, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (stop.IsCancellationRequested)
                    break;
                await Accounts.ChangePhoneAsync(platform, token, $"+84 90{n++ % 10} 000 000");
            }
        }, CancellationToken.None);
        return stop;
    }
}
