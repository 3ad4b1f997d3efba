using GoShop.BuildingBlocks.GraphQL.Federation;
using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Contracts.Cart;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using GoShop.Ordering.GraphQL.Types;
using GoShop.Ordering.Placement;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Ordering.GraphQL.Mutations;

[Description("What to place: where to deliver, how to pay, and optionally which cart items and coupons.")]
public sealed record PlaceOrderInput
{
    [Description("One of your addresses (identity's Address id): where every order of the checkout goes. It is copied onto the orders, so " +
        "later edits of the address do not move them.")]
    public required Guid AddressId { get; init; }

    [Description("How the buyer pays for every order of the checkout. CARD, E_WALLET and BANK_TRANSFER orders start PENDING_PAYMENT, to be " +
        "paid with startPayment before their paymentDueAt; COD orders start PENDING and their shipping fee includes the cash-on-delivery surcharge.")]
    public required PaymentMethod PaymentMethod { get; init; }

    [Description("Coupon codes to use, at most 10 of 1 to 50 characters (repeats count once, ignoring case); left out, the coupons applied in " +
        "the cart are used. Each code is tried on every shop of the checkout and must apply to at least one; one coupon per shop.")]
    public List<string>? CouponCodes { get; init; }

    [Description("Any string naming this attempt (at most 100 characters): placing again with it answers the first checkout and changes nothing.")]
    public string? IdempotencyKey { get; init; }

    [Description("Only these items of the cart, 1 to 200 ids; left out, the whole cart.")]
    public List<Guid>? CartItemIds { get; init; }

    [Description("A note to the shops, at most 500 characters (trimmed); copied onto every order of the checkout.")]
    public string? Note { get; init; }
}

[Description("Which order to buy again.")]
public sealed record ReorderInput
{
    [Description("The id of an order you placed.")]
    public required Guid OrderId { get; init; }

    [Description("Any string naming this attempt (at most 100 characters): reordering the same order again with it answers what the "
        + "first call did and puts nothing in the cart twice, so a client may retry a call whose answer it lost. Left out, every call adds.")]
    public string? IdempotencyKey { get; init; }
}

public sealed class PlaceOrderInputType : AutoRegisteringInputObjectGraphType<PlaceOrderInput>;

public sealed class ReorderInputType : AutoRegisteringInputObjectGraphType<ReorderInput>;

