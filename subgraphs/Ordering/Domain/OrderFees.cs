using GoShop.BuildingBlocks.Domain;

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
        subtotal = Money.Round(subtotal);
        discount = Math.Clamp(Money.Round(discount), 0m, subtotal);
        shippingFee = Money.Round(shippingFee);
        var tax = Money.Round((subtotal - discount) * vatRate);
        return new OrderFees(subtotal, shippingFee, tax, discount, subtotal - discount + shippingFee + tax);
    }

    public OrderFees Plus(OrderFees other) => new(
        Subtotal + other.Subtotal, ShippingFee + other.ShippingFee, Tax + other.Tax, Discount + other.Discount, Total + other.Total);
}
