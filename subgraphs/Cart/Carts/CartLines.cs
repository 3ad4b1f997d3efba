using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Cart.Catalog;
using GoShop.Cart.Data;
using GoShop.Cart.Domain;
using GoShop.Contracts.Cart;

namespace GoShop.Cart.Carts;

/// <summary>A line to put in a cart.</summary>
public sealed record LineRequest(Guid ProductId, Guid? VariantId, int Quantity);

/// <summary>What became of a line asked for: the cart line it went into and how many units it gained, or why it did not.</summary>
public sealed record LineOutcome(LineRequest Request, CartItem? Item, DomainError? Error, int AddedQuantity = 0);

/// <summary>The cart the lines went into (as committed) and what became of each.</summary>
public sealed record LinesAdded(ShoppingCart Cart, IReadOnlyList<LineOutcome> Outcomes)
{
    public int Added => Outcomes.Count(o => o.Item is not null);
}

/// <summary>
/// Puts lines in a buyer's cart the one way addToCart, restoreCart and ordering's reorder all do: the offers are read
/// from the cart's copy of catalog's products, catalog being asked at once only for what the copy cannot answer (outside
/// any lock); then the cart is locked and each line checked against its offer and the cart as it is by then. A line the
/// copy's offer refuses is checked again with catalog before it is refused. One failing line never stops the others.
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
        var found = await offers.FromCopiesAsync(lines.Select(l => (l.ProductId, l.VariantId)), cancellationToken);
        if (!found.Succeeded)
            return found.Error;
        var book = found.Value;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        var cart = await db.LockOrOpenCartAsync(userId, now, cancellationToken);
        var outcomes = lines.Select(line => Add(cart, book, line, overflow, now)).ToList();

        // What the copy refused, catalog settles (under the cart's lock: only a change to this cart waits for it).
        var doubtful = outcomes.Where(o => o.Error is { } error && ProductOffers.IsRefusedByOffer(error)
                && !book.IsFromCatalog(o.Request.ProductId, o.Request.VariantId))
            .Select(o => o.Request)
            .ToList();
        if (doubtful.Count > 0)
        {
            var confirmed = await offers.FromCatalogAsync(doubtful.Select(l => (l.ProductId, l.VariantId)), cancellationToken);
            if (!confirmed.Succeeded)
                return confirmed.Error;
            outcomes = outcomes.Select(o => doubtful.Contains(o.Request) ? Add(cart, confirmed.Value, o.Request, overflow, now) : o).ToList();
        }

        var result = new LinesAdded(cart, outcomes);
        // Catalog's answer refreshed the copy in this transaction: when nothing goes in, that goes too, and a later add
        // asks catalog again.
        if (result.Added > 0 || keepOpenedCart)
        {
            // Search counts adds to cart for trending and recommendations, analytics for a product's funnel.
            foreach (var outcome in outcomes.Where(o => o.Item is not null && o.AddedQuantity > 0))
                db.Publish(new CartItemAdded(userId, outcome.Item!.ProductId, outcome.Item.VariantId, outcome.Item.ShopId, outcome.AddedQuantity, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    private static LineOutcome Add(ShoppingCart cart, OfferBook book, LineRequest line, QuantityOverflow overflow, DateTimeOffset now)
    {
        var offer = book.Find(line.ProductId, line.VariantId);
        var before = cart.Items.FirstOrDefault(i => i.ProductId == line.ProductId && i.VariantId == line.VariantId)?.Quantity ?? 0;
        Result<CartItem> added = offer.Succeeded ? cart.Add(offer.Value, line.Quantity, overflow, now) : offer.Error;
        return added.Succeeded ? new LineOutcome(line, added.Value, null, added.Value!.Quantity - before) : new LineOutcome(line, null, added.Error);
    }
}
