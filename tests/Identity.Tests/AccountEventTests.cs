using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Identity.Tests;

public sealed class AccountEventTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task My_account_events_streams_what_happens_to_my_account_over_SSE()
    {
        var account = await app.RegisterAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await ServerSentEvents.SubscribeAsync(account.Client.Http,
            "subscription { myAccountEvents { kind sessionId } }", account.Client.AccessToken, cancellationToken: timeout.Token);

        (await account.Client.MutateAsync(Operations.UpdateProfile, new { input = new { fullName = "Renamed Buyer" } })).Succeeded();
        (await account.Client.MutateAsync(Operations.AddAddress, Operations.HomeAddress())).Succeeded();

        var kinds = new List<string>();
        await foreach (var message in ServerSentEvents.ReadAsync(stream, timeout.Token))
        {
            Assert.Equal("next", message.Event);
            using var json = JsonDocument.Parse(message.Data);
            kinds.Add(json.RootElement.GetProperty("data").GetProperty("myAccountEvents").GetProperty("kind").GetString()!);
            if (kinds.Count == 2)
                break;
        }
        Assert.Equal(["PROFILE_UPDATED", "ADDRESSES_CHANGED"], kinds);
    }

    [Fact]
    public async Task My_account_events_without_a_token_is_unauthenticated()
    {
        using var stream = await ServerSentEvents.SubscribeAsync(app.Factory.CreateClient(), "subscription { myAccountEvents { kind } }", accessToken: null);

        await foreach (var message in ServerSentEvents.ReadAsync(stream))
        {
            Assert.Equal("next", message.Event);
            Assert.Contains("UNAUTHENTICATED", message.Data, StringComparison.Ordinal);
            return;
        }
        Assert.Fail("The stream ended without telling why.");
    }

    [Fact]
    public async Task Subscribing_without_asking_for_a_stream_is_refused()
    {
        var account = await app.RegisterAsync();

        var response = await account.Client.SendAsync("subscription { myAccountEvents { kind } }");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("BAD_REQUEST", response.ErrorCodes);
    }
}
