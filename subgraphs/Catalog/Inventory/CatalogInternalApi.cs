using GoShop.BuildingBlocks.Internal;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Contracts.Catalog;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Inventory;

/// <summary>
/// The catalog's service-to-service routes under <c>/internal/catalog</c> (key-checked, never behind the gateway):
/// stock reservations for ordering and the product lookup for cart. Clients: <see cref="StockReservations"/> and
/// <see cref="ProductDirectory"/> in Contracts.
/// </summary>
public static class CatalogInternalApi
{
    public static WebApplication MapCatalogInternalApi(this WebApplication app)
    {
        var catalog = app.MapInternalApi().MapGroup("/catalog");

        catalog.MapPost("/reservations", async (ReserveStockRequest request, StockReservationService reservations, CancellationToken ct) =>
            Answer(await reservations.ReserveAsync(request, ct)));
        catalog.MapGet("/reservations/{orderId:guid}", async (Guid orderId, StockReservationService reservations, CancellationToken ct) =>
            Answer(await reservations.GetAsync(orderId, ct)));
        catalog.MapPost("/reservations/{orderId:guid}/commit", async (Guid orderId, StockReservationService reservations, CancellationToken ct) =>
            Answer(await reservations.CommitAsync(orderId, ct)));
        catalog.MapPost("/reservations/{orderId:guid}/release", async (Guid orderId, StockReservationService reservations, CancellationToken ct) =>
            Answer(await reservations.ReleaseAsync(orderId, ct)));

        catalog.MapPost("/products/lookup", async (List<ProductKey> keys, ProductLookup lookup, CancellationToken ct) =>
            keys.Count > ProductLookup.MaxKeys
                ? Results.Problem($"At most {ProductLookup.MaxKeys} products per lookup.", statusCode: StatusCodes.Status400BadRequest)
                : Results.Ok(await lookup.FindAsync(keys, ct)));
        return app;
    }

    private static IResult Answer(ReservationAnswer answer) =>
        answer.Outcome is { } outcome ? Results.Ok(outcome) : Results.Problem(answer.Problem, statusCode: answer.StatusCode);
}

/// <summary>Current price, status and availability of products and variants, for cart and ordering.</summary>
public sealed class ProductLookup(CatalogDbContext db, StockLedger ledger, TimeProvider clock)
{
    public const int MaxKeys = 200;

    public async Task<IReadOnlyList<ProductSummary>> FindAsync(IReadOnlyList<ProductKey> keys, CancellationToken cancellationToken)
    {
        var productIds = keys.Select(k => k.ProductId).Distinct().ToArray();
        var products = await db.Products.AsNoTracking().Include(p => p.Media)
            .Where(p => productIds.Contains(p.Id) && p.DeletedAt == null)
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var variants = await db.Variants.AsNoTracking().Where(v => productIds.Contains(v.ProductId)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var rows = await db.StockItems.AsNoTracking().Where(s => productIds.Contains(s.ProductId)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var expired = await ledger.ExpiredHeldAsync(rows.Select(r => r.Id).ToArray(), now, cancellationToken);
        var summaries = new List<ProductSummary>();
        foreach (var key in keys.Distinct())
        {
            if (!products.TryGetValue(key.ProductId, out var product))
                continue;
            ProductVariant? variant = null;
            if (key.VariantId is { } variantId && (!variants.TryGetValue(variantId, out variant) || variant.ProductId != product.Id))
                continue;
            var row = rows.FirstOrDefault(r => r.ProductId == product.Id && r.VariantId == key.VariantId);
            var price = variant?.Price ?? product.Price;
            summaries.Add(new ProductSummary(
                product.Id,
                variant?.Id,
                product.ShopId,
                product.Title,
                variant?.Title,
                variant?.Sku,
                product.Status.ToContractName(),
                price,
                variant is null ? product.EffectivePriceAt(now) : product.EffectivePriceOf(price, now),
                product.Currency,
                row is null ? 0 : row.Available(expired.GetValueOrDefault(row.Id)),
                product.WeightGrams,
                product.Media.OrderBy(m => m.Position).FirstOrDefault()?.MediaId));
        }
        return summaries;
    }
}
