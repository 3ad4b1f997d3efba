using GoShop.Search.Data;
using GoShop.Search.Index;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Discovery;

/// <summary>
/// recommendedProducts: from the buyer's last viewed products (up to 10), the products like each of them (the index's
/// similar: words, category, brand, price band) and those bought with them, ranked by how many of the buyer's products
/// point at them, never one they viewed already; topped up with trending products, which is all a newcomer gets.
/// </summary>
public sealed class Recommendations(SearchDbContext db, ISearchIndex index, Trending trending)
{
    private const int Seeds = 10;
    private const int PerSeed = 5;

    public async Task<IReadOnlyList<Guid>> ForAsync(Guid? userId, int first, CancellationToken cancellationToken)
    {
        var viewed = new List<Guid>();
        if (userId is { } buyer)
        {
            viewed = await db.ProductViews.AsNoTracking().Where(v => v.UserId == buyer)
                .GroupBy(v => v.ProductId).OrderByDescending(g => g.Max(v => v.ViewedAt)).Select(g => g.Key).Take(Seeds).ToListAsync(cancellationToken);
        }
        var votes = new Dictionary<Guid, double>();
        foreach (var (seed, rank) in viewed.Select((s, i) => (s, i)))
        {
            // Nearer views weigh more.
            var weight = 1.0 / (1 + rank);
            foreach (var similar in index.Similar(seed, PerSeed))
                votes[similar] = votes.GetValueOrDefault(similar) + weight;
        }
        if (viewed.Count > 0)
        {
            var together = await db.CoPurchases.AsNoTracking().Where(c => viewed.Contains(c.ProductId))
                .OrderByDescending(c => c.Orders).Take(Seeds * PerSeed).Select(c => c.OtherProductId).ToListAsync(cancellationToken);
            foreach (var other in together)
                votes[other] = votes.GetValueOrDefault(other) + 0.5;
        }
        var seen = viewed.ToHashSet();
        var picked = votes.Where(v => !seen.Contains(v.Key) && index.Find(v.Key) is not null)
            .OrderByDescending(v => v.Value).ThenBy(v => v.Key).Select(v => v.Key).Take(first).ToList();
        if (picked.Count < first)
        {
            foreach (var id in await trending.ProductsAsync(null, first + seen.Count + picked.Count, cancellationToken))
            {
                if (picked.Count == first)
                    break;
                if (!seen.Contains(id) && !picked.Contains(id))
                    picked.Add(id);
            }
        }
        return picked;
    }
}
