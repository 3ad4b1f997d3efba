using GoShop.Search.Data;
using GoShop.Search.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Discovery;

/// <summary>
/// Trending products, shops and categories: views, cart adds and orders, each decayed with a 24-hour half-life
/// (<see cref="Trend"/>). Products rank by their own key; a shop or a category by the sum of its products' decayed scores now.
/// </summary>
public sealed class Trending(SearchDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Guid>> ProductsAsync(Guid? categoryId, int first, CancellationToken cancellationToken)
    {
        var listed = db.Products.AsNoTracking().Where(p => !p.Deleted && p.Status == ProductCopy.Active);
        if (categoryId is { } category)
            listed = listed.Where(p => p.CategoryPath.Contains(category));
        return await (
            from trend in db.Trends.AsNoTracking()
            join product in listed on trend.ProductId equals product.Id
            orderby trend.Key descending, trend.ProductId
            select trend.ProductId).Take(first).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> ShopsAsync(int first, CancellationToken cancellationToken)
    {
        var now = Trend.HalfLives(clock.GetUtcNow());
        return await db.Database.SqlQuery<Guid>($"""
            SELECT p.shop_id AS "Value"
            FROM product_trends t JOIN product_copies p ON p.id = t.product_id
            LEFT JOIN shop_copies s ON s.id = p.shop_id
            WHERE NOT p.deleted AND p.status = 'ACTIVE' AND (s.id IS NULL OR s.status = 'ACTIVE')
            GROUP BY p.shop_id
            ORDER BY sum(power(2::double precision, t.key - {now})) DESC, p.shop_id
            LIMIT {first}
            """).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> CategoriesAsync(int first, CancellationToken cancellationToken)
    {
        var now = Trend.HalfLives(clock.GetUtcNow());
        return await db.Database.SqlQuery<Guid>($"""
            SELECT p.category_id AS "Value"
            FROM product_trends t JOIN product_copies p ON p.id = t.product_id
            WHERE NOT p.deleted AND p.status = 'ACTIVE' AND p.category_id IS NOT NULL
            GROUP BY p.category_id
            ORDER BY sum(power(2::double precision, t.key - {now})) DESC, p.category_id
            LIMIT {first}
            """).ToListAsync(cancellationToken);
    }
}
