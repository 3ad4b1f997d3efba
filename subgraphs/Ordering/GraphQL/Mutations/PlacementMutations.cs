using GoShop.BuildingBlocks.GraphQL.Federation;
using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
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

public sealed record PlaceOrderInput
{
    [Description("One of your addresses (identity's Address id).")]
    public required Guid AddressId { get; init; }

    public required PaymentMethod PaymentMethod { get; init; }

    [Description("Coupon codes to use; left out, the coupons applied in the cart are used. Each must apply to a shop of the order.")]
    public List<string>? CouponCodes { get; init; }

    [Description("Any string naming this attempt (at most 100 characters): placing again with it answers the first checkout and changes nothing.")]
    public string? IdempotencyKey { get; init; }

    [Description("Only these items of the cart; left out, the whole cart.")]
    public List<Guid>? CartItemIds { get; init; }

    [Description("A note to the shops.")]
    public string? Note { get; init; }
}

public sealed record ReorderInput
{
    public required Guid OrderId { get; init; }
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
                "(pay before the deadline), cash on delivery starts PENDING.")
            .Authorize()
            .Argument<NonNullGraphType<PlaceOrderInputType>>("input")
            .ResolveAsync(async context => await context.Service<PlacementMutations>().PlaceAsync(context.GetArgument<PlaceOrderInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<ReorderPayloadType>, ReorderPayload>("reorder")
            .Description("Puts an order's products back in its buyer's cart at today's prices. The products that cannot go in come back as userErrors; " +
                "the others are in the cart all the same.")
            .Authorize()
            .Argument<NonNullGraphType<ReorderInputType>>("input")
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
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == input.OrderId, cancellationToken);
        if (order is null)
            return Fail<ReorderPayload>(OrderErrors.OrderNotFound);
        if (order.BuyerId != userId)
            return Fail<ReorderPayload>(order.RolesOf(userId, currentUser.IsInRole(Roles.Admin)).Count == 0 ? OrderErrors.NotParticipant : OrderErrors.OnlyBuyerReorders);

        var lines = order.Lines.OrderBy(l => l.Position).ToList();
        // One id for this reorder: the client's retries of the call send it again, and cart adds the lines once.
        var requestId = Guid.CreateVersion7();
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
