namespace GoShop.Contracts.Demo;

/// <summary>A demo account as identity seeds it: who other subgraphs may greet or reach (notifications' addresses).</summary>
public sealed record DemoAccount(Guid Id, string Email, string FullName, string? Phone);

/// <summary>
/// The demo accounts <c>make up</c> seeds (development only). Fixed ids, so every subgraph's demo data can point at
/// the same people (the seller's shop, the buyer's orders, the shipper's deliveries).
/// </summary>
public static class DemoAccounts
{
    public const string Password = "GoShop-demo-1";

    public static readonly Guid BuyerId = Guid.Parse("01900000-0000-7000-8000-000000000001");
    public static readonly Guid SellerId = Guid.Parse("01900000-0000-7000-8000-000000000002");
    public static readonly Guid ShipperId = Guid.Parse("01900000-0000-7000-8000-000000000003");
    public static readonly Guid AdminId = Guid.Parse("01900000-0000-7000-8000-000000000004");

    public const string BuyerEmail = "buyer@goshop.dev";
    public const string SellerEmail = "seller@goshop.dev";
    public const string ShipperEmail = "shipper@goshop.dev";
    public const string AdminEmail = "admin@goshop.dev";

    public static readonly DemoAccount Buyer = new(BuyerId, BuyerEmail, "Nguyễn Văn An", "+84 901 234 567");
    public static readonly DemoAccount Seller = new(SellerId, SellerEmail, "Trần Thị Bình", "+84 902 345 678");
    public static readonly DemoAccount Shipper = new(ShipperId, ShipperEmail, "Lê Văn Cường", "+84 903 456 789");
    public static readonly DemoAccount Admin = new(AdminId, AdminEmail, "GoShop Admin", null);

    public static readonly IReadOnlyList<DemoAccount> All = [Buyer, Seller, Shipper, Admin];
}
