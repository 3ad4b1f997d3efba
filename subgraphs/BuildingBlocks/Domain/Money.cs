namespace GoShop.BuildingBlocks.Domain;

/// <summary>An amount in one currency. GoShop prices in VND unless told otherwise.</summary>
public sealed record Money(decimal Amount, string Currency)
{
    public const string DefaultCurrency = "VND";

    public static Money Vnd(decimal amount) => new(amount, DefaultCurrency);

    public static Money Zero(string currency = DefaultCurrency) => new(0m, currency);

    public Money Plus(Money other) => new(Amount + SameCurrency(other).Amount, Currency);

    public Money Minus(Money other) => new(Amount - SameCurrency(other).Amount, Currency);

    public Money Times(int quantity) => new(Amount * quantity, Currency);

    private Money SameCurrency(Money other) => other.Currency == Currency
        ? other
        : throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}.");
}
