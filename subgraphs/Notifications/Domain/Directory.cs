namespace GoShop.Notifications.Domain;

/// <summary>
/// Who an order concerns, kept from ordering's events: payments, escrow and review events name only the order, and
/// notifications has to know whom to tell.
/// </summary>
public sealed class OrderParty
{
    private OrderParty()
    {
    }

    public Guid OrderId { get; private set; }

    public Guid BuyerId { get; private set; }

    public Guid SellerId { get; private set; }

    public Guid ShopId { get; private set; }

    public string Number { get; private set; } = "";

    public decimal Total { get; private set; }

    public string Currency { get; private set; } = "";

    public static OrderParty Of(Guid orderId, Guid buyerId, Guid sellerId, Guid shopId, string number, decimal total, string currency) =>
        new() { OrderId = orderId, BuyerId = buyerId, SellerId = sellerId, ShopId = shopId, Number = number, Total = total, Currency = currency };
}

/// <summary>Who owns a shop, kept from shops' events: catalog's low-stock and reviews' events name only the shop.</summary>
public sealed class ShopOwner
{
    private ShopOwner()
    {
    }

    public Guid ShopId { get; private set; }

    public Guid OwnerId { get; private set; }

    public string Name { get; private set; } = "";

    public static ShopOwner Of(Guid shopId, Guid ownerId, string name) => new() { ShopId = shopId, OwnerId = ownerId, Name = name };

    public void Change(Guid ownerId, string name)
    {
        OwnerId = ownerId;
        Name = name;
    }
}
