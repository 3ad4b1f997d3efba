namespace GoShop.BuildingBlocks.Domain;

/// <summary>An amount in one currency. GoShop prices in VND unless told otherwise.</summary>
public sealed record Money(decimal Amount, string Currency)
{
    public const string DefaultCurrency = "VND";

    public static Money Vnd(decimal amount) => new(amount, DefaultCurrency);

    public static Money Zero(string currency = DefaultCurrency) => new(0m, currency);

    /// <summary>
    /// Decimal places a currency is counted in: đồng have no minor unit, and the currencies providers convert into
    /// (USD for PayPal) have cents.
    /// </summary>
    public static int MinorDigits(string currency) => currency == DefaultCurrency ? 0 : 2;

    /// <summary>
    /// The one rounding of amounts GoShop charges, pays out or shows: to the currency's smallest unit, halves away
    /// from zero (what a cashier does, and what VNPay and MoMo expect of whole-đồng amounts).
    /// </summary>
    public static decimal Round(decimal amount, string currency = DefaultCurrency) =>
        Math.Round(amount, MinorDigits(currency), MidpointRounding.AwayFromZero);

    public Money Plus(Money other) => new(Amount + SameCurrency(other).Amount, Currency);

    public Money Minus(Money other) => new(Amount - SameCurrency(other).Amount, Currency);

    public Money Times(int quantity) => new(Amount * quantity, Currency);

    private Money SameCurrency(Money other) => other.Currency == Currency
        ? other
        : throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}.");
}
