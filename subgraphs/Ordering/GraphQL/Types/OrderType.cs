using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;
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

        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Order"));
        Field(o => o.Number).Description("The number people quote, unique: GS-, the day it was placed in Vietnam time (yyMMdd) and six characters, " +
            "e.g. GS-261126-K7QX3M.");
        Field<NonNullGraphType<OrderStatusType>, OrderStatus>("status")
            .Description("Where the order stands now; allowedTransitions says what the viewer may do next.")
            .Resolve(context => context.Source.Status);
        Field<NonNullGraphType<CheckoutType>, IDataLoaderResult<Checkout?>>("checkout")
            .Description("The checkout the order was placed in. Its buyer and admins see the orders of the other shops there too; its seller only this one.")
            .Resolve(context => context.Loader<CheckoutByIdLoader>().Load(context.Source.CheckoutId));
        Field<UserType, EntityReference<UserType>>("buyer")
            .Description("Who placed the order. Null when identity cannot be reached.")
            .Resolve(context => EntityReference.To<UserType>(context.Source.BuyerId));
        Field<UserType, EntityReference<UserType>>("seller")
            .Description("The shop's owner when the order was placed: the one who acts on the order as its seller. Null when identity cannot be reached.")
            .Resolve(context => EntityReference.To<UserType>(context.Source.SellerId));
        Field<ShopType, EntityReference<ShopType>>("shop")
            .Description("The shop the order was placed with. Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineType>>>, IDataLoaderResult<IReadOnlyList<OrderLine>?>>("lines")
            .Description("What was bought: one line per product or variant, as it was sold. Never changes after placement.")
            .Resolve(context => context.Loader<LinesByOrderLoader>().Load(context.Source.Id));
        Field<NonNullGraphType<OrderFeesType>, OrderFees>("fees")
            .Description("What the order costs, fixed when it was placed (the discount is the one its coupon redemption granted).")
            .Resolve(context => context.Source.Fees);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IEnumerable<string>>("couponCodes")
            .Description("The coupon used on the order, as the shop spells its code: at most one, empty when none.")
            .Resolve(context => context.Source.CouponCodes);
        Field<NonNullGraphType<PaymentMethodType>, PaymentMethod>("paymentMethod")
            .Description("How the buyer pays; the same for every order of the checkout.")
            .Resolve(context => context.Source.PaymentMethod);
        Field<NonNullGraphType<OrderAddressType>, OrderAddress>("deliveryAddress")
            .Description("Where the order goes, as the address was when the order was placed.")
            .Resolve(context => context.Source.DeliveryAddress);
        Field<NonNullGraphType<GeoPointType>, GeoPoint>("shopLocation")
            .Description("Where the parcel is picked up: the shop's location when the order was placed.")
            .Resolve(context => context.Source.ShopLocation);
        Field(o => o.WeightGrams).Description("The parcel's weight in grams: every line's unit weight times its quantity.");
        Field(o => o.Note, nullable: true)
            .Description("The buyer's note to the shop (up to 500 characters, the same on every order of the checkout); null when none.");
        Field(o => o.Carrier, nullable: true)
            .Description("Who carries the parcel, as the seller named it in shipOrder; null when not given (a parcel GoShop's shipping picks up has none).");
        Field(o => o.TrackingNumber, nullable: true)
            .Description("The parcel's tracking number: the one GoShop's shipping gave it when a shipper picked it up, or the one the seller gave in " +
                "shipOrder; null until the order ships, or when the seller gave none.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderStatusChangeType>>>, IDataLoaderResult<IReadOnlyList<OrderStatusChange>?>>("statusHistory")
            .Description("Every move of the order, oldest first, the placement included.")
            .Resolve(context => context.Loader<HistoryByOrderLoader>().Load(context.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderTimelineEntryType>>>, IDataLoaderResult<IReadOnlyList<OrderTimelineEntry>?>>("timeline")
            .Description("The order's story to show a person, oldest first: its moves and news about its payment, shipment and refund.")
            .Resolve(context => context.Loader<TimelineByOrderLoader>().Load(context.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReturnType>>>, IDataLoaderResult<IReadOnlyList<Return>?>>("returns")
            .Description("The buyer's return of some or all of the order (requestReturn); empty when none was asked for. An order has at most one.")
            .Resolve(context => context.Loader<ReturnsByOrderLoader>().Load(context.Source.Id));
        Field(o => o.PlacedAt).Description("When the order was placed.");
        Field(o => o.UpdatedAt).Description("When the order last changed: a move, or news on its timeline.");
        Field(o => o.PaymentDueAt, nullable: true)
            .Description("Paid online: the deadline of the payment (15 minutes after placement by default); an order still PENDING_PAYMENT then is " +
                "cancelled (reason PAYMENT_TIMEOUT). Stays set once paid. Null for cash on delivery.");
        Field(o => o.DeliveredAt, nullable: true).Description("When the parcel reached the buyer; null until the order is DELIVERED.");
        Field(o => o.ReturnDeadline, nullable: true)
            .Description("Until when the buyer may ask for a return (7 days after delivery by default); a DELIVERED order completes by itself after " +
                "it. Null until the order is DELIVERED.");
        Field(o => o.CompletedAt, nullable: true).Description("When the order became COMPLETED; null until then.");
        Field(o => o.CancelledAt, nullable: true).Description("When the order was cancelled; null unless it is CANCELLED.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllowedOrderTransitionType>>>, IEnumerable<AllowedOrderTransition>>("allowedTransitions")
            .Description("What the viewer may do to the order now, as its buyer, its seller or an admin, and whether they must say why; empty when " +
                "nothing. GoShop's own MARK_PAID and REFUND never appear.")
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
        Description = "A move the viewer may make on an order now.";
        Field<NonNullGraphType<OrderActionType>, OrderAction>("action")
            .Description("What to do, and the mutation that does it: CONFIRM confirmOrder, CANCEL cancelOrder, SHIP shipOrder, MARK_DELIVERED " +
                "markOrderDelivered, COMPLETE completeOrder, REQUEST_RETURN requestReturn, APPROVE_RETURN approveReturn, REJECT_RETURN rejectReturn.")
            .Resolve(context => context.Source.Action);
        Field<NonNullGraphType<OrderStatusType>, OrderStatus>("to")
            .Description("The status the order will have.")
            .Resolve(context => context.Source.To);
        Field(t => t.ReasonRequired).Description("Whether the mutation needs a reason from the viewer (REASON_REQUIRED without one).");
    }
}

public sealed class OrderLineType : ObjectGraphType<OrderLine>
{
    public OrderLineType()
    {
        Name = "OrderLine";
        Description = "A product of an order, as it was sold: title, SKU and price when the order was placed.";
        Field(l => l.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The line's unique id.");
        Field<ProductType, EntityReference<ProductType>>("product")
            .Description("The product sold, as catalog shows it now (the line keeps what it was). Null when catalog cannot be reached.")
            .Resolve(context => EntityReference.To<ProductType>(context.Source.ProductId));
        Field<ProductVariantType, EntityReference<ProductVariantType>>("variant")
            .Description("The variant sold; null when the product was bought without one.")
            .Resolve(context => EntityReference.To<ProductVariantType>(context.Source.VariantId));
        Field(l => l.Title).Description("The product's title when the order was placed.");
        Field(l => l.VariantTitle, nullable: true).Description("The variant's title when the order was placed; null without a variant or title.");
        Field(l => l.Sku, nullable: true).Description("The SKU when the order was placed; null when there was none.");
        Field(l => l.Quantity).Description("How many were bought (at least 1).");
        Field<NonNullGraphType<MoneyType>, Money>("unitPrice")
            .Description("The effective price of one unit when the order was placed (a sale price when there was one), in whole đồng.")
            .Resolve(context => Money.Vnd(context.Source.UnitPrice));
        Field<NonNullGraphType<MoneyType>, Money>("lineTotal")
            .Description("unitPrice times quantity.")
            .Resolve(context => Money.Vnd(context.Source.LineTotal));
        Field(l => l.WeightGrams).Description("The weight of one unit, in grams.");
    }
}

public sealed class OrderFeesType : ObjectGraphType<OrderFees>
{
    public OrderFeesType()
    {
        Name = "OrderFees";
        Description = "What an order costs: total = subtotal - discount + shippingFee + tax (VAT on subtotal - discount), in whole đồng.";
        Field<NonNullGraphType<MoneyType>, Money>("subtotal")
            .Description("The goods at their prices when priced: the lines' totals added up.")
            .Resolve(context => Money.Vnd(context.Source.Subtotal));
        Field<NonNullGraphType<MoneyType>, Money>("shippingFee")
            .Description("The delivery, as GoShop's shipping quotes it; with its cash-on-delivery surcharge when paid COD.")
            .Resolve(context => Money.Vnd(context.Source.ShippingFee));
        Field<NonNullGraphType<MoneyType>, Money>("tax")
            .Description("VAT on subtotal - discount (10 % by default).")
            .Resolve(context => Money.Vnd(context.Source.Tax));
        Field<NonNullGraphType<MoneyType>, Money>("discount")
            .Description("What the coupons take off; never more than the subtotal.")
            .Resolve(context => Money.Vnd(context.Source.Discount));
        Field<NonNullGraphType<MoneyType>, Money>("total")
            .Description("What the buyer pays: subtotal - discount + shippingFee + tax.")
            .Resolve(context => Money.Vnd(context.Source.Total));
    }
}

public sealed class OrderAddressType : ObjectGraphType<OrderAddress>
{
    public OrderAddressType()
    {
        Name = "OrderAddress";
        Description = "A delivery address as it was when the order was placed.";
        Field(a => a.RecipientName).Description("Who receives the parcel.");
        Field(a => a.Phone).Description("The recipient's phone number, as written in the address.");
        Field(a => a.Line1).Description("House number and street.");
        Field(a => a.Line2, nullable: true).Description("The address's second line; null when none.");
        Field(a => a.Ward, nullable: true).Description("The ward; null when none.");
        Field(a => a.District).Description("The district.");
        Field(a => a.City).Description("The city or province.");
        Field(a => a.Country).Description("ISO 3166-1 alpha-2 code, e.g. VN.");
        Field(a => a.PostalCode, nullable: true).Description("The postal code; null when none.");
        Field<GeoPointType, GeoPoint>("location")
            .Description("The address's point on the map; null when it has none (shipping then locates it by ward, district and city).")
            .Resolve(context => context.Source is { Latitude: { } lat, Longitude: { } lng } ? new GeoPoint(lat, lng) : null);
    }
}

public sealed class OrderStatusChangeType : ObjectGraphType<OrderStatusChange>
{
    /// <summary>What a move's reason is, on the history and on live updates alike.</summary>
    public const string ReasonDescription =
        "Why, as the person wrote it (a cancellation, a return request or rejection; at most 500 characters), or GoShop's code for its own " +
        "cancellations: PAYMENT_TIMEOUT, PAYMENT_FAILED or CONFIRMATION_TIMEOUT. Null when no reason was given.";

    public OrderStatusChangeType()
    {
        Name = "OrderStatusChange";
        Description = "A move of an order: from where (none for the placement), to where, by whom and why.";
        Field<OrderStatusType, OrderStatus?>("from")
            .Description("The status before; null for the placement.")
            .Resolve(context => context.Source.From);
        Field<NonNullGraphType<OrderStatusType>, OrderStatus>("to")
            .Description("The status after.")
            .Resolve(context => context.Source.To);
        Field<NonNullGraphType<OrderActorRoleType>, ActorRole>("actorRole")
            .Description("In which capacity the move was made.")
            .Resolve(context => context.Source.ActorRole);
        Field<UserType, EntityReference<UserType>>("actor")
            .Description("The person who made the move; null when GoShop did (SYSTEM).")
            .Resolve(context => EntityReference.To<UserType>(context.Source.ActorId));
        Field(h => h.Reason, nullable: true).Description(ReasonDescription);
        Field(h => h.At).Description("When the move was made.");
    }
}

public sealed class OrderTimelineEntryType : ObjectGraphType<OrderTimelineEntry>
{
    public OrderTimelineEntryType()
    {
        Name = "OrderTimelineEntry";
        Description = "One entry of an order's story, written to show a person: a move of the order, or news about its payment, parcel or refund.";
        Field<NonNullGraphType<OrderTimelineKindType>, OrderTimelineKind>("kind")
            .Description("What the entry tells, to pick an icon or a style by.")
            .Resolve(context => context.Source.Kind);
        Field(t => t.Title).Description("A short English headline, e.g. \"Order placed\" or \"Confirmed by the shop\".");
        Field(t => t.Detail, nullable: true)
            .Description("More about it, in English, when there is more: the item count at placement, the reason given (or GoShop's code), the carrier and " +
                "tracking number, the amount refunded, why a delivery attempt failed. Null otherwise.");
        Field(t => t.At).Description("When it happened.");
    }
}
