namespace GoShop.Contracts;

/// <summary>
/// A subgraph as <c>subgraphs.conf</c> lists it: its name (the key of <c>InternalApi:Services</c>) and the port it
/// listens on. The one table in code of where each subgraph answers; a BuildingBlocks test fails when it and
/// <c>subgraphs.conf</c> differ.
/// </summary>
public sealed record Subgraph(string Name, int Port)
{
    public static Subgraph Identity { get; } = new("identity", 8001);
    public static Subgraph Shops { get; } = new("shops", 8002);
    public static Subgraph Catalog { get; } = new("catalog", 8003);
    public static Subgraph Cart { get; } = new("cart", 8004);
    public static Subgraph Ordering { get; } = new("ordering", 8005);
    public static Subgraph Payments { get; } = new("payments", 8006);
    public static Subgraph Search { get; } = new("search", 8007);
    public static Subgraph Notifications { get; } = new("notifications", 8008);
    public static Subgraph Shipping { get; } = new("shipping", 8009);
    public static Subgraph Media { get; } = new("media", 8010);
    public static Subgraph Analytics { get; } = new("analytics", 8011);
    public static Subgraph Reviews { get; } = new("reviews", 8012);

    /// <summary>Every subgraph, in the order of <c>subgraphs.conf</c>.</summary>
    public static IReadOnlyList<Subgraph> All { get; } =
        [Identity, Shops, Catalog, Cart, Ordering, Payments, Search, Notifications, Shipping, Media, Analytics, Reviews];

    /// <summary>Where it answers on this machine when configuration names no other address.</summary>
    public Uri LoopbackAddress => new($"http://127.0.0.1:{Port}/");
}
