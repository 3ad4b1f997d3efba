using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts;
using GoShop.Contracts.Ordering;
using GoShop.Ordering.Domain;

namespace GoShop.Ordering.Workflow;

/// <summary>The integration events of an order, each carrying the whole order as it is after the change.</summary>
public static class OrderIntegrationEvents
{
    public static OrderPlaced Placed(Order order) => new(Snapshot(order), order.PlacedAt);

    /// <summary>The event a move publishes (its row of the transition table names it), or none.</summary>
    public static IIntegrationEvent? Of(Order order, AppliedTransition move)
    {
        var snapshot = Snapshot(order);
        var actor = new OrderActor(move.Role.ToContractName(), move.ActorId, move.Reason);
        return move.Transition.Event switch
        {
            OrderEventKind.Confirmed => new OrderConfirmed(snapshot, actor, move.At),
            OrderEventKind.Cancelled => new OrderCancelled(snapshot, actor, move.From.ToContractName(), move.At),
            OrderEventKind.Shipped => new OrderShipped(snapshot, actor, move.At),
            OrderEventKind.Delivered => new OrderDelivered(snapshot, actor, move.At),
            OrderEventKind.Completed => new OrderCompleted(snapshot, actor, move.At),
            OrderEventKind.ReturnRequested => new ReturnRequested(snapshot, actor, move.At),
            OrderEventKind.ReturnApproved => new ReturnApproved(snapshot, actor, move.At),
            null => null,
            _ => throw new ArgumentOutOfRangeException(nameof(move), move.Transition.Event, null),
        };
    }

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
            new OrderAddressSnapshot(address.RecipientName, address.Phone, address.Line1, address.Line2, address.Ward, address.District,
                address.City, address.Country, address.Latitude, address.Longitude),
            order.PlacedAt);
    }
}
