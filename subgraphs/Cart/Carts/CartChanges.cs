using GoShop.BuildingBlocks.Domain;
using GoShop.Cart.Caching;
using GoShop.Cart.Catalog;
using GoShop.Cart.Data;
using GoShop.Cart.Domain;
using GoShop.Cart.Pricing;

namespace GoShop.Cart.Carts;

/// <summary>
/// Changes to a buyer's existing cart, all made the one way: lock the cart, make the change, commit, and answer the
/// cart as committed. A refused change rolls back and answers why. (Lines are added through <see cref="CartLines"/>.)
/// </summary>
public sealed class CartChanges(CartDbContext db, ProductOffers offers, CartViews views, CouponQuotes quotes, TimeProvider clock)
{
    /// <summary>Sets a line's quantity; asking for more must fit the product's offer, asking for less always works.</summary>
    public Task<Result<ShoppingCart>> ChangeQuantityAsync(Guid userId, Guid itemId, int quantity, CancellationToken cancellationToken) =>
        ApplyAsync(userId, CartErrors.CartItemNotFound, async cart =>
        {
            if (cart.Item(itemId) is not { } item)
                return CartErrors.CartItemNotFound;
            if (!ShoppingCart.Increases(item, quantity))
            {
                var lowered = cart.ChangeQuantity(item, quantity, null, clock.GetUtcNow());
                return lowered.Succeeded ? Result.Success : lowered.Error;
            }
            // Under the cart's lock: a concurrent change to this cart waits for the offer, nothing else does. The copy's
            // offer first; what it refuses, catalog settles.
            var (changed, byCatalog) = await IncreaseAsync(cart, item, quantity, askCatalog: false, cancellationToken);
            if (!changed.Succeeded && !byCatalog && ProductOffers.IsRefusedByOffer(changed.Error))
                (changed, _) = await IncreaseAsync(cart, item, quantity, askCatalog: true, cancellationToken);
            return changed;
        }, cancellationToken);

    /// <summary>Raises a line's quantity against the offer of the copy or of catalog; says whether catalog gave the answer.</summary>
    private async Task<(Result Outcome, bool ByCatalog)> IncreaseAsync(
        ShoppingCart cart, CartItem item, int quantity, bool askCatalog, CancellationToken cancellationToken)
    {
        var wanted = new[] { (item.ProductId, item.VariantId) };
        var found = askCatalog ? await offers.FromCatalogAsync(wanted, cancellationToken) : await offers.FromCopiesAsync(wanted, cancellationToken);
        if (!found.Succeeded)
            return (found.Error, true);
        // An offer missing from the book was asked of catalog: only one present can be the copy's.
        var current = found.Value.Find(item.ProductId, item.VariantId);
        if (!current.Succeeded)
            return (current.Error with { Field = "itemId" }, true);
        var changed = cart.ChangeQuantity(item, quantity, current.Value, clock.GetUtcNow());
        return (changed.Succeeded ? Result.Success : changed.Error, askCatalog || found.Value.IsFromCatalog(item.ProductId, item.VariantId));
    }

    public Task<Result<ShoppingCart>> RemoveItemAsync(Guid userId, Guid itemId, CancellationToken cancellationToken) =>
        ApplyAsync(userId, CartErrors.CartItemNotFound, cart => Task.FromResult(cart.Remove(itemId, clock.GetUtcNow())), cancellationToken);

    /// <summary>Empties the cart, or only its lines from one shop; the buyer's cart, or null when the buyer has none.</summary>
    public async Task<ShoppingCart?> ClearAsync(Guid userId, Guid? shopId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cart = await db.LockCartAsync(userId, cancellationToken);
        if (cart is null)
            return null;
        cart.Clear(shopId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cart;
    }

    /// <summary>Applies a shop's coupon code to the cart's lines from that shop, once the shop says it applies to them.</summary>
    public async Task<Result<ShoppingCart>> ApplyCouponAsync(Guid userId, Guid shopId, string code, CancellationToken cancellationToken)
    {
        // Priced against the cart as committed, before the lock: the shops subgraph is not asked while the cart waits.
        var current = await views.BuildAsync(await CartCache.LoadAsync(db, userId, cancellationToken), cancellationToken);
        if (current?.Shops.FirstOrDefault(s => s.ShopId == shopId) is not { } shop)
            return CartErrors.ShopNotInCart;
        var standing = await quotes.QuoteAsync(userId, shop, code, cancellationToken);
        if (!standing.Applicable)
            return new DomainError(standing.Reason!, standing.Message!, "code");

        return await ApplyAsync(userId, CartErrors.ShopNotInCart,
            cart => Task.FromResult(cart.ApplyCoupon(shopId, code, clock.GetUtcNow())), cancellationToken);
    }

    public Task<Result<ShoppingCart>> RemoveCouponAsync(Guid userId, Guid shopId, CancellationToken cancellationToken) =>
        ApplyAsync(userId, CartErrors.CouponNotApplied, cart => Task.FromResult(cart.RemoveCoupon(shopId, clock.GetUtcNow())), cancellationToken);

    /// <param name="whenNoCart">The answer when the buyer has no cart.</param>
    private async Task<Result<ShoppingCart>> ApplyAsync(
        Guid userId, DomainError whenNoCart, Func<ShoppingCart, Task<Result>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cart = await db.LockCartAsync(userId, cancellationToken);
        if (cart is null)
            return whenNoCart;
        var changed = await change(cart);
        if (!changed.Succeeded)
            return changed.Error;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cart;
    }
}
