using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Cart.Catalog;
using GoShop.Cart.Data;
using GoShop.Cart.Domain;

namespace GoShop.Cart.Carts;

/// <summary>A line to put in a cart.</summary>
public sealed record LineRequest(Guid ProductId, Guid? VariantId, int Quantity);

/// <summary>What became of a line asked for: the cart line it went into, or why it did not.</summary>
public sealed record LineOutcome(LineRequest Request, CartItem? Item, DomainError? Error);

/// <summary>The cart the lines went into (as committed) and what became of each.</summary>
public sealed record LinesAdded(ShoppingCart Cart, IReadOnlyList<LineOutcome> Outcomes)
{
    public int Added => Outcomes.Count(o => o.Item is not null);
}

/// <summary>
/// Puts lines in a buyer's cart the one way addToCart, restoreCart and ordering's reorder all do: catalog is asked for
/// every line at once (outside any lock), then the cart is locked and each line checked against its offer and the
/// cart as it is by then. One failing line never stops the others.
/// </summary>
public sealed class CartLines(CartDbContext db, ProductOffers offers, TimeProvider clock)
{
    /// <summary>addToCart: the line goes in, or nothing changes (not even a cart opened for it).</summary>
    public async Task<Result<LinesAdded>> AddOneAsync(Guid userId, LineRequest line, CancellationToken cancellationToken) =>
        await AddAsync(userId, [line], QuantityOverflow.Refuse, keepOpenedCart: false, cancellationToken);

    /// <summary>
    /// Several lines, each on its own: those that pass go in, the others are answered with their reason. The cart is
    /// opened even when none fits, so the id answered is always a real cart.
    /// </summary>
    public Task<Result<LinesAdded>> AddEachAsync(Guid userId, IReadOnlyList<LineRequest> lines, QuantityOverflow overflow, CancellationToken cancellationToken) =>
        AddAsync(userId, lines, overflow, keepOpenedCart: true, cancellationToken);

    private async Task<Result<LinesAdded>> AddAsync(
        Guid userId, IReadOnlyList<LineRequest> lines, QuantityOverflow overflow, bool keepOpenedCart, CancellationToken cancellationToken)
    {
        var found = await offers.FindAsync(lines.Select(l => (l.ProductId, l.VariantId)), cancellationToken);
        if (!found.Succeeded)
            return found.Error;
        var book = found.Value;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        var cart = await db.LockOrOpenCartAsync(userId, now, cancellationToken);
        var outcomes = new List<LineOutcome>();
        foreach (var line in lines)
        {
            var offer = book.Find(line.ProductId, line.VariantId);
            Result<CartItem> added = offer.Succeeded ? cart.Add(offer.Value, line.Quantity, overflow, now) : offer.Error;
            outcomes.Add(added.Succeeded ? new LineOutcome(line, added.Value, null) : new LineOutcome(line, null, added.Error));
        }
        var result = new LinesAdded(cart, outcomes);
        if (result.Added > 0 || keepOpenedCart)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }
}
