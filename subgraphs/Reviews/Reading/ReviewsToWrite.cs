using GoShop.Reviews.Data;
using GoShop.Reviews.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Reading;

/// <summary>Something the buyer may still review: a line of a delivered order, its shop, or its delivery's shipper.</summary>
public sealed record ReviewableItem(
    ReviewSubject Subject,
    Guid OrderId,
    string OrderNumber,
    Guid ShopId,
    Guid? ProductId,
    Guid? VariantId,
    string? ProductTitle,
    string? VariantTitle,
    Guid? ShipperId,
    DateTimeOffset DeliveredAt,
    DateTimeOffset ReviewableUntil);

/// <summary>Lists what a buyer may still review, from the purchases and deliveries of the last 30 days, soonest to close first.</summary>
public sealed class ReviewsToWrite(ReviewsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReviewableItem>> ForAsync(Guid buyerId, int first, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - ReviewRules.ReviewWindow;
        var purchases = await db.Purchases.AsNoTracking().Where(p => p.BuyerId == buyerId && p.DeliveredAt >= since).ToListAsync(cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.BuyerId == buyerId && d.DeliveredAt >= since).ToListAsync(cancellationToken);
        var orderIds = purchases.Select(p => p.OrderId).Concat(deliveries.Select(d => d.OrderId)).Distinct().ToList();
        var written = (await db.Reviews.AsNoTracking().Where(r => orderIds.Contains(r.OrderId)).Select(r => r.UniqueKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var productIds = purchases.SelectMany(p => p.Lines).Select(l => l.ProductId).Distinct().ToList();
        var deleted = (await db.DeletedProducts.AsNoTracking().Where(p => productIds.Contains(p.ProductId)).Select(p => p.ProductId)
            .ToListAsync(cancellationToken)).ToHashSet();

        var items = new List<ReviewableItem>();
        foreach (var purchase in purchases)
        {
            foreach (var line in purchase.Lines.Where(l => !l.Returned && !deleted.Contains(l.ProductId)))
            {
                var key = Review.ProductKey(purchase.OrderId, line.ProductId, line.VariantId);
                if (!written.Contains(key))
                {
                    items.Add(new ReviewableItem(ReviewSubject.Product, purchase.OrderId, purchase.OrderNumber, purchase.ShopId, line.ProductId,
                        line.VariantId, line.Title, line.VariantTitle, null, purchase.DeliveredAt, purchase.ReviewableUntil));
                }
            }
            if (!written.Contains(Review.ShopKey(purchase.OrderId)))
            {
                items.Add(new ReviewableItem(ReviewSubject.Shop, purchase.OrderId, purchase.OrderNumber, purchase.ShopId, null, null, null, null, null,
                    purchase.DeliveredAt, purchase.ReviewableUntil));
            }
        }
        foreach (var delivery in deliveries.Where(d => !written.Contains(Review.ShipperKey(d.ShipmentId))))
        {
            var number = purchases.FirstOrDefault(p => p.OrderId == delivery.OrderId)?.OrderNumber ?? "";
            items.Add(new ReviewableItem(ReviewSubject.Shipper, delivery.OrderId, number, delivery.ShopId, null, null, null, null, delivery.ShipperId,
                delivery.DeliveredAt, delivery.DeliveredAt + ReviewRules.ReviewWindow));
        }
        return items.OrderBy(i => i.ReviewableUntil).ThenBy(i => i.OrderId).ThenBy(i => i.Subject).ThenBy(i => i.ProductId).Take(first).ToList();
    }
}
