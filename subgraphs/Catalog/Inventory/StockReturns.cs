using GoShop.BuildingBlocks.Data;
using GoShop.Catalog.Data;
using GoShop.Contracts.Ordering;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Inventory;

/// <summary>
/// Units of a delivered order coming back with one of its returns (ordering's ReturnReceived): each line goes back on
/// hand as a RETURN movement of the order, naming the return, so the ledger shows why stock grew. Once per return: an
/// advisory lock on the return's id serialises repeats, which then find its movements (a unique index on the return and
/// the stock row backs that up). A product deleted since the sale has nowhere to go back to and is skipped.
/// </summary>
public sealed class StockReturns(CatalogDbContext db, StockLedger ledger, TimeProvider clock, ILogger<StockReturns> logger)
{
    public async Task RestockAsync(OrderSnapshot order, ReturnSnapshot returned, CancellationToken cancellationToken)
    {
        await using var scope = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        await db.LockAsync("stock-return", returned.ReturnId.ToString(), cancellationToken);
        if (await db.InventoryMovements.AnyAsync(m => m.ReturnId == returned.ReturnId, cancellationToken))
            return;

        var lines = returned.Lines
            .Where(l => l.Quantity > 0)
            .GroupBy(l => (l.ProductId, l.VariantId))
            .Select(g => (g.Key.ProductId, g.Key.VariantId, Quantity: g.Sum(l => l.Quantity)))
            .ToList();
        var locked = await ledger.LockAsync(lines.Select(l => l.ProductId), cancellationToken);
        var now = clock.GetUtcNow();
        var reason = $"Returned with order {order.Number}";
        foreach (var (productId, variantId, quantity) in lines)
        {
            if (locked.Product(productId) is not { } product || locked.Row(productId, variantId) is not { } row)
            {
                logger.LogInformation(
                    "Return {ReturnId} of order {OrderNumber}: {Quantity} unit(s) of product {ProductId} (variant {VariantId}) not restocked, the product or variant was deleted",
                    returned.ReturnId, order.Number, quantity, productId, variantId);
                continue;
            }
            ledger.Record(locked, row.Return(quantity, order.OrderId, returned.ReturnId, reason, now));
            product.RecordReturn(quantity, now);
        }
        ledger.Settle(locked, now);
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
    }
}
