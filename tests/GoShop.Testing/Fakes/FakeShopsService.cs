using GoShop.Contracts.Shops;

namespace GoShop.Testing.Fakes;

/// <summary>The shops subgraph's <c>GET /internal/shops/{id}</c>, for the <see cref="ShopDirectory"/> client.</summary>
public sealed class FakeShopsService() : FakeInternalLookup<ShopSnapshot>("/internal/shops/")
{
    /// <summary>A shop the shops subgraph has, whose events the subgraph under test has not received yet.</summary>
    public ShopSnapshot Open(Guid ownerId, string status = "ACTIVE")
    {
        var id = Guid.CreateVersion7();
        return Add(id, new ShopSnapshot(id, ownerId, "Shop " + id.ToString("N")[..6], "shop-" + id.ToString("N"), status,
            10.7769, 106.7009, "1 Lê Lợi, Quận 1, TP. Hồ Chí Minh", ["fashion"]));
    }
}
