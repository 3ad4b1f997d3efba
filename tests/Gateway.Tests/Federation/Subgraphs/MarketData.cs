using System.Collections.Concurrent;

namespace GoShop.Gateway.Tests.Federation.Subgraphs;

public sealed record ProductRecord(string Id, string Title, double Price, string ShopId);

public sealed record ShopRecord(string Id, string Name, double MinimumOrder, string? Contact);

public sealed record ReviewRecord(string Id, string ProductId, string Body, int Stars, string SellerId);

public sealed record Money(double Amount, string Currency);

/// <summary>A reference to an entity by its key: what a subgraph returns for an entity another one owns, and what <c>_entities</c> receives.</summary>
public sealed class EntityKey
{
    public string Id { get; set; } = "";
}

/// <summary>
/// The little marketplace the test subgraphs serve. Each subgraph reads only its own part (products, shops or
/// reviews), as separate services would; mutations change it, so each fixture has its own.
/// </summary>
public sealed class MarketData
{
    public ConcurrentDictionary<string, ProductRecord> Products { get; } = new(new Dictionary<string, ProductRecord>
    {
        ["p1"] = new("p1", "Phở bowl", 45000, "s1"),
        ["p2"] = new("p2", "Trà đá", 5000, "s2"),
        ["p3"] = new("p3", "Bánh mì", 20000, "s1"),
        // Its shop is unknown to the shops subgraph: _entities answers null for it.
        ["p4"] = new("p4", "Orphan", 1000, "s9"),
    });

    /// <summary>The order of <c>products</c>: p4 is only reachable by id.</summary>
    public IReadOnlyList<string> Listed { get; } = ["p1", "p2", "p3"];

    public ConcurrentDictionary<string, ShopRecord> Shops { get; } = new(new Dictionary<string, ShopRecord>
    {
        ["s1"] = new("s1", "Quán Bà Tư", 30000, "0901 234 567"),
        ["s2"] = new("s2", "Trà Chanh", 10000, null),
    });

    public IReadOnlyList<ReviewRecord> Reviews { get; } =
    [
        new("r1", "p1", "Ngon", 5, "s1"),
        new("r2", "p1", "Hơi mặn", 3, "s2"),
        new("r3", "p2", "Mát", 4, "s1"),
    ];
}
