using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.Subscriptions;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using GoShop.Shipping.GraphQL.Types;
using GoShop.Shipping.Tracking;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.GraphQL.Subscriptions;

/// <summary>shipmentTracking(orderId, shipmentId) and myShipmentOffers, over the topics <see cref="ShippingTopics"/> names.</summary>
public static class ShippingSubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<ShipmentTrackingEventType>, ShipmentTrackingMessage>("shipmentTracking")
            .Description("An order's shipment as it moves: where it stands now at once, then every status change and position with a fresh ETA. " +
                "Without shipmentId it follows the order's delivery: open it as soon as the order is placed (before the seller confirms there is no " +
                "shipment yet, and its first event comes when it is created). With shipmentId it follows that shipment of the order, e.g. a return " +
                "shipment from Order.returnShipments. The order's buyer, the shop's owner, the assigned shipper and admins only (FORBIDDEN otherwise; " +
                "NOT_FOUND for an unknown order, or a shipmentId that is not one of the order's shipments; ORDERING_UNAVAILABLE when the order cannot " +
                "be checked right now).")
            .Authorize()
            .Argument<NonNullGraphType<IdGraphType>>("orderId", "The order whose shipment to follow.")
            .Argument<IdGraphType>("shipmentId", "One of the order's shipments to follow instead of its delivery, e.g. a RETURN shipment; leave it out " +
                "for the delivery.")
            .ResolveStreamAsync(async context =>
            {
                var orderId = context.GetArgument<Guid>("orderId");
                var followers = context.Service<TrackingFollowers>();
                var db = context.Service<ShippingDbContext>();
                var bus = context.Service<ITopicBus>();
                Shipment? shipment;
                IObservable<ShipmentTrackingMessage> live;
                if (context.GetArgument<Guid?>("shipmentId") is { } shipmentId)
                {
                    var named = await followers.AdmitAsync(orderId, shipmentId, Viewer.Of(context), context.CancellationToken);
                    if (!named.Succeeded)
                        throw new ExecutionError(named.Error.Message) { Code = named.Error.Code };
                    live = await bus.ObserveAsync<ShipmentTrackingMessage>(ShippingTopics.Tracking(named.Value), context.CancellationToken);
                    // Read again once the topic is heard, so a move in between reaches the follower all the same.
                    shipment = await db.Shipments.AsNoTracking().SingleAsync(s => s.Id == shipmentId, context.CancellationToken);
                }
                else
                {
                    var admitted = await followers.AdmitAsync(orderId, Viewer.Of(context), context.CancellationToken);
                    if (!admitted.Succeeded)
                        throw new ExecutionError(admitted.Error.Message) { Code = admitted.Error.Code };
                    live = await bus.ObserveAsync<ShipmentTrackingMessage>(ShippingTopics.Tracking(orderId), context.CancellationToken);
                    // Read once the topic is heard, so a shipment created or moved in between reaches the follower all the same.
                    shipment = await db.Shipments.AsNoTracking()
                        .DeliveryOf(orderId).SingleOrDefaultAsync(context.CancellationToken);
                    if (shipment is null)
                        return live;
                }
                var shipperAt = shipment.ShipperId is { } shipperId
                    ? (await db.Shippers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shipperId, context.CancellationToken))?.Position
                    : null;
                var now = context.Service<TimeProvider>().GetUtcNow();
                var current = context.Service<TrackingEta>().Snapshot(shipment, shipperAt, now);
                return new StartingWith<ShipmentTrackingMessage>(current, live);
            });

        subscription.Field<NonNullGraphType<ShipmentOfferType>, ShipmentOfferMessage>("myShipmentOffers")
            .Description("Shipments offered to the signed-in shipper, each pushed the moment it is offered, to accept or decline before it expires " +
                "(an AVAILABLE shipper with a free slot near the shop is offered it). Any signed-in user may subscribe; only shippers receive offers.")
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
