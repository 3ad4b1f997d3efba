using GoShop.Ordering.Domain;

namespace GoShop.Ordering.Live;

/// <summary>
/// A live update of one order, as it travels on the topic bus: the move (none for news that did not move it), who
/// made it and why. Subscribers load the order itself fresh when they deliver it.
/// </summary>
public sealed record OrderStatusUpdateMessage(
    Guid OrderId,
    Guid BuyerId,
    Guid SellerId,
    OrderStatus? From,
    OrderStatus To,
    ActorRole ActorRole,
    Guid? ActorId,
    string? Reason,
    DateTimeOffset At)
{
    public static OrderStatusUpdateMessage Placed(Order order) =>
        new(order.Id, order.BuyerId, order.SellerId, null, order.Status, ActorRole.Buyer, order.BuyerId, null, order.PlacedAt);

    public static OrderStatusUpdateMessage Moved(Order order, AppliedTransition move) =>
        new(order.Id, order.BuyerId, order.SellerId, move.From, order.Status, move.Role, move.ActorId, move.Reason, move.At);
}

/// <summary>
/// The topics of live order updates: one per order (<c>orderStatusChanged</c>) and one per person, who hears the
/// orders they bought and the orders of their shops (<c>myOrderUpdates</c>).
/// </summary>
public static class OrderTopics
{
    public static string Order(Guid orderId) => $"ordering.order.{orderId:N}";

    public static string User(Guid userId) => $"ordering.user.{userId:N}";
}
