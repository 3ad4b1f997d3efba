using GoShop.BuildingBlocks.Messaging;
using GoShop.Cart.Data;
using GoShop.Cart.Domain;
using GoShop.Contracts.Ordering;

namespace GoShop.Cart.Events;

/// <summary>
/// The checkout committed: what the order bought comes out of the buyer's cart (what the buyer added meanwhile stays),
/// and the shop's coupon too when the order used it. Once per order, however often the event arrives; the Redis copy is
/// refreshed after the commit by <see cref="Caching.CartCacheRefresher"/>.
/// </summary>
public sealed class OrderPlacedHandler(CartDbContext db, TimeProvider clock, ILogger<OrderPlacedHandler> logger)
    : IntegrationEventHandler<OrderPlaced, CartDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderPlaced message, CancellationToken cancellationToken)
    {
        var order = message.Order;
        var cart = await Db.LockCartAsync(order.BuyerId, cancellationToken);
        cart?.TakeOutOrdered(order.ShopId, order.Lines.Select(l => new OrderedLine(l.ProductId, l.VariantId, l.Quantity)),
            order.CouponCodes, Clock.GetUtcNow());
    }
}
