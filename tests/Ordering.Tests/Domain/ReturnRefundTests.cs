using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;

namespace GoShop.Ordering.Tests.Domain;

/// <summary>
/// What returned units refund: their goods less their share of the discount (in proportion to the goods) plus their
/// share of the VAT (in proportion to the discounted goods), whole đồng; shipping only with the whole order, which
/// refunds exactly its total.
/// </summary>
public sealed class ReturnRefundTests
{
    // 3 × 50,000 and 1 × 100,000, a 33,333 coupon, 21,000 shipping, 10 % VAT on 216,667.
    private static readonly OrderFees Discounted = new(Subtotal: 250_000m, ShippingFee: 21_000m, Tax: 21_667m, Discount: 33_333m, Total: 259_334m);

    [Fact]
    public void Units_refund_their_goods_less_their_share_of_the_discount_plus_their_share_of_the_VAT()
    {
        // 50,000 - 33,333 × 50,000 / 250,000 (6,666.6) + 21,667 × 43,333.4 / 216,667 (4,333.4) = 47,666.8
        Assert.Equal(47_667m, ReturnRefunds.OfUnits(Discounted, 50_000m, 1));
        // 150,000 - 19,999.8 + 13,000.2 = 143,000.4
        Assert.Equal(143_000m, ReturnRefunds.OfUnits(Discounted, 50_000m, 3));
    }

    [Fact]
    public void Without_a_discount_units_refund_their_price_and_its_VAT()
    {
        var fees = OrderFees.Compute(subtotal: 150_000m, discount: 0m, shippingFee: 20_000m, vatRate: 0.10m);

        Assert.Equal(55_000m, ReturnRefunds.OfUnits(fees, 50_000m, 1));
    }

    [Fact]
    public void A_refund_is_whole_dong_with_halves_rounded_away_from_zero()
    {
        var fees = new OrderFees(Subtotal: 10m, ShippingFee: 0m, Tax: 1m, Discount: 0m, Total: 11m);

        Assert.Equal(6m, ReturnRefunds.OfUnits(fees, 5m, 1));
    }

    [Fact]
    public void Goods_the_discount_paid_for_entirely_refund_nothing()
    {
        var fees = OrderFees.Compute(subtotal: 30_000m, discount: 30_000m, shippingFee: 15_000m, vatRate: 0.10m);

        Assert.Equal(0m, ReturnRefunds.OfUnits(fees, 10_000m, 2));
    }

    [Fact]
    public void The_whole_order_refunds_its_total_less_shipping_over_its_lines_the_last_taking_what_rounding_left()
    {
        // Three lines of 10,000, a 10,000 coupon, 2,000 VAT: each line alone refunds 7,333.33 → 7,333.
        var fees = OrderFees.Compute(subtotal: 30_000m, discount: 10_000m, shippingFee: 15_000m, vatRate: 0.10m);

        var refunds = ReturnRefunds.OfWholeOrder(fees, [(10_000m, 1), (10_000m, 1), (10_000m, 1)]);

        Assert.Equal(7_333m, ReturnRefunds.OfUnits(fees, 10_000m, 1));
        Assert.Equal([7_333m, 7_333m, 7_334m], refunds);
        Assert.Equal(fees.Total - fees.ShippingFee, refunds.Sum());
    }

    [Fact]
    public void Every_unit_of_an_order_refunds_exactly_its_total_less_shipping()
    {
        var refunds = ReturnRefunds.OfWholeOrder(Discounted, [(50_000m, 3), (100_000m, 1)]);

        Assert.Equal([143_000m, 95_334m], refunds);
        Assert.Equal(259_334m - 21_000m, refunds.Sum());
    }
}
