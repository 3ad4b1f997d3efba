using GoShop.BuildingBlocks.Domain;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Pricing;
using Microsoft.Extensions.Options;

namespace GoShop.Ordering.Tests.Domain;

/// <summary>Fees: VAT on the goods after the discount, whole đồng, and the distance-and-weight shipping rule.</summary>
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

    [Fact]
    public async Task Shipping_is_a_base_fee_plus_the_distance_plus_each_started_half_kilo_over_the_first()
    {
        var quoter = Quoter();
        // Hồ Chí Minh City, from Bến Thành to District 5: about 3.9 km.
        var quote = await quoter.QuoteAsync(new ShippingFeeRequest(Guid.Empty, new GeoPoint(10.7725, 106.6980), new GeoPoint(10.7560, 106.6670), 2_100), default);

        Assert.Equal(3.9, quote.DistanceKm);
        Assert.False(quote.DistanceAssumed);
        Assert.Equal(["Base fee", "Distance 3.9 km", "Weight 2100 g: 3 × 500 g over the first 1000 g"], quote.Breakdown.Select(l => l.Label));
        Assert.Equal(15_000m + 1_950m + 7_500m, quote.Fee);
        Assert.Equal(quote.Fee, quote.Breakdown.Sum(l => l.Amount));
    }

    [Fact]
    public async Task An_address_without_a_point_is_charged_the_default_distance_and_the_breakdown_says_so()
    {
        var quote = await Quoter().QuoteAsync(new ShippingFeeRequest(Guid.Empty, new GeoPoint(10.77, 106.70), null, 800), default);

        Assert.True(quote.DistanceAssumed);
        Assert.Equal(10, quote.DistanceKm);
        Assert.Contains(quote.Breakdown, l => l.Label.Contains("assumed", StringComparison.Ordinal));
        Assert.Equal(15_000m + 5_000m, quote.Fee);
    }

    [Fact]
    public async Task A_parcel_across_the_country_costs_at_most_the_ceiling()
    {
        // Hà Nội to Hồ Chí Minh City: some 1,140 km.
        var quote = await Quoter().QuoteAsync(new ShippingFeeRequest(Guid.Empty, new GeoPoint(21.0285, 105.8542), new GeoPoint(10.7769, 106.7009), 500), default);

        Assert.InRange(quote.DistanceKm, 1_100, 1_200);
        Assert.Equal(150_000m, quote.Fee);
        Assert.Equal(quote.Fee, quote.Breakdown.Sum(l => l.Amount));
    }

    private static DistanceShippingFeeQuoter Quoter() => new(Options.Create(new GoShop.Ordering.OrderingOptions()));
}
