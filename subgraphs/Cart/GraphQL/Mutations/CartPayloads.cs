using GoShop.BuildingBlocks.Domain;
using GoShop.Cart.Caching;
using GoShop.Cart.Domain;
using GoShop.Cart.GraphQL.Types;
using GoShop.Cart.Pricing;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Cart.GraphQL.Mutations;

/// <summary>The payload of a change to a cart: the cart as committed and the line the change was about, or why nothing changed.</summary>
public sealed class CartPayloads(CartViews views)
{
    public async Task<CartPayload> AnswerAsync(Result<ShoppingCart> changed, Guid? itemId, CancellationToken cancellationToken) =>
        changed.Succeeded ? await OfAsync(changed.Value, itemId, cancellationToken) : Fail<CartPayload>(changed.Error);

    /// <param name="cart">Null answers a payload without a cart.</param>
    public async Task<CartPayload> OfAsync(ShoppingCart? cart, Guid? itemId, CancellationToken cancellationToken)
    {
        if (cart is null)
            return new CartPayload();
        var view = await views.BuildAsync(CartState.Of(cart), cancellationToken);
        return new CartPayload { Cart = view, Item = view?.Items.FirstOrDefault(i => i.Id == itemId) };
    }
}
