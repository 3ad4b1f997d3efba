using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Cart.Carts;
using GoShop.Cart.Domain;
using GoShop.Cart.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Cart.GraphQL.Mutations;

[Description("What addToCart puts in the cart.")]
public sealed record AddToCartInput
{
    [Description("The product to add.")]
    public required Guid ProductId { get; init; }

    [Description("One variant of the product; leave out for a product without variants.")]
    public Guid? VariantId { get; init; }

    [Description("How many to add (merged with the line already holding the product): the line may hold 1 to 999.")]
    public required int Quantity { get; init; }
}

[Description("The line updateCartItem changes and its new quantity.")]
public sealed record UpdateCartItemInput
{
    [Description("The line to change (CartItem.id).")]
    public required Guid ItemId { get; init; }

    [Description("The line's new quantity, 1 to 999 (removeCartItem takes a line out).")]
    public required int Quantity { get; init; }
}

[Description("The line removeCartItem takes out.")]
public sealed record RemoveCartItemInput
{
    [Description("The line to take out (CartItem.id).")]
    public required Guid ItemId { get; init; }
}

[Description("What clearCart empties; leave the input out to empty the whole cart.")]
public sealed record ClearCartInput
{
    [Description("Only the lines from this shop; leave out to empty the whole cart.")]
    public Guid? ShopId { get; init; }
}

public sealed class AddToCartInputType : AutoRegisteringInputObjectGraphType<AddToCartInput>;

public sealed class UpdateCartItemInputType : AutoRegisteringInputObjectGraphType<UpdateCartItemInput>;

public sealed class RemoveCartItemInputType : AutoRegisteringInputObjectGraphType<RemoveCartItemInput>;

public sealed class ClearCartInputType : AutoRegisteringInputObjectGraphType<ClearCartInput>;

/// <summary>addToCart, updateCartItem, removeCartItem and clearCart: the signed-in buyer's own cart.</summary>
public sealed class CartMutations(CartLines lines, CartChanges changes, CartPayloads payloads, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AddToCartPayloadType>, CartPayload>("addToCart")
            .Description("Puts a product (or one variant of it) in the signed-in buyer's cart, opening the cart if need be. It must be ACTIVE, "
                + "with enough available for the whole line, as cart's copy of catalog's products says; catalog itself is asked when the copy "
                + "has not heard of the product and before anything the copy refuses is refused (so CATALOG_UNAVAILABLE only then). placeOrder "
                + "checks again with the stock reserved. The same product and variant again adds to its line; "
                + $"a cart holds at most {ShoppingCart.MaxLines} lines. userErrors: QUANTITY_OUT_OF_RANGE, CATALOG_UNAVAILABLE, PRODUCT_NOT_FOUND, "
                + "PRODUCT_UNAVAILABLE, OUT_OF_STOCK, CART_FULL.")
            .Authorize()
            .Argument<NonNullGraphType<AddToCartInputType>>("input", "What to add, and how many.")
            .ResolveAsync(async context => await context.Service<CartMutations>().AddAsync(context.GetArgument<AddToCartInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateCartItemPayloadType>, CartPayload>("updateCartItem")
            .Description("Sets a line's quantity. Asking for more is checked as addToCart checks a line (still ACTIVE, enough available); asking for less "
                + "always works. userErrors: QUANTITY_OUT_OF_RANGE, CART_ITEM_NOT_FOUND, CATALOG_UNAVAILABLE, PRODUCT_NOT_FOUND, PRODUCT_UNAVAILABLE, "
                + "OUT_OF_STOCK.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateCartItemInputType>>("input", "The line and its new quantity.")
            .ResolveAsync(async context => await context.Service<CartMutations>().UpdateAsync(context.GetArgument<UpdateCartItemInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RemoveCartItemPayloadType>, CartPayload>("removeCartItem")
            .Description("Takes a line out of the cart (and the shop's coupon, when it was the shop's last line). userErrors: CART_ITEM_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<RemoveCartItemInputType>>("input", "The line to take out.")
            .ResolveAsync(async context => await context.Service<CartMutations>().RemoveAsync(context.GetArgument<RemoveCartItemInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<ClearCartPayloadType>, CartPayload>("clearCart")
            .Description("Empties the cart, or only the part from one shop, coupons included. Nothing here is refused: emptying an empty cart, "
                + "or having no cart, is not an error. userErrors: none.")
            .Authorize()
            .Argument<ClearCartInputType>("input", "Which shop's lines to take out; left out, the whole cart is emptied.")
            .ResolveAsync(async context => await context.Service<CartMutations>().ClearAsync(context.GetArgument<ClearCartInput?>("input") ?? new ClearCartInput(), context.CancellationToken));
    }

    public async Task<CartPayload> AddAsync(AddToCartInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        if (!CartItem.IsValidQuantity(input.Quantity))
            return Fail<CartPayload>(CartErrors.QuantityOutOfRange());
        var added = await lines.AddOneAsync(userId, new LineRequest(input.ProductId, input.VariantId, input.Quantity), cancellationToken);
        if (!added.Succeeded)
            return Fail<CartPayload>(added.Error);
        var outcome = added.Value.Outcomes[0];
        if (outcome.Error is { } refused)
            return Fail<CartPayload>(refused);
        return await payloads.OfAsync(added.Value.Cart, outcome.Item!.Id, cancellationToken);
    }

    public async Task<CartPayload> UpdateAsync(UpdateCartItemInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        if (!CartItem.IsValidQuantity(input.Quantity))
            return Fail<CartPayload>(CartErrors.QuantityOutOfRange());
        return await payloads.AnswerAsync(await changes.ChangeQuantityAsync(userId, input.ItemId, input.Quantity, cancellationToken), input.ItemId,
            cancellationToken);
    }

    public async Task<CartPayload> RemoveAsync(RemoveCartItemInput input, CancellationToken cancellationToken) =>
        await payloads.AnswerAsync(await changes.RemoveItemAsync(currentUser.RequireId(), input.ItemId, cancellationToken), itemId: null, cancellationToken);

    public async Task<CartPayload> ClearAsync(ClearCartInput input, CancellationToken cancellationToken) =>
        await payloads.OfAsync(await changes.ClearAsync(currentUser.RequireId(), input.ShopId, cancellationToken), itemId: null, cancellationToken);
}
