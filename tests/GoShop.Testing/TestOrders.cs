using GoShop.Contracts.Ordering;

namespace GoShop.Testing;

/// <summary>Orders as ordering's events carry them, for subgraphs that react to those events.</summary>
public static class TestOrders
{
    /// <summary>A COD order of <paramref name="buyerId"/> from one shop with the given lines (unit price 100,000 đ each).</summary>
    public static OrderSnapshot Snapshot(Guid buyerId, Guid shopId, params (Guid ProductId, Guid? VariantId, int Quantity)[] lines)
    {
        var orderLines = lines.Select(l => new OrderLineSnapshot(l.ProductId, l.VariantId, "Product " + l.ProductId.ToString("N")[..6],
            null, null, l.Quantity, 100_000m, 100_000m * l.Quantity, 500 * l.Quantity)).ToList();
        var subtotal = orderLines.Sum(l => l.LineTotal);
        var orderId = Guid.CreateVersion7();
        return new OrderSnapshot(orderId, Guid.CreateVersion7(), "GS-TEST-" + orderId.ToString("N")[..6].ToUpperInvariant(),
            buyerId, shopId, Guid.CreateVersion7(), "PENDING", "COD", orderLines, subtotal, 20_000m, 0m, 0m, subtotal + 20_000m, "VND",
            [], orderLines.Sum(l => l.WeightGrams), 10.7769, 106.7009,
            new OrderAddressSnapshot("Nguyễn Văn An", "+84 901 234 567", "12 Nguyễn Trãi", null, "Phường 2", "Quận 5", "TP. Hồ Chí Minh", "VN", 10.7626, 106.6602),
            DateTimeOffset.UtcNow);
    }

    /// <summary>Who the system is, when no person moved the order.</summary>
    public static OrderActor System(string? reason = null) => new("SYSTEM", null, reason);
}
