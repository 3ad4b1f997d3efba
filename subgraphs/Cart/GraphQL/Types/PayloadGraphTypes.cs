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

public abstract class CartPayloadGraphType : PayloadType<CartPayload>
{
    protected CartPayloadGraphType(string name, bool withItem = false)
    {
        Name = name;
        Field<CartGraphType, CartView>("cart").Resolve(context => context.Source.Cart);
        if (withItem)
            Field<CartItemGraphType, CartLineView>("item").Description("The line added or changed.").Resolve(context => context.Source.Item);
    }
}

public sealed class AddToCartPayloadGraphType() : CartPayloadGraphType("AddToCartPayload", withItem: true);

public sealed class UpdateCartItemPayloadGraphType() : CartPayloadGraphType("UpdateCartItemPayload", withItem: true);

public sealed class RemoveCartItemPayloadGraphType() : CartPayloadGraphType("RemoveCartItemPayload");

public sealed class ClearCartPayloadGraphType() : CartPayloadGraphType("ClearCartPayload");

public sealed class ApplyCouponPayloadGraphType() : CartPayloadGraphType("ApplyCouponPayload");

public sealed class RemoveCouponPayloadGraphType() : CartPayloadGraphType("RemoveCouponPayload");

/// <summary>restoreCart: the cart after the lines that could go in went in.</summary>
public sealed record RestoreCartPayload : Payload
{
    public CartView? Cart { get; init; }

    public int Added { get; init; }
}

public sealed class RestoreCartPayloadGraphType : PayloadType<RestoreCartPayload>
{
    public RestoreCartPayloadGraphType()
    {
        Name = "RestoreCartPayload";
        Description = "Unlike other payloads, userErrors here may sit beside a changed cart: they list the saved lines that could not go back in.";
        Field<CartGraphType, CartView>("cart").Resolve(context => context.Source.Cart);
        Field(p => p.Added).Description("How many saved lines went back in the cart.");
    }
}

public sealed record SavedCartPayload : Payload
{
    public SavedCart? SavedCart { get; init; }
}

public sealed class SaveCartPayloadGraphType : PayloadType<SavedCartPayload>
{
    public SaveCartPayloadGraphType()
    {
        Name = "SaveCartPayload";
        Field<SavedCartGraphType, SavedCart>("savedCart").Resolve(context => context.Source.SavedCart);
    }
}

public sealed record DeleteSavedCartPayload : Payload
{
    public Guid? DeletedSavedCartId { get; init; }
}

public sealed class DeleteSavedCartPayloadGraphType : PayloadType<DeleteSavedCartPayload>
{
    public DeleteSavedCartPayloadGraphType()
    {
        Name = "DeleteSavedCartPayload";
        Field(p => p.DeletedSavedCartId, type: typeof(IdGraphType));
    }
}
