using Microsoft.AspNetCore.WebUtilities;

namespace GoShop.PaymentGateways.Tests.Support;

internal static class Charges
{
    public const string ReturnUrl = "https://shop.goshop.test/payments/return";

    public static string NewReference() => Guid.CreateVersion7().ToString("N");

    public static ChargeRequest Request(GatewayKind kind, decimal amount = 150_000m, string? reference = null) => new(
        reference ?? NewReference(), amount, "VND", "Thanh toán đơn hàng #42", ReturnUrl,
        $"http://localhost:8006/webhooks/{kind.ToString().ToLowerInvariant()}", "203.0.113.7", null, SandboxHost.Start);

    /// <summary>A refund as the payments subgraph asks for it: ProviderAmount is the refund's share at the provider.</summary>
    public static RefundRequest Refund(ChargeRequest charge, ChargeSession session, string? transactionId, decimal amount, string? refundReference = null) => new(
        charge.Reference, refundReference ?? NewReference(), session.ProviderReference, transactionId, amount, "VND",
        Math.Round(session.ProviderAmount * amount / charge.Amount, session.ProviderCurrency == "VND" ? 0 : 2, MidpointRounding.AwayFromZero),
        session.ProviderCurrency, "Buyer returned the goods", charge.At, charge.At.AddHours(1));

    public static Dictionary<string, string> QueryOf(string url) =>
        QueryHelpers.ParseQuery(new Uri(url).Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    public static string PathAndQuery(string url) => new Uri(url).PathAndQuery;
}
