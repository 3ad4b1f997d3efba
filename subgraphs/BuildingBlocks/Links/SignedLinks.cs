using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GoShop.BuildingBlocks.Links;

/// <summary>A link and until when it works.</summary>
public sealed record SignedLink(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Links whoever holds them may open until they expire, for what a browser fetches without a token (a shipping label, a
/// report export): <c>{url}?expires={unix seconds}&amp;sig={hex HMAC-SHA256 of "{subject}:{expires}"}</c>. The subject
/// names what the link opens (an id, or an id with its parameters); changing it or the expiry breaks the signature.
/// </summary>
public static class SignedLinks
{
    /// <param name="url">The absolute URL, with a query of its own or none; the signature's parameters come last.</param>
    public static SignedLink Sign(string signingKey, string url, string subject, DateTimeOffset expiresAt)
    {
        var seconds = expiresAt.ToUnixTimeSeconds();
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new SignedLink(new Uri($"{url}{separator}expires={seconds}&sig={Signature(signingKey, subject, seconds)}"), DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>Whether the signature is the subject's and the link has not expired at <paramref name="now"/>.</summary>
    public static bool IsValid(string signingKey, string subject, string? expires, string? signature, DateTimeOffset now)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || string.IsNullOrEmpty(signature))
            return false;
        var expected = Encoding.ASCII.GetBytes(Signature(signingKey, subject, seconds));
        var presented = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, presented) && now.ToUnixTimeSeconds() <= seconds;
    }

    private static string Signature(string signingKey, string subject, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey),
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{subject}:{expires}"))));
}
