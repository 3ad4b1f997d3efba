using GoShop.BuildingBlocks.Domain;
using GoShop.Cart.Caching;
using GoShop.Cart.Data;
using GoShop.Cart.Domain;
using GoShop.Cart.GraphQL.Types;
using GoShop.Cart.Pricing;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Cart.GraphQL.Mutations;

/// <summary>
/// The one way the mutations change a buyer's existing cart: lock it, make the change, commit, and answer the cart as
/// committed. A refused change rolls back and answers why.
/// </summary>
public sealed class CartChanges(CartDbContext db, CartViews views)
{
    /// <param name="whenNoCart">The answer when the buyer has no cart; null answers a payload without a cart.</param>
    /// <param name="itemId">The line the change is about, answered in the payload's <c>item</c>.</param>
    public async Task<CartPayload> ApplyAsync(
        Guid userId, DomainError? whenNoCart, Func<ShoppingCart, Task<Result>> change, Guid? itemId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cart = await db.LockCartAsync(userId, cancellationToken);
        if (cart is null)
            return whenNoCart is null ? new CartPayload() : Fail<CartPayload>(whenNoCart);
        var changed = await change(cart);
        if (!changed.Succeeded)
            return Fail<CartPayload>(changed.Error);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await PayloadAsync(cart, itemId, cancellationToken);
    }

    /// <summary>The payload of a change that went through: the cart as committed, and the line it was about.</summary>
    public async Task<CartPayload> PayloadAsync(ShoppingCart cart, Guid? itemId, CancellationToken cancellationToken)
    {
        var view = await views.BuildAsync(CartState.Of(cart), cancellationToken);
        return new CartPayload { Cart = view, Item = view?.Items.FirstOrDefault(i => i.Id == itemId) };
    }
}
