using System.Net;
using GoShop.Testing;

namespace GoShop.Identity.Tests;

public sealed class SessionTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Register_signs_the_new_buyer_in_and_normalises_the_email()
    {
        var email = $"Mixed.Case-{Guid.NewGuid():N}@Example.COM";
        var client = app.Client();

        var payload = (await client.MutateAsync(Operations.Register,
            new { input = new { email = "  " + email + " ", password = "Correct-horse-42", fullName = " Trần Thị Bình ", phone = "0901 234 567" } })).Succeeded();

        Assert.False(string.IsNullOrEmpty(payload.Text("accessToken")));
        Assert.False(string.IsNullOrEmpty(payload.Text("refreshToken")));
        Assert.True(DateTimeOffset.Parse(payload.Text("expiresAt")) > app.Clock.GetUtcNow());
        var user = payload.GetProperty("user");
        Assert.Equal(email, user.Text("email"));
        Assert.Equal("Trần Thị Bình", user.Text("fullName"));
        Assert.Equal(["BUYER"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        client.AccessToken = payload.Text("accessToken");
        var me = (await client.SendAsync(Operations.Me)).EnsureNoErrors();
        Assert.Equal(user.Text("id"), me.Get("me.id").GetString());
        Assert.Equal("0901 234 567", me.Get("me.phone").GetString());

        var again = await app.Client().MutateAsync(Operations.Register,
            new { input = new { email = email.ToLowerInvariant(), password = "Another-horse-43", fullName = "Someone Else" } });
        Assert.Equal(["EMAIL_TAKEN"], again.UserErrorCodes());
    }

    [Theory]
    [InlineData("not-an-email", "Correct-horse-42", "Name", "INVALID_EMAIL")]
    [InlineData("ok@example.com", "short1", "Name", "WEAK_PASSWORD")]
    [InlineData("ok@example.com", "onlyletterslong", "Name", "WEAK_PASSWORD")]
    [InlineData("ok@example.com", "password123", "Name", "WEAK_PASSWORD")]
    [InlineData("ok@example.com", "Correct-horse-42", "   ", "REQUIRED")]
    public async Task Register_refuses_bad_input_and_creates_nothing(string email, string password, string fullName, string code)
    {
        email = email.Replace("ok@", $"ok-{Guid.NewGuid():N}@", StringComparison.Ordinal);
        var payload = await app.Client().MutateAsync(Operations.Register, new { input = new { email, password, fullName } });

        Assert.Contains(code, payload.UserErrorCodes());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("accessToken").ValueKind);
        var login = await app.Client().MutateAsync(Operations.Login, new { input = new { email, password } });
        Assert.NotEmpty(login.UserErrorCodes());
    }

    [Fact]
    public async Task Login_with_the_right_password_opens_a_session_and_a_wrong_one_does_not()
    {
        var account = await app.RegisterAsync();

        var wrong = await app.Client().MutateAsync(Operations.Login, new { input = new { email = account.Email, password = "Wrong-password-1" } });
        Assert.Equal(["INVALID_CREDENTIALS"], wrong.UserErrorCodes());
        var unknown = await app.Client().MutateAsync(Operations.Login, new { input = new { email = "nobody-" + account.Email, password = account.Password } });
        Assert.Equal(["INVALID_CREDENTIALS"], unknown.UserErrorCodes());

        var right = (await app.Client().MutateAsync(Operations.Login,
            new { input = new { email = account.Email.ToUpperInvariant(), password = account.Password } })).Succeeded();
        Assert.Equal(account.Id.ToString(), right.GetProperty("user").Text("id"));
    }

    [Fact]
    public async Task Login_locks_an_email_after_five_failures()
    {
        var account = await app.RegisterAsync();
        for (var i = 0; i < 5; i++)
        {
            var failed = await app.Client().MutateAsync(Operations.Login, new { input = new { email = account.Email, password = $"Wrong-password-{i}" } });
            Assert.Equal(["INVALID_CREDENTIALS"], failed.UserErrorCodes());
        }

        var locked = await app.Client().MutateAsync(Operations.Login, new { input = new { email = account.Email, password = account.Password } });

        Assert.Equal(["TOO_MANY_ATTEMPTS"], locked.UserErrorCodes());
    }

    [Fact]
    public async Task Me_without_a_token_is_unauthenticated()
    {
        var response = await app.Client().SendAsync(Operations.Me);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Get("me").ValueKind);
    }

    [Fact]
    public async Task Me_with_a_forged_token_is_unauthenticated()
    {
        var account = await app.RegisterAsync();
        var parts = account.Client.AccessToken!.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);

        var response = await app.Client(forged).SendAsync(Operations.Me);

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_reusing_a_rotated_one_revokes_the_session()
    {
        var account = await app.RegisterAsync();

        var first = (await app.Client().MutateAsync(Operations.RefreshToken, new { input = new { refreshToken = account.RefreshToken } })).Succeeded();
        var rotated = first.Text("refreshToken");
        Assert.NotEqual(account.RefreshToken, rotated);
        Assert.Equal(account.Id.ToString(), first.GetProperty("user").Text("id"));

        var reuse = await app.Client().MutateAsync(Operations.RefreshToken, new { input = new { refreshToken = account.RefreshToken } });
        Assert.Equal(["REFRESH_TOKEN_REUSED"], reuse.UserErrorCodes());

        // The whole family is gone: the newest token no longer works, nor do the session's access tokens.
        var afterReuse = await app.Client().MutateAsync(Operations.RefreshToken, new { input = new { refreshToken = rotated } });
        Assert.Equal(["INVALID_REFRESH_TOKEN"], afterReuse.UserErrorCodes());
        var me = await app.Client(first.Text("accessToken")).SendAsync(Operations.Me);
        Assert.Equal(["UNAUTHENTICATED"], me.ErrorCodes);
    }

    [Fact]
    public async Task Refresh_refuses_an_unknown_token()
    {
        var payload = await app.Client().MutateAsync(Operations.RefreshToken, new { input = new { refreshToken = "not-a-token-we-issued" } });

        Assert.Equal(["INVALID_REFRESH_TOKEN"], payload.UserErrorCodes());
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token_and_denies_the_access_token()
    {
        var account = await app.RegisterAsync();

        var payload = await account.Client.MutateAsync(Operations.Logout, new { input = new { refreshToken = account.RefreshToken } });

        Assert.True(payload.Succeeded().GetProperty("success").GetBoolean());
        Assert.Equal(["UNAUTHENTICATED"], (await account.Client.SendAsync(Operations.Me)).ErrorCodes);
        var refresh = await app.Client().MutateAsync(Operations.RefreshToken, new { input = new { refreshToken = account.RefreshToken } });
        Assert.Equal(["INVALID_REFRESH_TOKEN"], refresh.UserErrorCodes());
    }

    [Fact]
    public async Task Logout_without_any_token_is_unauthenticated()
    {
        var response = await app.Client().SendAsync(Operations.Logout, new { input = new { } });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task Logout_refuses_someone_elses_refresh_token()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();

        var payload = await other.Client.MutateAsync(Operations.Logout, new { input = new { refreshToken = owner.RefreshToken } });

        Assert.Equal(["INVALID_REFRESH_TOKEN"], payload.UserErrorCodes());
        (await app.Client().MutateAsync(Operations.RefreshToken, new { input = new { refreshToken = owner.RefreshToken } })).Succeeded();
    }
}
