using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Identity.Tests;

public sealed class PasswordChangeTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private const string NewPassword = "Quiet-harbour-57";

    [Fact]
    public async Task Change_keeps_this_session_and_signs_out_every_other_one()
    {
        var account = await app.RegisterAsync();
        var otherSession = (await app.LoginAsync(account.Email, account.Password)).Succeeded();

        var payload = await ChangeAsync(account.Client, account.Password, NewPassword);

        Assert.Equal(account.Id.ToString(), payload.Succeeded().GetProperty("user").Text("id"));
        Assert.True(await app.PasswordIsAsync(account.Id, NewPassword));
        (await account.Client.SendAsync(Operations.Me)).EnsureNoErrors();
        (await app.RefreshAsync(account.RefreshToken)).Succeeded();
        Assert.Equal(["UNAUTHENTICATED"], (await app.Client(otherSession.Text("accessToken")).SendAsync(Operations.Me)).ErrorCodes);
        Assert.Equal(["INVALID_REFRESH_TOKEN"], (await app.RefreshAsync(otherSession.Text("refreshToken"))).UserErrorCodes());
        Assert.Equal(["INVALID_CREDENTIALS"], (await app.LoginAsync(account.Email, account.Password)).UserErrorCodes());
        (await app.LoginAsync(account.Email, NewPassword)).Succeeded();
    }

    [Fact]
    public async Task Change_mails_a_notice_that_the_password_was_changed()
    {
        var account = await app.RegisterAsync(fullName: "Lê Thu Hà");

        (await ChangeAsync(account.Client, account.Password, NewPassword)).Succeeded();

        var mail = app.LatestMailTo(account.Email)!;
        Assert.Equal("Your GoShop password was changed", mail.Subject);
        Assert.Contains("Hi Lê Thu Hà", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_with_a_wrong_current_password_is_refused_and_changes_nothing()
    {
        var account = await app.RegisterAsync();
        var otherSession = (await app.LoginAsync(account.Email, account.Password)).Succeeded();

        var payload = await ChangeAsync(account.Client, "Not-my-password-1", NewPassword);

        Assert.Equal(["WRONG_PASSWORD"], payload.UserErrorCodes());
        Assert.Equal(["input", "currentPassword"], payload.FirstErrorField());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("user").ValueKind);
        await AssertUnchangedAsync(account, otherSession);
    }

    [Theory]
    [InlineData("short-1")]
    [InlineData("onlyletterslong")]
    [InlineData("1234567890")]
    [InlineData("Password123")]
    [InlineData("Buyer-harbour-57")]
    [InlineData("")]
    public async Task Change_to_a_weak_password_is_refused_and_changes_nothing(string weak)
    {
        var account = await app.RegisterAsync();
        var otherSession = (await app.LoginAsync(account.Email, account.Password)).Succeeded();

        var payload = await ChangeAsync(account.Client, account.Password, weak);

        Assert.Equal(["WEAK_PASSWORD"], payload.UserErrorCodes());
        Assert.Equal(["input", "newPassword"], payload.FirstErrorField());
        await AssertUnchangedAsync(account, otherSession);
    }

    [Fact]
    public async Task Change_to_the_same_password_is_refused_and_changes_nothing()
    {
        var account = await app.RegisterAsync();
        var otherSession = (await app.LoginAsync(account.Email, account.Password)).Succeeded();

        var payload = await ChangeAsync(account.Client, account.Password, account.Password);

        Assert.Equal(["SAME_PASSWORD"], payload.UserErrorCodes());
        Assert.Equal(["input", "newPassword"], payload.FirstErrorField());
        await AssertUnchangedAsync(account, otherSession);
    }

    [Fact]
    public async Task Five_wrong_current_passwords_lock_the_change_even_with_the_right_one()
    {
        var account = await app.RegisterAsync();
        for (var i = 0; i < 5; i++)
            Assert.Equal(["WRONG_PASSWORD"], (await ChangeAsync(account.Client, $"Not-my-password-{i}", NewPassword)).UserErrorCodes());

        var locked = await ChangeAsync(account.Client, account.Password, NewPassword);

        Assert.Equal(["TOO_MANY_ATTEMPTS"], locked.UserErrorCodes());
        Assert.True(await app.PasswordIsAsync(account.Id, account.Password));
    }

    [Fact]
    public async Task Change_without_a_token_is_unauthenticated()
    {
        var response = await app.Client().SendAsync(Operations.ChangePassword,
            new { input = new { currentPassword = "Correct-horse-42", newPassword = NewPassword } });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    private static Task<JsonElement> ChangeAsync(GraphQLClient client, string currentPassword, string newPassword) =>
        client.MutateAsync(Operations.ChangePassword, new { input = new { currentPassword, newPassword } });

    /// <summary>The password is the old one, no session was closed and no notice was mailed.</summary>
    private async Task AssertUnchangedAsync(Account account, JsonElement otherSession)
    {
        Assert.True(await app.PasswordIsAsync(account.Id, account.Password));
        (await account.Client.SendAsync(Operations.Me)).EnsureNoErrors();
        (await app.Client(otherSession.Text("accessToken")).SendAsync(Operations.Me)).EnsureNoErrors();
        (await app.RefreshAsync(otherSession.Text("refreshToken"))).Succeeded();
        Assert.Null(app.LatestMailTo(account.Email));
    }
}
