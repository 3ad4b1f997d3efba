using GoShop.Search.Data;
using GoShop.Search.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Alerts;

/// <summary>
/// After a product's copy changed (price, discount, stock, status), fires the active alerts it now satisfies, in the
/// same transaction as the change: each alert's TRIGGERED state and its PriceAlertTriggered event are saved together.
/// </summary>
public static class PriceAlertWatch
{
    public static async Task CheckAsync(SearchDbContext db, ProductCopy product, bool wasInStock, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!product.InStock)
            return;
        var alerts = await db.PriceAlerts.Where(a => a.ProductId == product.Id && a.Status == PriceAlertStatus.Active).ToListAsync(cancellationToken);
        foreach (var alert in alerts)
        {
            if (alert.Check(product, wasInStock, now) is { } triggered)
                db.Publish(triggered);
        }
    }
}
