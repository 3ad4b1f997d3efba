using GoShop.BuildingBlocks.Auth;
using GoShop.Payments.Domain;

namespace GoShop.Payments.GraphQL;

/// <summary>
/// Who may see what in payments: a payment its buyer, the sellers of its orders and admins; an escrow its buyer, its
/// shop's seller and admins.
/// </summary>
public static class PaymentVisibility
{
    public static bool CanSee(this Viewer viewer, Payment payment) =>
        viewer.IsAdmin || (viewer.UserId is { } id && (payment.BuyerId == id || payment.Orders.Any(o => o.SellerId == id)));

    public static bool CanSee(this Viewer viewer, Escrow escrow) =>
        viewer.IsAdmin || (viewer.UserId is { } id && (escrow.BuyerId == id || escrow.SellerId == id));

    public static bool IsSellerOf(this Viewer viewer, Payment payment, Guid orderId) =>
        viewer.UserId is { } id && payment.Orders.Any(o => o.OrderId == orderId && o.SellerId == id);
}
