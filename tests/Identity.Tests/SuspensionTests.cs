using System.Text.Json;
using GoShop.Contracts.Identity;
using GoShop.Identity.Domain;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.Tests;

public sealed class SuspensionTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private static readonly string SuspendedEvent = typeof(UserSuspended).FullName!;
    private static readonly string ReinstatedEvent = typeof(UserReinstated).FullName!;

    [Fact]
    public async Task Suspending_a_user_signs_out_every_session_and_publishes_UserSuspended()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterAsync();
        var otherDevice = (await app.LoginAsync(user.Email, user.Password)).Succeeded();

        var payload = (await SuspendAsync(admin, user.Id, "  Sold counterfeit phones  ")).Succeeded();

        Assert.Equal("SUSPENDED", payload.Get("user.status").GetString());
        Assert.Equal("Sold counterfeit phones", payload.Get("user.suspensionReason").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), DateTimeOffset.Parse(payload.Get("user.suspendedAt").GetString()!), TimeSpan.FromMilliseconds(1));
        Assert.Equal(["UNAUTHENTICATED"], (await user.Client.SendAsync(Operations.Me)).ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], (await app.Client(otherDevice.Text("accessToken")).SendAsync(Operations.Me)).ErrorCodes);
        Assert.Equal(["INVALID_REFRESH_TOKEN"], (await app.RefreshAsync(user.RefreshToken)).UserErrorCodes());
        Assert.Equal(["INVALID_REFRESH_TOKEN"], (await app.RefreshAsync(otherDevice.Text("refreshToken"))).UserErrorCodes());
        Assert.True(await app.InDatabaseAsync(db => db.RefreshTokens.Where(t => t.UserId == user.Id)
            .AllAsync(t => t.RevokedAt != null && t.RevokedReason == "account suspended")));

        var published = Assert.Single(await OutboxOfAsync(SuspendedEvent, user.Id));
        var message = JsonSerializer.Deserialize<UserSuspended>(published, JsonSerializerOptions.Web)!;
        Assert.Equal(new UserSuspended(user.Id, "Sold counterfeit phones", app.Clock.GetUtcNow()), message);
        var stored = await app.StoredUserAsync(user.Id);
        Assert.Equal(UserStatus.Suspended, stored.Status);
        Assert.Equal("Sold counterfeit phones", stored.SuspensionReason);
    }

    [Fact]
    public async Task A_suspended_user_is_told_so_at_login_only_with_the_right_password()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterAsync();
        (await SuspendAsync(admin, user.Id, "Spam")).Succeeded();
        var tokensBefore = await TokenCountAsync(user.Id);

        var wrong = await app.LoginAsync(user.Email, "Wrong-password-1");
        var right = await app.LoginAsync(user.Email, user.Password);

        Assert.Equal(["INVALID_CREDENTIALS"], wrong.UserErrorCodes());
        Assert.Equal(["ACCOUNT_SUSPENDED"], right.UserErrorCodes());
        Assert.Equal(JsonValueKind.Null, right.GetProperty("accessToken").ValueKind);
        Assert.Equal(JsonValueKind.Null, right.GetProperty("refreshToken").ValueKind);
        Assert.Equal(tokensBefore, await TokenCountAsync(user.Id));
    }

    [Fact]
    public async Task A_refresh_token_that_escaped_revocation_is_refused_once_its_user_is_suspended()
    {
        var user = await app.RegisterAsync();
        // As if the token had been rotated while the suspension was committing: the status is all that stops it.
        await app.InDatabaseAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.Suspend("Chargeback fraud", app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var tokensBefore = await TokenCountAsync(user.Id);

        var refresh = await app.RefreshAsync(user.RefreshToken);

        Assert.Equal(["ACCOUNT_SUSPENDED"], refresh.UserErrorCodes());
        Assert.Equal(JsonValueKind.Null, refresh.GetProperty("accessToken").ValueKind);
        Assert.Equal(tokensBefore, await TokenCountAsync(user.Id));
    }

    [Fact]
    public async Task A_suspended_user_gets_no_password_reset_code_and_the_answer_does_not_say_why()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterAsync();
        (await SuspendAsync(admin, user.Id, "Spam")).Succeeded();

        var payload = await app.Client().MutateAsync(Operations.RequestPasswordReset, new { input = new { email = user.Email } });

        Assert.True(payload.Succeeded().GetProperty("success").GetBoolean());
        Assert.Empty(app.MailsTo(user.Email));
    }

    [Fact]
    public async Task Reinstating_lets_the_user_sign_in_again_and_publishes_UserReinstated()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterAsync();
        (await SuspendAsync(admin, user.Id, "Spam")).Succeeded();
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        var payload = (await ReinstateAsync(admin, user.Id)).Succeeded();

        Assert.Equal("ACTIVE", payload.Get("user.status").GetString());
        Assert.Equal(JsonValueKind.Null, payload.Get("user.suspensionReason").ValueKind);
        Assert.Equal(JsonValueKind.Null, payload.Get("user.suspendedAt").ValueKind);
        var session = (await app.LoginAsync(user.Email, user.Password)).Succeeded();
        (await app.Client(session.Text("accessToken")).SendAsync(Operations.Me)).EnsureNoErrors();
        // The sessions the suspension closed stay closed.
        Assert.Equal(["INVALID_REFRESH_TOKEN"], (await app.RefreshAsync(user.RefreshToken)).UserErrorCodes());
        var published = Assert.Single(await OutboxOfAsync(ReinstatedEvent, user.Id));
        Assert.Equal(new UserReinstated(user.Id, app.Clock.GetUtcNow()), JsonSerializer.Deserialize<UserReinstated>(published, JsonSerializerOptions.Web));
    }

    [Theory]
    [InlineData("", "REQUIRED")]
    [InlineData("   ", "REQUIRED")]
    [InlineData(null, "TOO_LONG")]
    public async Task Suspend_refuses_a_missing_or_too_long_reason_and_writes_nothing(string? reason, string code)
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterAsync();
        reason ??= new string('x', 501);

        var payload = await SuspendAsync(admin, user.Id, reason);

        Assert.Equal([code], payload.UserErrorCodes());
        Assert.Equal(["input", "reason"], payload.FirstErrorField());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("user").ValueKind);
        await AssertUntouchedAsync(user);
    }

    [Fact]
    public async Task A_reason_of_five_hundred_characters_within_spaces_is_accepted()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterAsync();
        var reason = new string('r', 500);

        var payload = (await SuspendAsync(admin, user.Id, "  " + reason + "  ")).Succeeded();

        Assert.Equal(reason, payload.Get("user.suspensionReason").GetString());
    }

    [Fact]
    public async Task An_admin_cannot_suspend_themselves()
    {
        var admin = await app.RegisterAdminAsync();

        var payload = await SuspendAsync(admin, admin.Id, "Testing");

        Assert.Equal(["CANNOT_SUSPEND_SELF"], payload.UserErrorCodes());
        Assert.Equal(["input", "userId"], payload.FirstErrorField());
        await AssertUntouchedAsync(admin);
    }

    [Fact]
    public async Task Suspending_or_reinstating_an_unknown_user_is_USER_NOT_FOUND()
    {
        var admin = await app.RegisterAdminAsync();
        var outboxBefore = await OutboxCountAsync();

        var suspend = await SuspendAsync(admin, Guid.CreateVersion7(), "Spam");
        var reinstate = await ReinstateAsync(admin, Guid.CreateVersion7());

        Assert.Equal(["USER_NOT_FOUND"], suspend.UserErrorCodes());
        Assert.Equal(["input", "userId"], suspend.FirstErrorField());
        Assert.Equal(["USER_NOT_FOUND"], reinstate.UserErrorCodes());
        Assert.Equal(outboxBefore, await OutboxCountAsync());
    }

    [Fact]
    public async Task Suspending_a_suspended_user_is_ALREADY_SUSPENDED_and_keeps_the_first_suspension()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterAsync();
        (await SuspendAsync(admin, user.Id, "First reason")).Succeeded();
        var suspendedAt = (await app.StoredUserAsync(user.Id)).SuspendedAt;
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        var again = await SuspendAsync(admin, user.Id, "Second reason");

        Assert.Equal(["ALREADY_SUSPENDED"], again.UserErrorCodes());
        var stored = await app.StoredUserAsync(user.Id);
        Assert.Equal("First reason", stored.SuspensionReason);
        Assert.Equal(suspendedAt, stored.SuspendedAt);
        Assert.Single(await OutboxOfAsync(SuspendedEvent, user.Id));
    }

    [Fact]
    public async Task Reinstating_an_active_user_is_NOT_SUSPENDED_and_writes_nothing()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterAsync();

        var payload = await ReinstateAsync(admin, user.Id);

        Assert.Equal(["NOT_SUSPENDED"], payload.UserErrorCodes());
        Assert.Empty(await OutboxOfAsync(ReinstatedEvent, user.Id));
        await AssertUntouchedAsync(user);
    }

    [Fact]
    public async Task A_deleted_account_can_be_neither_suspended_nor_reinstated()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterAsync();
        (await user.Client.MutateAsync(Operations.DeleteAccount, new { input = new { password = user.Password } })).Succeeded();
        var outboxBefore = await OutboxCountAsync();

        var suspend = await SuspendAsync(admin, user.Id, "Too late");
        var reinstate = await ReinstateAsync(admin, user.Id);

        Assert.Equal(["ACCOUNT_DELETED"], suspend.UserErrorCodes());
        Assert.Equal(["ACCOUNT_DELETED"], reinstate.UserErrorCodes());
        Assert.Equal(UserStatus.Deleted, (await app.StoredUserAsync(user.Id)).Status);
        Assert.Equal(outboxBefore, await OutboxCountAsync());
    }

    [Fact]
    public async Task Only_admins_suspend_and_reinstate()
    {
        var buyer = await app.RegisterAsync();
        var user = await app.RegisterAsync();
        var variables = new { input = new { userId = user.Id, reason = "Spam" } };

        var anonymous = await app.Client().SendAsync(Operations.SuspendUser, variables);
        var asBuyer = await buyer.Client.SendAsync(Operations.SuspendUser, variables);
        var reinstateAnonymous = await app.Client().SendAsync(Operations.ReinstateUser, new { input = new { userId = user.Id } });
        var reinstateAsBuyer = await buyer.Client.SendAsync(Operations.ReinstateUser, new { input = new { userId = user.Id } });

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], asBuyer.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], reinstateAnonymous.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], reinstateAsBuyer.ErrorCodes);
        await AssertUntouchedAsync(user);
    }

    [Fact]
    public async Task Two_admins_suspending_at_once_suspend_once()
    {
        var first = await app.RegisterAdminAsync();
        var second = await app.RegisterAdminAsync();
        var user = await app.RegisterAsync();

        var answers = await Task.WhenAll(SuspendAsync(first, user.Id, "Spam"), SuspendAsync(second, user.Id, "Fraud"));

        Assert.Equal(["ALREADY_SUSPENDED"], answers.SelectMany(a => a.UserErrorCodes()));
        Assert.Single(await OutboxOfAsync(SuspendedEvent, user.Id));
    }

    [Fact]
    public async Task The_users_open_app_hears_that_its_session_was_revoked()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await ServerSentEvents.SubscribeAsync(user.Client.Http,
            "subscription { myAccountEvents { kind detail } }", user.Client.AccessToken, cancellationToken: timeout.Token);

        (await SuspendAsync(admin, user.Id, "Spam")).Succeeded();

        await foreach (var message in ServerSentEvents.ReadAsync(stream, timeout.Token))
        {
            using var json = JsonDocument.Parse(message.Data);
            var accountEvent = json.RootElement.GetProperty("data").GetProperty("myAccountEvents");
            Assert.Equal("SESSION_REVOKED", accountEvent.Text("kind"));
            Assert.Equal("account suspended", accountEvent.Text("detail"));
            return;
        }
        Assert.Fail("The stream ended without the revocation.");
    }

    private static Task<JsonElement> SuspendAsync(Account admin, Guid userId, string reason) =>
        admin.Client.MutateAsync(Operations.SuspendUser, new { input = new { userId, reason } });

    private static Task<JsonElement> ReinstateAsync(Account admin, Guid userId) =>
        admin.Client.MutateAsync(Operations.ReinstateUser, new { input = new { userId } });

    /// <summary>The user is as a refusal must leave them: active, signed in, nothing published about them.</summary>
    private async Task AssertUntouchedAsync(Account user)
    {
        var stored = await app.StoredUserAsync(user.Id);
        Assert.Equal(UserStatus.Active, stored.Status);
        Assert.Null(stored.SuspensionReason);
        Assert.Null(stored.SuspendedAt);
        Assert.Empty(await OutboxOfAsync(SuspendedEvent, user.Id));
        Assert.False(await app.InDatabaseAsync(db => db.RefreshTokens.AnyAsync(t => t.UserId == user.Id && t.RevokedAt != null)));
        (await user.Client.SendAsync(Operations.Me)).EnsureNoErrors();
    }

    private async Task<List<string>> OutboxOfAsync(string messageType, Guid userId)
    {
        var payloads = await app.InDatabaseAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == messageType)
            .Select(m => m.Payload)
            .ToListAsync());
        return payloads.Where(p => p.Contains(userId.ToString(), StringComparison.Ordinal)).ToList();
    }

    private Task<int> OutboxCountAsync() => app.InDatabaseAsync(db => db.OutboxMessages.CountAsync());

    private Task<int> TokenCountAsync(Guid userId) => app.InDatabaseAsync(db => db.RefreshTokens.CountAsync(t => t.UserId == userId));
}
