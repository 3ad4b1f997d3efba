using System.Buffers.Text;
using System.Text.Json;

namespace GoShop.Identity.Tests;

/// <summary>Reads what an access token claims, the way a client may (without validating it: the server does that).</summary>
public static class AccessTokenClaims
{
    public static IReadOnlyList<string> Roles(string accessToken)
    {
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(accessToken.Split('.')[1]));
        if (!payload.RootElement.TryGetProperty("role", out var role))
            return [];
        return role.ValueKind == JsonValueKind.Array
            ? role.EnumerateArray().Select(r => r.GetString()!).ToList()
            : [role.GetString()!];
    }
}
