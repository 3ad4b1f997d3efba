using System.Globalization;

namespace GoShop.PaymentGateways.Support;

/// <summary>Amount conversions the providers require.</summary>
public static class Amounts
{
    /// <summary>Stripe's zero-decimal currencies: the amount is sent in whole units.</summary>
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    public static bool IsVnd(string currency) => string.Equals(currency, "VND", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whole đồng, refusing fractions and non-positive amounts.</summary>
    public static long WholeDong(GatewayKind gateway, decimal amount)
    {
        if (amount <= 0 || amount != decimal.Truncate(amount))
            throw new PaymentGatewayException(gateway, "INVALID_AMOUNT", $"{amount} is not a positive whole number of đồng.");
        return checked((long)amount);
    }

    /// <summary>VNPay's vnp_Amount: the amount × 100.</summary>
    public static long VnPayAmount(decimal dong) => checked(WholeDong(GatewayKind.VnPay, dong) * 100);

    /// <summary>Back from vnp_Amount.</summary>
    public static decimal FromVnPayAmount(long vnpAmount) => vnpAmount / 100m;

    /// <summary>Stripe's smallest unit: whole units for zero-decimal currencies (VND), cents otherwise.</summary>
    public static long StripeMinor(decimal amount, string currency)
    {
        var minor = ZeroDecimal.Contains(currency) ? amount : amount * 100m;
        if (minor <= 0 || minor != decimal.Truncate(minor))
            throw new PaymentGatewayException(GatewayKind.Stripe, "INVALID_AMOUNT", $"{amount} {currency} has no whole number of minor units.");
        return checked((long)minor);
    }

    public static decimal FromStripeMinor(long minor, string currency) =>
        ZeroDecimal.Contains(currency) ? minor : minor / 100m;

    /// <summary>PayPal takes no VND: convert at <paramref name="vndPerUsd"/>, 2 decimals, half away from zero.</summary>
    public static decimal VndToUsd(decimal dong, decimal vndPerUsd)
    {
        var usd = Math.Round(dong / vndPerUsd, 2, MidpointRounding.AwayFromZero);
        if (usd < 0.01m)
            throw new PaymentGatewayException(GatewayKind.PayPal, "INVALID_AMOUNT", $"{dong} VND is less than one US cent.");
        return usd;
    }

    /// <summary>PayPal's amount value: "12.30".</summary>
    public static string PayPalValue(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
