using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GoShop.Shipping.Labels;

/// <summary>A label's URL and until when it works.</summary>
public sealed record SignedLabelUrl(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Signs and checks label URLs: <c>/labels/{shipmentId}.pdf?expires={unix seconds}&amp;sig={hex HMAC-SHA256 of
/// "{shipmentId}:{expires}"}</c>. Whoever holds the URL may open the label until it expires (a browser cannot send a
/// token); changing the shipment or the expiry breaks the signature.
/// </summary>
public sealed class LabelUrls(IOptions<LabelOptions> options, TimeProvider clock)
{
    public SignedLabelUrl Sign(Guid shipmentId)
    {
        var expires = clock.GetUtcNow().Add(options.Value.UrlLifetime);
        var seconds = expires.ToUnixTimeSeconds();
        var url = new Uri($"{options.Value.PublicBaseUrl.TrimEnd('/')}/labels/{shipmentId}.pdf?expires={seconds}&sig={Signature(shipmentId, seconds)}");
        return new SignedLabelUrl(url, DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>Whether the signature is this shipment's and the URL has not expired.</summary>
    public bool IsValid(Guid shipmentId, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || string.IsNullOrEmpty(signature))
            return false;
        var expected = Encoding.ASCII.GetBytes(Signature(shipmentId, seconds));
        var presented = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, presented) && clock.GetUtcNow().ToUnixTimeSeconds() <= seconds;
    }

    private string Signature(Guid shipmentId, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.SigningKey),
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{shipmentId}:{expires}"))));
}
