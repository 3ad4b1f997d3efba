using System.Text.Json;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.Tests;

public sealed class MySessionsTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task My_sessions_lists_the_devices_I_am_signed_in_on_newest_first_with_the_current_one_marked()
    {
        var account = await app.RegisterAsync();
        var registeredAt = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var phone = Device("GoShopApp/2.1 (Android 14)");
        var signedIn = await LoginOnAsync(phone, account);
        var phoneSignedInAt = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var refreshed = (await phone.MutateAsync(Operations.RefreshToken, new { input = new { refreshToken = signedIn.Text("refreshToken") } })).Succeeded();
        var phoneRefreshedAt = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await LoginOnAsync(Device("Mozilla/5.0 (X11; Linux x86_64)"), account);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var closed = await LoginOnAsync(Device("Closed/1.0"), account);
        (await app.Client().MutateAsync(Operations.Logout, new { input = new { refreshToken = closed.Text("refreshToken") } })).Succeeded();

        var sessions = await MySessionsAsync(app.Client(refreshed.Text("accessToken")));

        Assert.Equal(3, sessions.Count);
        var (newest, middle, oldest) = (sessions[0], sessions[1], sessions[2]);
        Assert.Equal("Mozilla/5.0 (X11; Linux x86_64)", newest.Text("userAgent"));
        Assert.False(newest.GetProperty("current").GetBoolean());
        Assert.Equal(JsonValueKind.Null, newest.GetProperty("lastRefreshedAt").ValueKind);

        Assert.Equal("GoShopApp/2.1 (Android 14)", middle.Text("userAgent"));
        Assert.True(middle.GetProperty("current").GetBoolean());
        Assert.Equal(phoneSignedInAt, DateTimeOffset.Parse(middle.Text("startedAt")), TimeSpan.FromMilliseconds(1));
        Assert.Equal(phoneRefreshedAt, DateTimeOffset.Parse(middle.Text("lastRefreshedAt")), TimeSpan.FromMilliseconds(1));

        Assert.Equal(registeredAt, DateTimeOffset.Parse(oldest.Text("startedAt")), TimeSpan.FromMilliseconds(1));
        Assert.False(oldest.GetProperty("current").GetBoolean());

        var recorded = await app.InDatabaseAsync(db => db.RefreshTokens.Where(t => t.UserId == account.Id).Select(t => t.CreatedByIp).Distinct().ToListAsync());
        Assert.Equal(recorded.Single(), newest.Text("ipAddress"));
        Assert.Equal(sessions.Select(s => s.Text("id")).Distinct().Count(), sessions.Count);
    }

    [Fact]
    public async Task My_sessions_leaves_out_expired_sessions()
    {
        var account = await app.RegisterAsync();
        (await app.LoginAsync(account.Email, account.Password)).Succeeded();
        var staleId = Guid.Parse((await MySessionsAsync(account.Client)).Single(s => !s.GetProperty("current").GetBoolean()).Text("id"));
        var expired = app.Clock.GetUtcNow().AddSeconds(-1);
        await app.InDatabaseAsync(db => db.Database.ExecuteSqlAsync($"UPDATE refresh_tokens SET expires_at = {expired} WHERE session_id = {staleId}"));

        var sessions = await MySessionsAsync(account.Client);

        Assert.True(Assert.Single(sessions).GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task My_sessions_without_a_token_is_unauthenticated()
    {
        var response = await app.Client().SendAsync(Operations.MySessions);

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task Revoking_another_of_my_sessions_signs_that_device_out_and_keeps_mine()
    {
        var account = await app.RegisterAsync();
        var other = (await app.LoginAsync(account.Email, account.Password)).Succeeded();
        var otherId = (await MySessionsAsync(account.Client)).Single(s => !s.GetProperty("current").GetBoolean()).Text("id");

        var payload = await RevokeAsync(account.Client, otherId);

        Assert.True(payload.Succeeded().GetProperty("success").GetBoolean());
        Assert.Equal(["UNAUTHENTICATED"], (await app.Client(other.Text("accessToken")).SendAsync(Operations.Me)).ErrorCodes);
        Assert.Equal(["INVALID_REFRESH_TOKEN"], (await app.RefreshAsync(other.Text("refreshToken"))).UserErrorCodes());
        (await account.Client.SendAsync(Operations.Me)).EnsureNoErrors();
        Assert.DoesNotContain(otherId, (await MySessionsAsync(account.Client)).Select(s => s.Text("id")));
        (await app.RefreshAsync(account.RefreshToken)).Succeeded();
    }

    [Fact]
    public async Task Revoking_my_current_session_signs_me_out()
    {
        var account = await app.RegisterAsync();
        var currentId = Assert.Single(await MySessionsAsync(account.Client)).Text("id");

        (await RevokeAsync(account.Client, currentId)).Succeeded();

        Assert.Equal(["UNAUTHENTICATED"], (await account.Client.SendAsync(Operations.Me)).ErrorCodes);
        Assert.Equal(["INVALID_REFRESH_TOKEN"], (await app.RefreshAsync(account.RefreshToken)).UserErrorCodes());
    }

    [Fact]
    public async Task Someone_elses_an_unknown_and_an_already_revoked_session_are_all_SESSION_NOT_FOUND()
    {
        var account = await app.RegisterAsync();
        var stranger = await app.RegisterAsync();
        var strangersId = Assert.Single(await MySessionsAsync(stranger.Client)).Text("id");
        (await app.LoginAsync(account.Email, account.Password)).Succeeded();
        var mineId = (await MySessionsAsync(account.Client)).Single(s => !s.GetProperty("current").GetBoolean()).Text("id");
        (await RevokeAsync(account.Client, mineId)).Succeeded();

        var answers = new[]
        {
            await RevokeAsync(account.Client, strangersId),
            await RevokeAsync(account.Client, Guid.CreateVersion7().ToString()),
            await RevokeAsync(account.Client, mineId),
        };

        Assert.All(answers, answer =>
        {
            Assert.Equal(["SESSION_NOT_FOUND"], answer.UserErrorCodes());
            Assert.Equal(["input", "sessionId"], answer.FirstErrorField());
            Assert.False(answer.GetProperty("success").GetBoolean());
        });
        Assert.Single(answers.Select(a => a.FirstErrorMessage()).Distinct());
        (await stranger.Client.SendAsync(Operations.Me)).EnsureNoErrors();
        (await app.RefreshAsync(stranger.RefreshToken)).Succeeded();
    }

    [Fact]
    public async Task Revoke_session_without_a_token_is_unauthenticated()
    {
        var response = await app.Client().SendAsync(Operations.RevokeSession, new { input = new { sessionId = Guid.CreateVersion7() } });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task The_revoked_devices_app_hears_that_its_session_was_revoked()
    {
        var account = await app.RegisterAsync();
        var other = (await app.LoginAsync(account.Email, account.Password)).Succeeded();
        var otherId = (await MySessionsAsync(account.Client)).Single(s => !s.GetProperty("current").GetBoolean()).Text("id");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await ServerSentEvents.SubscribeAsync(app.Factory.CreateClient(),
            "subscription { myAccountEvents { kind sessionId } }", other.Text("accessToken"), cancellationToken: timeout.Token);

        (await RevokeAsync(account.Client, otherId)).Succeeded();

        await foreach (var message in ServerSentEvents.ReadAsync(stream, timeout.Token))
        {
            using var json = JsonDocument.Parse(message.Data);
            var accountEvent = json.RootElement.GetProperty("data").GetProperty("myAccountEvents");
            Assert.Equal("SESSION_REVOKED", accountEvent.Text("kind"));
            Assert.Equal(otherId, accountEvent.Text("sessionId"));
            return;
        }
        Assert.Fail("The stream ended without the revocation.");
    }

    /// <summary>A client that introduces itself as a device would, with its User-Agent.</summary>
    private GraphQLClient Device(string userAgent)
    {
        var client = app.Client();
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    private static async Task<JsonElement> LoginOnAsync(GraphQLClient device, Account account) =>
        (await device.MutateAsync(Operations.Login, new { input = new { email = account.Email, password = account.Password } })).Succeeded();

    private static async Task<IReadOnlyList<JsonElement>> MySessionsAsync(GraphQLClient client) =>
        (await client.SendAsync(Operations.MySessions)).EnsureNoErrors().Get("mySessions").EnumerateArray().ToList();

    private static Task<JsonElement> RevokeAsync(GraphQLClient client, string sessionId) =>
        client.MutateAsync(Operations.RevokeSession, new { input = new { sessionId } });
}
