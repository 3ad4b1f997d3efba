using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Ordering.Domain;
using GoShop.Ordering.GraphQL.Loaders;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Ordering.GraphQL.Types;

public sealed class OrderType : ObjectGraphType<Order>
{
    public OrderType()
    {
        Name = "Order";
        Description = "What a buyer bought from one shop in a checkout, and where it stands. Only its buyer, its seller and admins see it.";
        this.Key("id");
        this.ResolveReference<EntityKey, Order>((context, reference) =>
        {
            var viewer = Viewer.Of(context);
            return context.Loader<OrderByIdLoader>().Load(reference.Id).Then(order => order is not null && viewer.CanSee(order) ? order : null);
        });

        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.Number).Description("The number to quote, e.g. GS-261126-K7QX3M (the date is Vietnam's).");
        Field<NonNullGraphType<OrderStatusType>, OrderStatus>("status").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<CheckoutType>, IDataLoaderResult<Checkout?>>("checkout")
            .Description("The checkout the order was placed in, with the orders of the other shops.")
            .Resolve(context => context.Loader<CheckoutByIdLoader>().Load(context.Source.CheckoutId));
        Field<NonNullGraphType<UserType>, EntityReference<UserType>>("buyer").Resolve(context => EntityReference.To<UserType>(context.Source.BuyerId));
        Field<NonNullGraphType<UserType>, EntityReference<UserType>>("seller")
            .Description("The shop's owner when the order was placed.")
            .Resolve(context => EntityReference.To<UserType>(context.Source.SellerId));
        Field<NonNullGraphType<ShopType>, EntityReference<ShopType>>("shop").Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineType>>>, IDataLoaderResult<IReadOnlyList<OrderLine>?>>("lines")
            .Resolve(context => context.Loader<LinesByOrderLoader>().Load(context.Source.Id));
        Field<NonNullGraphType<OrderFeesType>, OrderFees>("fees").Resolve(context => context.Source.Fees);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IEnumerable<string>>("couponCodes")
            .Resolve(context => context.Source.CouponCodes);
        Field<NonNullGraphType<PaymentMethodType>, PaymentMethod>("paymentMethod").Resolve(context => context.Source.PaymentMethod);
        Field<NonNullGraphType<OrderAddressType>, OrderAddress>("deliveryAddress")
            .Description("Where the order goes, as the address was when the order was placed.")
            .Resolve(context => context.Source.DeliveryAddress);
        Field<NonNullGraphType<GeoPointType>, GeoPoint>("shopLocation")
            .Description("Where the parcel is picked up: the shop's location when the order was placed.")
            .Resolve(context => context.Source.ShopLocation);
        Field(o => o.WeightGrams).Description("The parcel's weight: every line's unit weight times its quantity.");
        Field(o => o.Note, nullable: true).Description("The buyer's note to the shop.");
        Field(o => o.Carrier, nullable: true);
        Field(o => o.TrackingNumber, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderStatusChangeType>>>, IDataLoaderResult<IReadOnlyList<OrderStatusChange>?>>("statusHistory")
            .Description("Every move of the order, oldest first, the placement included.")
            .Resolve(context => context.Loader<HistoryByOrderLoader>().Load(context.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderTimelineEntryType>>>, IDataLoaderResult<IReadOnlyList<OrderTimelineEntry>?>>("timeline")
            .Description("The order's story to show a person, oldest first: its moves and news about its payment, shipment and refund.")
            .Resolve(context => context.Loader<TimelineByOrderLoader>().Load(context.Source.Id));
        Field(o => o.PlacedAt);
        Field(o => o.UpdatedAt);
        Field(o => o.PaymentDueAt, nullable: true).Description("When an unpaid online order is cancelled.");
        Field(o => o.DeliveredAt, nullable: true);
        Field(o => o.ReturnDeadline, nullable: true).Description("Until when the buyer may ask for a return; after it the order completes.");
        Field(o => o.CompletedAt, nullable: true);
        Field(o => o.CancelledAt, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllowedOrderTransitionType>>>, IEnumerable<AllowedOrderTransition>>("allowedTransitions")
            .Description("What the viewer may do to the order now, with whether they must say why.")
            .Resolve(context =>
            {
                var roles = Viewer.Of(context).RolesOn(context.Source);
                return context.Source.AvailableTo(roles, context.Service<TimeProvider>().GetUtcNow())
                    .Select(t => new AllowedOrderTransition(t.Action, t.To, t.RequiresReasonOf(roles.First(t.Actors.Contains))));
            });
    }
}

/// <summary>A move the viewer may make now.</summary>
public sealed record AllowedOrderTransition(OrderAction Action, OrderStatus To, bool ReasonRequired);

public sealed class AllowedOrderTransitionType : ObjectGraphType<AllowedOrderTransition>
{
    public AllowedOrderTransitionType()
    {
        Name = "AllowedOrderTransition";
        Field<NonNullGraphType<OrderActionType>, OrderAction>("action").Resolve(context => context.Source.Action);
        Field<NonNullGraphType<OrderStatusType>, OrderStatus>("to").Resolve(context => context.Source.To);
        Field(t => t.ReasonRequired).Description("Whether the mutation needs a reason from the viewer.");
    }
}

public sealed class OrderLineType : ObjectGraphType<OrderLine>
{
    public OrderLineType()
    {
        Name = "OrderLine";
        Description = "A product of an order, as it was sold: title, SKU and price when the order was placed.";
        Field(l => l.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ProductType>, EntityReference<ProductType>>("product").Resolve(context => EntityReference.To<ProductType>(context.Source.ProductId));
        Field<ProductVariantType, EntityReference<ProductVariantType>>("variant")
            .Resolve(context => EntityReference.To<ProductVariantType>(context.Source.VariantId));
        Field(l => l.Title);
        Field(l => l.VariantTitle, nullable: true);
        Field(l => l.Sku, nullable: true);
        Field(l => l.Quantity);
        Field<NonNullGraphType<MoneyType>, Money>("unitPrice").Resolve(context => Money.Vnd(context.Source.UnitPrice));
        Field<NonNullGraphType<MoneyType>, Money>("lineTotal").Resolve(context => Money.Vnd(context.Source.LineTotal));
        Field(l => l.WeightGrams).Description("The weight of one unit.");
    }
}

public sealed class OrderFeesType : ObjectGraphType<OrderFees>
{
    public OrderFeesType()
    {
        Name = "OrderFees";
        Description = "What an order costs: total = subtotal - discount + shippingFee + tax (VAT on subtotal - discount), in whole đồng.";
        Field<NonNullGraphType<MoneyType>, Money>("subtotal").Description("The goods at their prices when priced.").Resolve(context => Money.Vnd(context.Source.Subtotal));
        Field<NonNullGraphType<MoneyType>, Money>("shippingFee").Resolve(context => Money.Vnd(context.Source.ShippingFee));
        Field<NonNullGraphType<MoneyType>, Money>("tax").Resolve(context => Money.Vnd(context.Source.Tax));
        Field<NonNullGraphType<MoneyType>, Money>("discount").Description("What the coupons take off.").Resolve(context => Money.Vnd(context.Source.Discount));
        Field<NonNullGraphType<MoneyType>, Money>("total").Resolve(context => Money.Vnd(context.Source.Total));
    }
}

public sealed class OrderAddressType : ObjectGraphType<OrderAddress>
{
    public OrderAddressType()
    {
        Name = "OrderAddress";
        Description = "A delivery address as it was when the order was placed.";
        Field(a => a.RecipientName);
        Field(a => a.Phone);
        Field(a => a.Line1);
        Field(a => a.Line2, nullable: true);
        Field(a => a.Ward, nullable: true);
        Field(a => a.District);
        Field(a => a.City);
        Field(a => a.Country);
        Field(a => a.PostalCode, nullable: true);
        Field<GeoPointType, GeoPoint>("location")
            .Description("The point on the map, when the buyer picked one.")
            .Resolve(context => context.Source is { Latitude: { } lat, Longitude: { } lng } ? new GeoPoint(lat, lng) : null);
    }
}

public sealed class OrderStatusChangeType : ObjectGraphType<OrderStatusChange>
{
    public OrderStatusChangeType()
    {
        Name = "OrderStatusChange";
        Description = "A move of an order: from where (none for the placement), to where, by whom and why.";
        Field<OrderStatusType, OrderStatus?>("from").Resolve(context => context.Source.From);
        Field<NonNullGraphType<OrderStatusType>, OrderStatus>("to").Resolve(context => context.Source.To);
        Field<NonNullGraphType<OrderActorRoleType>, ActorRole>("actorRole").Resolve(context => context.Source.ActorRole);
        Field<UserType, EntityReference<UserType>>("actor")
            .Description("The person who made the move; none when GoShop did.")
            .Resolve(context => EntityReference.To<UserType>(context.Source.ActorId));
        Field(h => h.Reason, nullable: true);
        Field(h => h.At);
    }
}

public sealed class OrderTimelineEntryType : ObjectGraphType<OrderTimelineEntry>
{
    public OrderTimelineEntryType()
    {
        Name = "OrderTimelineEntry";
        Field<NonNullGraphType<OrderTimelineKindType>, OrderTimelineKind>("kind").Resolve(context => context.Source.Kind);
        Field(t => t.Title);
        Field(t => t.Detail, nullable: true);
        Field(t => t.At);
    }
}
