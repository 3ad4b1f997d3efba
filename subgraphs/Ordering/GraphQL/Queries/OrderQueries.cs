using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Ordering.Domain;
using GoShop.Ordering.GraphQL.Loaders;
using GoShop.Ordering.GraphQL.Types;
using GoShop.Ordering.Pricing;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace GoShop.Ordering.GraphQL.Queries;

[System.ComponentModel.Description("What to preview: placeOrder's choice of address, cart items, coupons and payment method.")]
public sealed record OrderPreviewInput
{
    [System.ComponentModel.Description("One of your addresses (identity's Address id); the parcels' destination.")]
    public required Guid AddressId { get; init; }

    [System.ComponentModel.Description("Coupon codes to use, at most 10 of 1 to 50 characters (repeats count once, ignoring case); left out, the " +
        "coupons applied in the cart are used. Each code is tried on every shop and must apply to at least one.")]
    public List<string>? CouponCodes { get; init; }

    [System.ComponentModel.Description("Only these items of the cart, 1 to 200 ids; left out, the whole cart.")]
    public List<Guid>? CartItemIds { get; init; }

    [System.ComponentModel.Description("How the buyer will pay; COD adds shipping's cash-on-delivery surcharge. Left out, paid online (no surcharge).")]
    public PaymentMethod? PaymentMethod { get; init; }
}

public sealed class OrderPreviewInputType : AutoRegisteringInputObjectGraphType<OrderPreviewInput>;

/// <summary>order(id), checkout(id), myOrders and orderPreview.</summary>
public static class OrderQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<OrderType, IDataLoaderResult<Order?>>("order")
            .Description("An order by id. Only its buyer, its seller and admins see it; anyone else gets null, as for an unknown id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The order's id.")
            .Resolve(context =>
            {
                var viewer = Viewer.Of(context);
                return context.Loader<OrderByIdLoader>().Load(context.GetArgument<Guid>("id")).Then(order => order is not null && viewer.CanSee(order) ? order : null);
            });

        query.Field<CheckoutType, IDataLoaderResult<Checkout?>>("checkout")
            .Description("A checkout by id. Only its buyer and admins see it; anyone else gets null, as for an unknown id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The checkout's id.")
            .Resolve(context =>
            {
                var viewer = Viewer.Of(context);
                return context.Loader<CheckoutByIdLoader>().Load(context.GetArgument<Guid>("id")).Then(checkout => checkout is not null && viewer.CanSee(checkout) ? checkout : null);
            });

        query.Field<NonNullGraphType<ConnectionType<OrderType, Order>>, Connection<Order>>("myOrders")
            .Description("The orders the signed-in user placed, newest first. Signed-in users only.")
            .Authorize()
            .Argument<OrderStatusType>("status", "Only orders with this status.")
            .PageArguments()
            .ResolveAsync(async context => await OrderLists.OfBuyerAsync(context, context.Service<ICurrentUser>().RequireId()));

        query.Field<NonNullGraphType<OrderPreviewType>, OrderPreview>("orderPreview")
            .Description("What placeOrder would charge for the signed-in user's cart now, shop by shop: the same pricing and checks, without " +
                "holding or placing anything. Signed-in users only.")
            .Authorize()
            .Argument<NonNullGraphType<OrderPreviewInputType>>("input", "The address, and optionally the cart items, coupons and payment method.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<OrderPreviewInput>("input");
                var check = new InputCheck();
                var codes = CheckoutInputs.CouponCodes(check, input.CouponCodes);
                var items = CheckoutInputs.CartItems(check, input.CartItemIds);
                if (check.HasErrors)
                    return new OrderPreview([], OrderFees.Zero, check.Errors);
                var buyer = context.Service<ICurrentUser>().RequireId();
                var price = await context.Service<CheckoutPricing>().PriceAsync(
                    new CheckoutRequest(buyer, input.AddressId, items, codes) { CashOnDelivery = input.PaymentMethod == PaymentMethod.Cod },
                    context.CancellationToken);
                return new OrderPreview(price.Shops, price.Fees, price.Problems.Select(UserError.From).ToList());
            });
    }
}
