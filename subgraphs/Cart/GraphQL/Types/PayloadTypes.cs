using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Cart.Domain;
using GoShop.Cart.Pricing;
using GraphQL.Types;

namespace GoShop.Cart.GraphQL.Types;

/// <summary>A payload that answers the cart as it is after the change (null only when the buyer has no cart).</summary>
public sealed record CartPayload : Payload
{
    public CartView? Cart { get; init; }

    /// <summary>The line the change was about, when it still exists.</summary>
    public CartLineView? Item { get; init; }
}

public abstract class CartPayloadType : PayloadType<CartPayload>
{
    protected CartPayloadType(string name, bool withItem = false)
    {
        Name = name;
        Field<CartType, CartView>("cart")
            .Description("The buyer's cart as the mutation left it; null when userErrors is not empty or the buyer has no cart.")
            .Resolve(context => context.Source.Cart);
        if (withItem)
            Field<CartItemType, CartLineView>("item").Description("The line added or changed; null when userErrors is not empty.").Resolve(context => context.Source.Item);
    }
}

public sealed class AddToCartPayloadType() : CartPayloadType("AddToCartPayload", withItem: true);

public sealed class UpdateCartItemPayloadType() : CartPayloadType("UpdateCartItemPayload", withItem: true);

public sealed class RemoveCartItemPayloadType() : CartPayloadType("RemoveCartItemPayload");

public sealed class ClearCartPayloadType() : CartPayloadType("ClearCartPayload");

public sealed class ApplyCouponPayloadType() : CartPayloadType("ApplyCouponPayload");

public sealed class RemoveCouponPayloadType() : CartPayloadType("RemoveCouponPayload");

/// <summary>restoreCart: the cart after the lines that could go in went in.</summary>
public sealed record RestoreCartPayload : Payload
{
    public CartView? Cart { get; init; }

    public int Added { get; init; }
}

public sealed class RestoreCartPayloadType : PayloadType<RestoreCartPayload>
{
    public RestoreCartPayloadType()
    {
        Name = "RestoreCartPayload";
        Description = "Unlike other payloads, userErrors here may sit beside a changed cart: they list the saved lines that could not go back in.";
        Field<CartType, CartView>("cart")
            .Description("The cart after the lines that fit went in (opened if the buyer had none); null only when the whole restore was "
                + "refused (SAVED_CART_NOT_FOUND, CATALOG_UNAVAILABLE).")
            .Resolve(context => context.Source.Cart);
        Field(p => p.Added).Description("How many saved lines went back in the cart; 0 when the whole restore was refused.");
    }
}

public sealed record SavedCartPayload : Payload
{
    public SavedCart? SavedCart { get; init; }
}

public sealed class SaveCartPayloadType : PayloadType<SavedCartPayload>
{
    public SaveCartPayloadType()
    {
        Name = "SaveCartPayload";
        Field<SavedCartType, SavedCart>("savedCart")
            .Description("The saved cart created; null when userErrors is not empty.")
            .Resolve(context => context.Source.SavedCart);
    }
}

public sealed record DeleteSavedCartPayload : Payload
{
    public Guid? DeletedSavedCartId { get; init; }
}

public sealed class DeleteSavedCartPayloadType : PayloadType<DeleteSavedCartPayload>
{
    public DeleteSavedCartPayloadType()
    {
        Name = "DeleteSavedCartPayload";
        Field(p => p.DeletedSavedCartId, type: typeof(IdGraphType)).Description("The id of the saved cart deleted; null when userErrors is not empty.");
    }
}
