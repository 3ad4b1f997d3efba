using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts;
using GoShop.Contracts.Ordering;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;

namespace GoShop.Ordering.Workflow;

/// <summary>
/// The integration events of an order and its return, each carrying the whole order (and the whole return) as it is
/// after the change.
/// </summary>
public static class OrderIntegrationEvents
{
    public static OrderPlaced Placed(Order order) => new(Snapshot(order), order.PlacedAt);

    /// <summary>
    /// The events a move publishes (its row of the transition table names them), none for some. The moves of a return
    /// carry <paramref name="return"/> as it is after its own move.
    /// </summary>
    public static IEnumerable<IIntegrationEvent> Of(Order order, AppliedTransition move, Return? @return)
    {
        var snapshot = Snapshot(order);
        var actor = new OrderActor(move.Role.ToContractName(), move.ActorId, move.Reason);
        switch (move.Transition.Event)
        {
            case OrderEventKind.Confirmed:
                yield return new OrderConfirmed(snapshot, actor, move.At);
                break;
            case OrderEventKind.Cancelled:
                yield return new OrderCancelled(snapshot, actor, move.From.ToContractName(), move.At);
                break;
            case OrderEventKind.Shipped:
                yield return new OrderShipped(snapshot, actor, move.At);
                break;
            case OrderEventKind.Delivered:
                yield return new OrderDelivered(snapshot, actor, move.At);
                break;
            case OrderEventKind.Completed:
                yield return new OrderCompleted(snapshot, actor, move.At);
                break;
            case OrderEventKind.ReturnRequested:
                yield return new ReturnRequested(snapshot, actor, move.At, Snapshot(Required(@return, move), order));
                break;
            case OrderEventKind.ReturnApproved:
                yield return new ReturnApproved(snapshot, actor, move.At, Snapshot(Required(@return, move), order));
                break;
            case OrderEventKind.ReturnRejected:
                yield return new ReturnRejected(snapshot, Snapshot(Required(@return, move), order), actor, move.At);
                yield return new OrderCompleted(snapshot, actor, move.At);
                break;
            case null:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move.Transition.Event, null);
        }
    }

    /// <summary>The return's parcel reached the shop: catalog restocks its units and payments refunds it.</summary>
    public static ReturnReceived Received(Order order, Return @return) =>
        new(Snapshot(order), Snapshot(@return, order), @return.ReceivedAt ?? @return.UpdatedAt);

    public static ReturnSnapshot Snapshot(Return @return, Order order)
    {
        var address = order.DeliveryAddress;
        return new ReturnSnapshot(
            @return.Id,
            @return.OrderId,
            @return.BuyerId,
            @return.ShopId,
            @return.SellerId,
            @return.Status.ToContractName(),
            @return.Reason,
            @return.Lines.OrderBy(l => l.Position)
                .Select(l => new ReturnLineSnapshot(l.OrderLineId, l.ProductId, l.VariantId, l.Title, l.VariantTitle, l.Quantity, l.RefundAmount, l.WeightGrams))
                .ToList(),
            @return.RefundAmount,
            @return.Currency,
            @return.WholeOrder,
            @return.WeightGrams,
            AddressSnapshot(address),
            order.ShopLocation.Lat,
            order.ShopLocation.Lng,
            @return.RequestedAt);
    }

    private static Return Required(Return? @return, AppliedTransition move) =>
        @return ?? throw new InvalidOperationException($"The move {move.Transition.Action} of an order is made with its return.");

    private static OrderAddressSnapshot AddressSnapshot(OrderAddress address) =>
        new(address.RecipientName, address.Phone, address.Line1, address.Line2, address.Ward, address.District, address.City, address.Country,
            address.Latitude, address.Longitude);

    public static OrderSnapshot Snapshot(Order order)
    {
        var address = order.DeliveryAddress;
        return new OrderSnapshot(
            order.Id,
            order.CheckoutId,
            order.Number,
            order.BuyerId,
            order.ShopId,
            order.SellerId,
            order.Status.ToContractName(),
            order.PaymentMethod.ToContractName(),
            order.Lines.OrderBy(l => l.Position)
                .Select(l => new OrderLineSnapshot(l.ProductId, l.VariantId, l.Title, l.VariantTitle, l.Sku, l.Quantity, l.UnitPrice, l.LineTotal, l.WeightGrams))
                .ToList(),
            order.Fees.Subtotal,
            order.Fees.ShippingFee,
            order.Fees.Tax,
            order.Fees.Discount,
            order.Fees.Total,
            order.Currency,
            order.CouponCodes,
            order.WeightGrams,
            order.ShopLocation.Lat,
            order.ShopLocation.Lng,
            AddressSnapshot(address),
            order.PlacedAt);
    }
}
