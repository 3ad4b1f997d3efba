using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.Subscriptions;
using GoShop.Shipping.Data;
using GoShop.Shipping.GraphQL.Types;
using GoShop.Shipping.Tracking;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.GraphQL.Subscriptions;

/// <summary>shipmentTracking(orderId) and myShipmentOffers, over the topics <see cref="ShippingTopics"/> names.</summary>
public static class ShippingSubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<ShipmentTrackingEventType>, ShipmentTrackingMessage>("shipmentTracking")
            .Description("An order's shipment as it moves: where it stands now at once, then every status change and position with a fresh ETA. " +
                "The order's buyer, the shop's owner and the assigned shipper only (FORBIDDEN otherwise; NOT_FOUND before the order has a shipment).")
            .Authorize()
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .ResolveStreamAsync(async context =>
            {
                var orderId = context.GetArgument<Guid>("orderId");
                var db = context.Service<ShippingDbContext>();
                var shipment = await db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.OrderId == orderId, context.CancellationToken)
                    ?? throw new ExecutionError("This order has no shipment (yet).") { Code = ErrorCodes.NotFound };
                var viewer = ShippingViewer.Of(context);
                var participant = viewer.UserId is { } id && (id == shipment.BuyerId || id == shipment.SellerId || id == shipment.ShipperId);
                if (!participant)
                    throw GraphQLErrors.Forbidden("Only the order's buyer, the shop's owner and the assigned shipper can follow this shipment.");
                var shipperAt = shipment.ShipperId is { } shipperId
                    ? (await db.Shippers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shipperId, context.CancellationToken))?.Position
                    : null;
                var now = context.Service<TimeProvider>().GetUtcNow();
                var current = context.Service<TrackingEta>().Snapshot(shipment, shipperAt, now);
                return new StartingWith<ShipmentTrackingMessage>(current,
                    await context.Service<ITopicBus>().ObserveAsync<ShipmentTrackingMessage>(ShippingTopics.Tracking(orderId), context.CancellationToken));
            });

        subscription.Field<NonNullGraphType<ShipmentOfferType>, ShipmentOfferMessage>("myShipmentOffers")
            .Description("Shipments offered to the signed-in shipper as they are offered, to accept or decline before they expire.")
            .Authorize()
            .ResolveStreamAsync(async context => await context.Service<ITopicBus>().ObserveAsync<ShipmentOfferMessage>(ShippingTopics.Offers(context.Service<ICurrentUser>().RequireId()), context.CancellationToken));
    }
}

/// <summary>A stream that starts with what is known now, then goes on live (the last known position for a new follower).</summary>
internal sealed class StartingWith<T>(T first, IObservable<T> rest) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        observer.OnNext(first);
        return rest.Subscribe(observer);
    }
}
