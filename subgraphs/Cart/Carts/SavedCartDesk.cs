using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Cart.Catalog;
using GoShop.Cart.Data;
using GoShop.Cart.Data.Configurations;
using GoShop.Cart.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Cart.Carts;

/// <summary>A saved cart put back: the cart as committed, how many lines went in, and why each of the others did not.</summary>
public sealed record CartRestored(ShoppingCart Cart, int Added, IReadOnlyList<DomainError> Refused);

/// <summary>
/// A buyer's saved carts: named copies of the cart's lines, kept apart from the cart, put back in it line by line the
/// way <see cref="CartLines"/> adds lines.
/// </summary>
public sealed class SavedCartDesk(CartDbContext db, CartLines lines, TimeProvider clock)
{
    /// <param name="name">Trimmed; unique among the buyer's saved carts whatever the letter case.</param>
    public async Task<Result<SavedCart>> SaveAsync(Guid userId, string name, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The cart's lock also lines up the buyer's saves, so the limit holds when two arrive at once.
        var cart = await db.LockCartAsync(userId, cancellationToken);
        if (cart is null || cart.IsEmpty)
            return CartErrors.CartEmpty;
        if (await db.SavedCarts.CountAsync(s => s.UserId == userId, cancellationToken) >= SavedCart.MaxPerUser)
            return CartErrors.SavedCartLimitReached;
        // citext: the comparison ignores letter case.
        if (await db.SavedCarts.AnyAsync(s => s.UserId == userId && s.Name == name, cancellationToken))
            return CartErrors.SavedCartNameTaken;

        var (products, variants) = await ProductCopies.ReadAsync(db, cart.Items.Select(i => i.ProductId).ToHashSet(),
            cart.Items.Where(i => i.VariantId is not null).Select(i => i.VariantId!.Value).ToHashSet(), cancellationToken);
        var saved = SavedCart.Of(cart, name, item => (
            products.GetValueOrDefault(item.ProductId)?.Title ?? "",
            item.VariantId is { } variantId ? variants.GetValueOrDefault(variantId)?.Title : null), clock.GetUtcNow());
        db.SavedCarts.Add(saved);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(SavedCartConfiguration.NameIndex))
        {
            return CartErrors.SavedCartNameTaken;
        }
        return saved;
    }

    /// <summary>
    /// Puts a saved cart's lines back in the cart, each merged with the line already there (capped at a line's most).
    /// A line that cannot go in is refused with its reason, named by the product it was for; the others go in all the same.
    /// </summary>
    public async Task<Result<CartRestored>> RestoreAsync(Guid userId, Guid savedCartId, CancellationToken cancellationToken)
    {
        var saved = await db.SavedCarts.AsNoTracking().Include(s => s.Items)
            .SingleOrDefaultAsync(s => s.Id == savedCartId && s.UserId == userId, cancellationToken);
        if (saved is null)
            return CartErrors.SavedCartNotFound;
        var items = saved.Items.OrderBy(i => i.Position).ToList();
        var added = await lines.AddEachAsync(userId, items.Select(i => new LineRequest(i.ProductId, i.VariantId, i.Quantity)).ToList(),
            QuantityOverflow.Cap, cancellationToken);
        if (!added.Succeeded)
            return added.Error;
        var refused = added.Value.Outcomes
            .Select((outcome, index) => (outcome, item: items[index]))
            .Where(x => x.outcome.Error is not null)
            .Select(x => new DomainError(x.outcome.Error!.Code, $"{Label(x.item)}: {x.outcome.Error.Message}", "savedCartId"))
            .ToList();
        return new CartRestored(added.Value.Cart, added.Value.Added, refused);
    }

    public async Task<Result> DeleteAsync(Guid userId, Guid savedCartId, CancellationToken cancellationToken)
    {
        var deleted = await db.SavedCarts.Where(s => s.Id == savedCartId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? CartErrors.SavedCartNotFound : Result.Success;
    }

    private static string Label(SavedCartItem item) => item.VariantTitle is null ? item.Title : $"{item.Title} ({item.VariantTitle})";
}
