using System.Globalization;
using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Identity.Tests;

public sealed class PasswordResetTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private const string NewPassword = "Fresh-lantern-81";

    [Fact]
    public async Task Request_answers_the_same_for_known_and_unknown_emails_but_mails_only_the_known_one()
    {
        var account = await app.RegisterAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";

        var known = await RequestAsync(account.Email.ToUpperInvariant());
        var stranger = await RequestAsync(unknown);

        Assert.True(known.Succeeded().GetProperty("success").GetBoolean());
        Assert.Equal(known.GetRawText(), stranger.GetRawText());
        var mail = app.LatestMailTo(account.Email)!;
        var code = app.ResetCodeFor(account.Email);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Contains(code, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("expires in 10 minutes", mail.TextBody, StringComparison.Ordinal);
        Assert.Null(app.LatestMailTo(unknown));
    }

    [Fact]
    public async Task Reset_with_the_right_code_changes_the_password_and_signs_out_every_session()
    {
        var account = await app.RegisterAsync();
        var otherSession = (await app.LoginAsync(account.Email, account.Password)).Succeeded();
        await RequestAsync(account.Email);
        var code = app.ResetCodeFor(account.Email);

        var reset = await ResetAsync(account.Email, code, NewPassword);

        Assert.True(reset.Succeeded().GetProperty("success").GetBoolean());
        Assert.Equal(["INVALID_CREDENTIALS"], (await app.LoginAsync(account.Email, account.Password)).UserErrorCodes());
        (await app.LoginAsync(account.Email, NewPassword)).Succeeded();
        Assert.Equal(["UNAUTHENTICATED"], (await account.Client.SendAsync(Operations.Me)).ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], (await app.Client(otherSession.Text("accessToken")).SendAsync(Operations.Me)).ErrorCodes);
        Assert.Equal(["INVALID_REFRESH_TOKEN"], (await app.RefreshAsync(account.RefreshToken)).UserErrorCodes());
        Assert.Equal(["INVALID_REFRESH_TOKEN"], (await app.RefreshAsync(otherSession.Text("refreshToken"))).UserErrorCodes());
        Assert.Equal("Your GoShop password was changed", app.LatestMailTo(account.Email)!.Subject);
    }

    [Fact]
    public async Task Reset_with_a_wrong_code_counts_an_attempt_and_changes_nothing()
    {
        var account = await app.RegisterAsync();
        await RequestAsync(account.Email);
        var wrong = WrongCode(app.ResetCodeFor(account.Email));

        var first = await ResetAsync(account.Email, wrong, NewPassword);
        var second = await ResetAsync(account.Email, wrong, NewPassword);

        Assert.Equal(["INVALID_RESET_CODE"], first.UserErrorCodes());
        Assert.Equal(["input", "code"], first.FirstErrorField());
        Assert.Contains("4 attempts left", first.FirstErrorMessage(), StringComparison.Ordinal);
        Assert.Equal(["INVALID_RESET_CODE"], second.UserErrorCodes());
        Assert.Contains("3 attempts left", second.FirstErrorMessage(), StringComparison.Ordinal);
        Assert.True(await app.PasswordIsAsync(account.Id, account.Password));
        (await account.Client.SendAsync(Operations.Me)).EnsureNoErrors();
        (await app.RefreshAsync(account.RefreshToken)).Succeeded();
    }

    [Fact]
    public async Task The_fifth_wrong_code_burns_the_code_so_even_the_right_one_fails_afterwards()
    {
        var account = await app.RegisterAsync();
        await RequestAsync(account.Email);
        var code = app.ResetCodeFor(account.Email);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await ResetAsync(account.Email, WrongCode(code), NewPassword);
            Assert.Equal(["INVALID_RESET_CODE"], wrong.UserErrorCodes());
        }

        var fifth = await ResetAsync(account.Email, WrongCode(code), NewPassword);
        var right = await ResetAsync(account.Email, code, NewPassword);

        Assert.Equal(["RESET_CODE_EXHAUSTED"], fifth.UserErrorCodes());
        Assert.Equal(["INVALID_RESET_CODE"], right.UserErrorCodes());
        Assert.True(await app.PasswordIsAsync(account.Id, account.Password));

        // The way out is a new code.
        await RequestAsync(account.Email);
        (await ResetAsync(account.Email, app.ResetCodeFor(account.Email), NewPassword)).Succeeded();
        Assert.True(await app.PasswordIsAsync(account.Id, NewPassword));
    }

    [Fact]
    public async Task A_code_works_only_once()
    {
        var account = await app.RegisterAsync();
        await RequestAsync(account.Email);
        var code = app.ResetCodeFor(account.Email);
        (await ResetAsync(account.Email, code, NewPassword)).Succeeded();

        var again = await ResetAsync(account.Email, code, "Second-lantern-92");

        Assert.Equal(["INVALID_RESET_CODE"], again.UserErrorCodes());
        Assert.True(await app.PasswordIsAsync(account.Id, NewPassword));
    }

    [Fact]
    public async Task A_new_request_replaces_the_previous_code()
    {
        var account = await app.RegisterAsync();
        await RequestAsync(account.Email);
        var first = app.ResetCodeFor(account.Email);
        await RequestAsync(account.Email);
        var second = app.ResetCodeFor(account.Email);
        Assert.Equal(2, app.MailsTo(account.Email).Count);

        Assert.NotEqual(first, second); // fails once in a million runs, when the same code is drawn twice

        var stale = await ResetAsync(account.Email, first, NewPassword);
        var current = await ResetAsync(account.Email, second, NewPassword);

        Assert.Equal(["INVALID_RESET_CODE"], stale.UserErrorCodes());
        current.Succeeded();
        Assert.True(await app.PasswordIsAsync(account.Id, NewPassword));
    }

    [Fact]
    public async Task Reset_answers_alike_whether_or_not_an_account_uses_the_address()
    {
        var account = await app.RegisterAsync(fullName: "Lantern Keeper");
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";

        // A password built from the account holder's name must not tell a prober that the account exists.
        var known = await ResetAsync(account.Email, "123456", "Lantern-keeper-81");
        var missing = await ResetAsync(unknown, "123456", "Lantern-keeper-81");

        Assert.Equal(["INVALID_RESET_CODE"], known.UserErrorCodes());
        Assert.Equal(known.UserErrorCodes(), missing.UserErrorCodes());
    }

    [Fact]
    public async Task Reset_with_a_weak_password_is_refused_without_spending_an_attempt()
    {
        var account = await app.RegisterAsync();
        await RequestAsync(account.Email);
        var code = app.ResetCodeFor(account.Email);
        for (var attempt = 1; attempt <= 4; attempt++)
            await ResetAsync(account.Email, WrongCode(code), NewPassword);
        var localPart = account.Email.Split('@')[0];

        foreach (var weak in new[] { "short1", "onlyletterslong", "password123", localPart + "-42", "" })
        {
            var refused = await ResetAsync(account.Email, code, weak);
            Assert.Equal(["WEAK_PASSWORD"], refused.UserErrorCodes());
            Assert.Equal(["input", "newPassword"], refused.FirstErrorField());
        }

        Assert.True(await app.PasswordIsAsync(account.Id, account.Password));
        (await ResetAsync(account.Email, code, NewPassword)).Succeeded();
        Assert.True(await app.PasswordIsAsync(account.Id, NewPassword));
    }

    [Fact]
    public async Task A_fourth_request_within_the_hour_is_refused_and_sends_nothing()
    {
        var account = await app.RegisterAsync();
        for (var i = 0; i < 3; i++)
            (await RequestAsync(account.Email)).Succeeded();
        var code = app.ResetCodeFor(account.Email);

        var fourth = await RequestAsync(account.Email);

        Assert.Equal(["TOO_MANY_REQUESTS"], fourth.UserErrorCodes());
        Assert.Equal(["input", "email"], fourth.FirstErrorField());
        Assert.False(fourth.GetProperty("success").GetBoolean());
        Assert.Equal(3, app.MailsTo(account.Email).Count);
        // The refused request issued no new code: the last mailed one still works.
        (await ResetAsync(account.Email, code, NewPassword)).Succeeded();
    }

    [Fact]
    public async Task Requests_for_an_unknown_email_are_limited_the_same_way()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";
        for (var i = 0; i < 3; i++)
            (await RequestAsync(unknown)).Succeeded();

        var fourth = await RequestAsync(unknown);

        Assert.Equal(["TOO_MANY_REQUESTS"], fourth.UserErrorCodes());
    }

    [Theory]
    [InlineData("not-an-email", "INVALID_EMAIL")]
    [InlineData("someone@localhost", "INVALID_EMAIL")]
    [InlineData("two@@example.com", "INVALID_EMAIL")]
    [InlineData("   ", "REQUIRED")]
    public async Task Request_refuses_a_malformed_email(string email, string code)
    {
        var payload = await RequestAsync(email);

        Assert.Equal([code], payload.UserErrorCodes());
        Assert.Equal(["input", "email"], payload.FirstErrorField());
        Assert.False(payload.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Reset_refuses_a_malformed_email_and_changes_nothing()
    {
        var account = await app.RegisterAsync();
        await RequestAsync(account.Email);
        var code = app.ResetCodeFor(account.Email);

        var payload = await ResetAsync(account.Email.Replace("@", " at ", StringComparison.Ordinal), code, NewPassword);

        Assert.Equal(["INVALID_EMAIL"], payload.UserErrorCodes());
        Assert.True(await app.PasswordIsAsync(account.Id, account.Password));
        (await ResetAsync(account.Email, code, NewPassword)).Succeeded();
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("")]
    [InlineData("١٢٣٤٥٦")]
    public async Task Reset_refuses_a_code_that_is_not_six_digits_without_spending_an_attempt(string malformed)
    {
        var account = await app.RegisterAsync();
        await RequestAsync(account.Email);
        var code = app.ResetCodeFor(account.Email);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var refused = await ResetAsync(account.Email, malformed, NewPassword);
            Assert.Equal(["INVALID_RESET_CODE"], refused.UserErrorCodes());
            Assert.Equal(["input", "code"], refused.FirstErrorField());
        }

        Assert.True(await app.PasswordIsAsync(account.Id, account.Password));
        (await ResetAsync(account.Email, code, NewPassword)).Succeeded();
    }

    [Fact]
    public async Task Reset_for_an_unknown_email_fails_like_a_wrong_code()
    {
        var payload = await ResetAsync($"nobody-{Guid.NewGuid():N}@example.com", "123456", NewPassword);

        Assert.Equal(["INVALID_RESET_CODE"], payload.UserErrorCodes());
    }

    private Task<JsonElement> RequestAsync(string email) =>
        app.Client().MutateAsync(Operations.RequestPasswordReset, new { input = new { email } });

    private Task<JsonElement> ResetAsync(string email, string code, string newPassword) =>
        app.Client().MutateAsync(Operations.ResetPassword, new { input = new { email, code, newPassword } });

    private static string WrongCode(string code) =>
        ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}

