using System.Globalization;
using GoShop.PaymentGateways.Support;

namespace GoShop.PaymentGateways.Stripe;

/// <summary>
/// Stripe's webhook signature: <c>Stripe-Signature: t={unix seconds},v1={hex},v1={hex}</c> where each v1 is
/// hex HMAC-SHA256(webhookSecret, "{t}.{raw body}"); several v1 values appear while a secret is being rolled.
/// </summary>
public static class StripeSignature
{
    public const string Header = "Stripe-Signature";

    public static string Compute(string secret, long timestamp, string payload) =>
        Signing.HmacSha256Hex(secret, $"{timestamp.ToString(CultureInfo.InvariantCulture)}.{payload}");

    public static string HeaderValue(string secret, long timestamp, string payload) =>
        $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Compute(secret, timestamp, payload)}";

    /// <summary>Null when the header is right and fresh; otherwise why not (reason, detail).</summary>
    public static (string Reason, string Detail)? Check(string? header, string payload, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header))
            return ("MALFORMED", "No Stripe-Signature header.");
        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
                continue;
            var key = pair[0].Trim();
            if (key == "t" && long.TryParse(pair[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var t))
                timestamp = t;
            else if (key == "v1")
                signatures.Add(pair[1].Trim());
        }
        if (timestamp is null || signatures.Count == 0)
            return ("MALFORMED", "Stripe-Signature has no timestamp or no v1 signature.");
        var expected = Compute(secret, timestamp.Value, payload);
        // Compare with every v1 (no early exit), each in constant time.
        var matched = false;
        foreach (var signature in signatures)
            matched |= Signing.HexEquals(expected, signature);
        if (!matched)
            return ("INVALID_SIGNATURE", "No v1 signature matches.");
        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        if (age.Duration() > tolerance)
            return ("STALE", $"Signed {age.TotalSeconds:0} s from now, tolerance {tolerance.TotalSeconds:0} s.");
        return null;
    }
}
