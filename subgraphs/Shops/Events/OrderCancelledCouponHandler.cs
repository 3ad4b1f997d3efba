using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Shops;
using GoShop.Shops.Coupons;
using GoShop.Shops.Data;

namespace GoShop.Shops.Events;

/// <summary>
/// A cancelled order gives back the coupon uses it took, so the buyer may use the code again and the promotion's count
/// is right. Runs in the handler's transaction; a replay gives back nothing more.
/// </summary>
public sealed class OrderCancelledCouponHandler(ShopsDbContext db, CouponDesk desk, TimeProvider clock, ILogger<OrderCancelledCouponHandler> logger)
    : IntegrationEventHandler<OrderCancelled, ShopsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderCancelled message, CancellationToken cancellationToken)
    {
        var released = await desk.ReleaseAsync(new CouponReleaseRequest(message.Order.OrderId), cancellationToken);
        if (released.Released > 0)
            logger.LogInformation("Order {OrderNumber} was cancelled; gave back {Count} coupon use(s)", message.Order.Number, released.Released);
    }
}
