using GoShop.Cart.Domain;

namespace GoShop.Cart.Tests.Domain;

/// <summary>The read model of a product: each part keeps the newest value, prices follow sales, flags follow stock.</summary>
public sealed class ProductCopyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A copy nothing is known about yet, as the database makes it: every part as of DateTimeOffset.MinValue.</summary>
    private static ProductCopy Blank() => (ProductCopy)Activator.CreateInstance(typeof(ProductCopy), nonPublic: true)!;

    private static ProductListing Listing(string title, decimal? salePrice = null, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null) =>
        new(Guid.CreateVersion7(), title, "VND", 300, null, salePrice, startsAt, endsAt);

    [Fact]
    public void Each_part_keeps_the_newest_value_whatever_order_the_events_arrive_in()
    {
        var copy = Blank();

        copy.ApplyStatus("OUT_OF_STOCK", T0.AddMinutes(2));
        copy.ApplyStock(0, T0.AddMinutes(2));
        // The snapshot of a minute earlier still brings the title and price nobody had, but not its older status.
        copy.ApplyListing(Listing("Áo thun"), T0.AddMinutes(1));
        copy.ApplyPrice(120_000m, T0.AddMinutes(1));
        copy.ApplyStatus("ACTIVE", T0.AddMinutes(1));
        copy.ApplyPrice(90_000m, T0);
        copy.ApplyListing(Listing("Áo cũ"), T0);

        Assert.Equal(("Áo thun", 120_000m, "OUT_OF_STOCK", 0), (copy.Title, copy.Price, copy.Status, copy.Available));
    }

    [Fact]
    public void A_sale_counts_only_inside_its_window_and_variants_take_the_same_share_off()
    {
        var copy = Blank();
        copy.ApplyPrice(200_000m, T0);
        copy.ApplyListing(Listing("Giày", salePrice: 150_000m, startsAt: T0.AddHours(1), endsAt: T0.AddHours(2)), T0);

        Assert.Equal(200_000m, copy.EffectivePriceAt(T0));
        Assert.Equal(150_000m, copy.EffectivePriceAt(T0.AddHours(1)));
        Assert.Equal(165_001m, copy.EffectivePriceOf(220_001m, T0.AddHours(1.5)));
        Assert.Equal(200_000m, copy.EffectivePriceAt(T0.AddHours(2)));
    }

    [Fact]
    public void A_lookup_keeps_a_known_sale_window_adopts_an_unknown_sale_and_drops_a_sale_that_ended_early()
    {
        var copy = Blank();
        copy.ApplyPrice(200_000m, T0);
        copy.ApplyListing(Listing("Giày", salePrice: 150_000m, startsAt: T0, endsAt: T0.AddDays(1)), T0);

        Assert.Equal((150_000m, (DateTimeOffset?)T0, (DateTimeOffset?)T0.AddDays(1)), copy.SaleSeenInLookup(200_000m, 150_000m, T0.AddHours(1)));
        Assert.Equal((140_000m, (DateTimeOffset?)null, (DateTimeOffset?)null), copy.SaleSeenInLookup(200_000m, 140_000m, T0.AddHours(1)));
        Assert.Equal(((decimal?)null, (DateTimeOffset?)null, (DateTimeOffset?)null), copy.SaleSeenInLookup(200_000m, 200_000m, T0.AddHours(1)));
    }

    [Fact]
    public void A_lookup_without_a_running_sale_keeps_one_scheduled_for_later()
    {
        var copy = Blank();
        copy.ApplyListing(Listing("Giày", salePrice: 150_000m, startsAt: T0.AddDays(1), endsAt: T0.AddDays(2)), T0);

        Assert.Equal((150_000m, (DateTimeOffset?)T0.AddDays(1), (DateTimeOffset?)T0.AddDays(2)), copy.SaleSeenInLookup(200_000m, 200_000m, T0));
    }

    [Fact]
    public void Deleting_is_final()
    {
        var copy = Blank();
        copy.MarkDeleted(T0);
        copy.MarkDeleted(T0.AddDays(1));
        copy.ApplyStatus("ACTIVE", T0.AddDays(2));

        Assert.Equal(T0, copy.DeletedAt);
        Assert.Equal(ItemAvailability.Deleted, ItemAvailabilities.Of(copy, 10, 1));
    }

    [Theory]
    [InlineData("ACTIVE", 10, 3, ItemAvailability.Available)]
    [InlineData("ACTIVE", 2, 3, ItemAvailability.InsufficientStock)]
    [InlineData("ACTIVE", 0, 3, ItemAvailability.OutOfStock)]
    [InlineData("OUT_OF_STOCK", 5, 3, ItemAvailability.OutOfStock)]
    [InlineData("ARCHIVED", 10, 3, ItemAvailability.Unavailable)]
    [InlineData("DRAFT", 10, 3, ItemAvailability.Unavailable)]
    public void A_line_is_flagged_from_the_product_s_status_and_what_is_available(string status, int available, int quantity, ItemAvailability expected)
    {
        var copy = Blank();
        copy.ApplyStatus(status, T0);

        Assert.Equal(expected, ItemAvailabilities.Of(copy, available, quantity));
    }
}