/// <summary>Moves the clock, so it has an app of its own: access tokens minted after the move would not be valid yet.</summary>
public sealed class PasswordResetExpiryTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task A_code_works_until_ten_minutes_have_passed_and_not_after()
    {
        var early = await app.RegisterAsync();
        var late = await app.RegisterAsync();
        await RequestAsync(early.Email);
        await RequestAsync(late.Email);
        var earlyCode = app.ResetCodeFor(early.Email);
        var lateCode = app.ResetCodeFor(late.Email);

        app.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var inTime = await ResetAsync(early.Email, earlyCode);
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var tooLate = await ResetAsync(late.Email, lateCode);

        inTime.Succeeded();
        Assert.True(await app.PasswordIsAsync(early.Id, "Fresh-lantern-81"));
        Assert.Equal(["INVALID_RESET_CODE"], tooLate.UserErrorCodes());
        Assert.Contains("expired", tooLate.FirstErrorMessage(), StringComparison.Ordinal);
        Assert.True(await app.PasswordIsAsync(late.Id, late.Password));
    }

    private Task<JsonElement> RequestAsync(string email) =>
        app.Client().MutateAsync(Operations.RequestPasswordReset, new { input = new { email } });

    private Task<JsonElement> ResetAsync(string email, string code) =>
        app.Client().MutateAsync(Operations.ResetPassword, new { input = new { email, code, newPassword = "Fresh-lantern-81" } });
}
