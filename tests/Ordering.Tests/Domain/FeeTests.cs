using GoShop.Ordering.Domain;

namespace GoShop.Ordering.Tests.Domain;

/// <summary>Fees: VAT on the goods after the discount, whole đồng. (The shipping fee rule is shipping's: Shipping.Tests/Quotes.)</summary>
public sealed class FeeTests
{
    [Fact]
    public void Total_is_goods_less_discount_plus_shipping_plus_VAT_on_the_discounted_goods()
    {
        var fees = OrderFees.Compute(subtotal: 250_000m, discount: 50_000m, shippingFee: 21_000m, vatRate: 0.10m);

        Assert.Equal(new OrderFees(250_000m, 21_000m, 20_000m, 50_000m, 241_000m), fees);
    }

    [Fact]
    public void Amounts_are_whole_dong_with_halves_rounded_away_from_zero()
    {
        Assert.Equal(1m, OrderFees.Compute(5m, 0m, 0m, 0.10m).Tax);
        Assert.Equal(10_000m, OrderFees.Compute(99_999m, 0m, 0m, 0.10m).Tax);
        Assert.Equal(8_000m, OrderFees.Compute(99_999.5m, 19_999.6m, 0m, 0.10m).Tax);
    }

    [Fact]
    public void A_discount_never_takes_more_than_the_goods_cost()
    {
        var fees = OrderFees.Compute(subtotal: 30_000m, discount: 50_000m, shippingFee: 15_000m, vatRate: 0.10m);

        Assert.Equal((30_000m, 0m, 15_000m), (fees.Discount, fees.Tax, fees.Total));
    }
}