/// <summary>placeOrder (the saga of <see cref="OrderPlacement"/>) and reorder.</summary>
public sealed class PlacementMutations(OrderPlacement placement, OrderingDbContext db, CartDirectory carts, ICurrentUser currentUser,
    ILogger<PlacementMutations> logger)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PlaceOrderPayloadType>, PlaceOrderPayload>("placeOrder")
            .Description("Places the signed-in user's cart (or some of its items): one order per shop in one checkout, its stock reserved and its " +
                "coupons used, all or nothing. Prices are catalog's now, exactly as orderPreview shows them. Online payments start PENDING_PAYMENT " +
                "(pay before the deadline), cash on delivery starts PENDING. The ordered items then leave the cart. Signed-in users only. " +
                "userErrors: REQUIRED, TOO_LONG, TOO_MANY, INVALID_COUPON_CODE, ADDRESS_NOT_FOUND, CART_EMPTY, CART_ITEM_NOT_FOUND, " +
                "TOO_MANY_PRODUCTS, PRODUCT_UNAVAILABLE, OUT_OF_STOCK, QUANTITY_OUT_OF_RANGE, CURRENCY_NOT_SUPPORTED, SHOP_UNAVAILABLE, " +
                "CANNOT_BUY_FROM_OWN_SHOP, COUPON_NOT_FOUND, COUPON_NOT_ACTIVE, COUPON_EXPIRED, MIN_ORDER_NOT_MET, USAGE_LIMIT_REACHED, " +
                "PER_USER_LIMIT_REACHED, NOT_APPLICABLE, ONE_COUPON_PER_SHOP, WEIGHT_OUT_OF_RANGE, INVALID_COD_AMOUNT, IDENTITY_UNAVAILABLE, " +
                "CART_UNAVAILABLE, CATALOG_UNAVAILABLE, SHOPS_UNAVAILABLE, SHIPPING_UNAVAILABLE.")
            .Authorize()
            .Argument<NonNullGraphType<PlaceOrderInputType>>("input", "The address, the payment method, and optionally the cart items, coupons, note and idempotency key.")
            .ResolveAsync(async context => await context.Service<PlacementMutations>().PlaceAsync(context.GetArgument<PlaceOrderInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<ReorderPayloadType>, ReorderPayload>("reorder")
            .Description("Puts an order's products back in its buyer's cart, in the same quantities, at today's prices. Only the order's buyer. " +
                "Unlike other mutations it may change something and still answer userErrors: the products that cannot go in come back as " +
                "userErrors, the others are in the cart all the same. " +
                "userErrors: TOO_LONG, ORDER_NOT_FOUND, NOT_ORDER_PARTICIPANT, FORBIDDEN_ACTOR, CART_UNAVAILABLE, PRODUCT_NOT_FOUND, PRODUCT_UNAVAILABLE, " +
                "OUT_OF_STOCK, QUANTITY_OUT_OF_RANGE, CART_FULL.")
            .Authorize()
            .Argument<NonNullGraphType<ReorderInputType>>("input", "The order to buy again, and optionally an idempotency key.")
            .ResolveAsync(async context => await context.Service<PlacementMutations>().ReorderAsync(context.GetArgument<ReorderInput>("input"), context.CancellationToken));
    }

    public async Task<PlaceOrderPayload> PlaceAsync(PlaceOrderInput input, CancellationToken cancellationToken)
    {
        var buyerId = currentUser.RequireId();
        var check = new InputCheck().Text(input.Note, "note", Order.MaxNote, required: false);
        var codes = CheckoutInputs.CouponCodes(check, input.CouponCodes);
        var items = CheckoutInputs.CartItems(check, input.CartItemIds);
        var key = string.IsNullOrWhiteSpace(input.IdempotencyKey) ? null : input.IdempotencyKey;
        if (key?.Length > Checkout.MaxIdempotencyKey)
            check.Add("TOO_LONG", $"Idempotency key must be at most {Checkout.MaxIdempotencyKey} characters.", "idempotencyKey");
        if (check.HasErrors)
            return Fail<PlaceOrderPayload>(check);

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var placed = await placement.PlaceAsync(buyerId, new PlaceOrderRequest(input.AddressId, input.PaymentMethod, codes, key, items, note), cancellationToken);
        return placed.Checkout is { } checkout ? new PlaceOrderPayload { Checkout = checkout } : Fail<PlaceOrderPayload>(placed.Errors);
    }

    public async Task<ReorderPayload> ReorderAsync(ReorderInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var key = string.IsNullOrWhiteSpace(input.IdempotencyKey) ? null : input.IdempotencyKey;
        if (key?.Length > Checkout.MaxIdempotencyKey)
            return Fail<ReorderPayload>(new InputCheck().Add("TOO_LONG", $"Idempotency key must be at most {Checkout.MaxIdempotencyKey} characters.", "idempotencyKey"));
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == input.OrderId, cancellationToken);
        if (order is null)
            return Fail<ReorderPayload>(OrderErrors.OrderNotFound);
        if (order.BuyerId != userId)
            return Fail<ReorderPayload>(order.RolesOf(userId, currentUser.IsInRole(Roles.Admin)).Count == 0 ? OrderErrors.NotParticipant : OrderErrors.OnlyBuyerReorders);

        var lines = order.Lines.OrderBy(l => l.Position).ToList();
        // One id for this reorder, which cart remembers: ordering's own retries of the call to cart send it again, and so do
        // the client's retries of the mutation when they carry the same idempotency key.
        var requestId = key is null ? Guid.CreateVersion7() : NameBasedId.From($"reorder:{userId:N}:{order.Id:N}:{key}");
        AddCartLinesResult added;
        try
        {
            added = await InternalCalls.RunAsync(
                () => carts.AddLinesAsync(userId, new AddCartLinesRequest(lines.Select(l => new CartLineRequest(l.ProductId, l.VariantId, l.Quantity)).ToList(), requestId),
                    cancellationToken),
                OrderErrors.CartUnavailable, logger, cancellationToken);
        }
        catch (SubgraphUnavailableException unavailable)
        {
            return Fail<ReorderPayload>(unavailable.Error);
        }
        var rejected = added.Rejected.Select(r =>
        {
            var title = lines.FirstOrDefault(l => l.ProductId == r.ProductId && l.VariantId == r.VariantId)?.Title ?? r.ProductId.ToString();
            return UserError.ForInput(r.Reason, $"'{title}' could not go back in your cart: {r.Message}", "orderId");
        }).ToList();
        return new ReorderPayload { Cart = EntityReference.To<CartType>(added.CartId), AddedCount = added.Added, UserErrors = rejected };
    }
}
