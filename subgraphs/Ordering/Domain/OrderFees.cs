namespace GoShop.Ordering.Domain;

/// <summary>
/// What one order costs, in đồng: the goods (<see cref="Subtotal"/>) less the coupon <see cref="Discount"/>, plus
/// <see cref="ShippingFee"/> and VAT (<see cref="Tax"/>, on the goods after the discount). Every amount is whole đồng.
/// </summary>
public sealed record OrderFees(decimal Subtotal, decimal ShippingFee, decimal Tax, decimal Discount, decimal Total)
{
    public static OrderFees Zero { get; } = new(0m, 0m, 0m, 0m, 0m);

    /// <summary>The fees of goods worth <paramref name="subtotal"/>; a discount never takes more than the goods cost.</summary>
    public static OrderFees Compute(decimal subtotal, decimal discount, decimal shippingFee, decimal vatRate)
    {
        subtotal = Dong.Round(subtotal);
        discount = Math.Clamp(Dong.Round(discount), 0m, subtotal);
        shippingFee = Dong.Round(shippingFee);
        var tax = Dong.Round((subtotal - discount) * vatRate);
        return new OrderFees(subtotal, shippingFee, tax, discount, subtotal - discount + shippingFee + tax);
    }

    public OrderFees Plus(OrderFees other) => new(
        Subtotal + other.Subtotal, ShippingFee + other.ShippingFee, Tax + other.Tax, Discount + other.Discount, Total + other.Total);
}

/// <summary>Vietnamese đồng have no minor unit: amounts are rounded to whole đồng, halves away from zero.</summary>
public static class Dong
{
    public const string Currency = "VND";

    public static decimal Round(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero);
}
