using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Ordering;
using GoShop.Search.Data;
using GoShop.Search.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Events;

/// <summary>
/// A placed order: its products sold (BEST_SELLING), trend (an order weighs most) and were bought together (each pair
/// of its products counted once per order).
/// </summary>
public sealed class OrderPlacedHandler(SearchDbContext db, TimeProvider clock, ILogger<OrderPlacedHandler> logger)
    : IntegrationEventHandler<OrderPlaced, SearchDbContext>(db, clock, logger)
{
    /// <summary>Pairs are counted among this many distinct products of an order at most (a huge order says little about pairs).</summary>
    private const int MaxProductsPaired = 20;

    protected override async Task HandleAsync(OrderPlaced message, CancellationToken cancellationToken)
    {
        var quantities = message.Order.Lines.GroupBy(l => l.ProductId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        // Locks in id order: two orders of the same products never wait on each other in a circle.
        foreach (var (productId, quantity) in quantities.OrderBy(q => q.Key))
        {
            var product = await Db.LockProductAsync(productId, cancellationToken);
            product.CountSold(quantity);
            await Db.AddToTrendAsync(productId, Trend.Order, message.OccurredAt, cancellationToken);
        }
        var products = quantities.Keys.Order().Take(MaxProductsPaired).ToList();
        if (products.Count < 2)
            return;
        var pairs = products.SelectMany(a => products.Where(b => b != a).Select(b => (a, b))).ToList();
        var existing = await Db.CoPurchases.Where(c => products.Contains(c.ProductId) && products.Contains(c.OtherProductId)).ToListAsync(cancellationToken);
        foreach (var (a, b) in pairs)
        {
            var pair = existing.FirstOrDefault(c => c.ProductId == a && c.OtherProductId == b);
            if (pair is null)
                Db.CoPurchases.Add(new CoPurchase { ProductId = a, OtherProductId = b, Orders = 1 });
            else
                pair.Orders++;
        }
    }
}
