using GoShop.BuildingBlocks.Domain;

namespace GoShop.Ordering.Domain.Returns;

/// <summary>
/// What the buyer gets back for returned units, in whole đồng. A line's refund is its goods (unit price × quantity)
/// less its share of the order's discount (in proportion to the goods) plus its share of the order's VAT (in
/// proportion to the discounted goods). The shipping fee comes back only with the whole order, and a whole-order
/// return refunds exactly what the order cost: the last line takes what rounding the others left over.
/// </summary>
public static class ReturnRefunds
{
    public static decimal OfUnits(OrderFees fees, decimal unitPrice, int quantity)
    {
        var goods = unitPrice * quantity;
        var discountShare = fees.Subtotal == 0m ? 0m : fees.Discount * goods / fees.Subtotal;
        var discountedGoods = fees.Subtotal - fees.Discount;
        var taxShare = discountedGoods == 0m ? 0m : fees.Tax * (goods - discountShare) / discountedGoods;
        return Money.Round(goods - discountShare + taxShare);
    }

    /// <summary>The refund of each of <paramref name="lines"/>, which are every unit of the order: they add up to its total less shipping.</summary>
    public static IReadOnlyList<decimal> OfWholeOrder(OrderFees fees, IReadOnlyList<(decimal UnitPrice, int Quantity)> lines)
    {
        var refunds = lines.Select(l => OfUnits(fees, l.UnitPrice, l.Quantity)).ToList();
        if (refunds.Count > 0)
            refunds[^1] = fees.Total - fees.ShippingFee - refunds.Take(refunds.Count - 1).Sum();
        return refunds;
    }
}
