using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

internal static class Accounts
{
    /// <summary>Registers a fresh account through the gateway; answers its access token.</summary>
    public static async Task<string> RegisterAsync(Platform platform)
    {
        var payload = (await platform.Client().MutateAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken userErrors { code } } }",
            new { input = new { email = $"e2e-{Guid.NewGuid():N}@example.com", password = "Gateway-journey-7", fullName = "End To End" } })).Succeeded();
        return payload.GetProperty("accessToken").GetString()!;
    }

    public static Task<System.Text.Json.JsonElement> ChangePhoneAsync(Platform platform, string accessToken, string phone) =>
        platform.Client(accessToken).MutateAsync(
            "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { phone } userErrors { code } } }",
            new { input = new { phone } });
}
