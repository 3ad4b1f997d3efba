using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Search.Data;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.GraphQL.Loaders;

/// <summary>Product.boughtTogether for every product of a level in one query: the listed products bought with each, most orders first.</summary>
public sealed class BoughtTogetherLoader(SearchDbContext db) : BatchLoader<Guid, IReadOnlyList<Guid>>
{
    protected override async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        var pairs = await (
            from pair in db.CoPurchases.AsNoTracking()
            join other in db.Products.AsNoTracking() on pair.OtherProductId equals other.Id
            where keys.Contains(pair.ProductId) && !other.Deleted && (other.Status == "ACTIVE" || other.Status == "OUT_OF_STOCK")
            orderby pair.Orders descending, pair.OtherProductId
            select new { pair.ProductId, pair.OtherProductId }).ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.ProductId).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(p => p.OtherProductId).Take(Types.ProductType.MaxRelated).ToList());
    }
}
