using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GoShop.Catalog.Search;

/// <summary>A product as the search sees it: with its effective price and text relevance, both computed by SQL.</summary>
public sealed class ProductHit
{
    public Product Product { get; init; } = null!;

    public decimal Price { get; init; }

    public double Rank { get; init; }
}

/// <summary>
/// <c>products(where:, order:, first:, after:)</c> in one SQL query per page. Text uses the generated tsvector
/// (PostgreSQL full-text search over unaccented text, GIN); when its words match nothing, trigram word similarity on
/// the unaccented title (GIN, pg_trgm) finds what a typo missed, in a second query. Prices filter and sort on the
/// effective price at the moment of the query. Paging is keyset: a cursor holds the ordering, its sort value and the
/// id that breaks ties, so pages never repeat or skip a product that did not change in between, and page 100 costs
/// what page 1 does.
/// </summary>
public static class ProductSearch
{
    public const double DefaultRadiusKm = 10;
    public const double MaxRadiusKm = 500;
    public const int MaxTextLength = 200;

    public static async Task<Connection<Product>> RunAsync(
        CatalogDbContext db, ProductFilter filter, ProductOrder? requestedOrder, PageRequest page, Viewer viewer, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var text = TextQuery.From(filter.Text);
        var order = requestedOrder ?? (text is null ? ProductOrder.Newest : ProductOrder.Relevance);
        if (order == ProductOrder.Relevance && text is null)
            order = ProductOrder.Newest;

        // Full-text first: it is exact and its index answers fast. Trigram similarity (typos) is the fallback when the
        // words match nothing, because checking it on every full-text match cost most of a search's time.
        var (hits, rows) = await PageAsync(TextMatch.FullText);
        if (text is not null && rows.Count == 0 &&
            (page.After is null || !await (await FilterAsync(db, filter, text, TextMatch.FullText, viewer, cancellationToken)).AnyAsync(cancellationToken)))
            (hits, rows) = await PageAsync(TextMatch.Similar);
        var hasNext = rows.Count > page.First;
        if (hasNext)
            rows.RemoveAt(rows.Count - 1);
        var edges = rows.Select(h => new Edge<Product>(SearchCursor.Encode(order, h), h.Product)).ToList();
        return new Connection<Product>(
            edges,
            new PageInfo(hasNext, page.After is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            ct => hits.CountAsync(ct));

        async Task<(IQueryable<ProductHit> Hits, List<ProductHit> Rows)> PageAsync(TextMatch match)
        {
            var products = await FilterAsync(db, filter, text, match, viewer, cancellationToken);
            var hits = products.Select(Hit(order == ProductOrder.Relevance ? text : null, now));
            if (filter.MinPrice is { } min)
                hits = hits.Where(h => h.Price >= min);
            if (filter.MaxPrice is { } max)
                hits = hits.Where(h => h.Price <= max);
            var paged = page.After is { } after ? hits.Where(After(order, SearchCursor.Decode(after, order))) : hits;
            return (hits, await Sort(paged, order).Take(page.First + 1).ToListAsync(cancellationToken));
        }
    }

    /// <summary>How the words of a text filter match: as words and prefixes (full-text), or as similar words (trigrams).</summary>
    private enum TextMatch
    {
        FullText,
        Similar,
    }

    private static async Task<IQueryable<Product>> FilterAsync(CatalogDbContext db, ProductFilter filter, TextQuery? text, TextMatch match,
        Viewer viewer, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking().Where(p => p.DeletedAt == null);

        var statuses = filter.Status is { Count: > 0 } asked ? asked.Distinct().ToList() : [.. ProductStatuses.Public];
        products = products.Where(p => statuses.Contains(p.Status));
        // Admins and a shop's owner also see its DRAFT and ARCHIVED products.
        if (!viewer.IsAdmin && statuses.Any(s => !s.IsPublic()))
        {
            var viewerId = viewer.UserId ?? Guid.Empty;
            products = products.Where(p => p.Status == ProductStatus.Active || p.Status == ProductStatus.OutOfStock
                || db.Shops.Any(s => s.Id == p.ShopId && s.OwnerId == viewerId));
        }
        // A suspended or closed shop is off the market (its owner's account may be suspended): buyers no longer find its
        // products; its owner and admins still do.
        if (!viewer.IsAdmin)
        {
            var viewerId = viewer.UserId ?? Guid.Empty;
            products = products.Where(p => !db.Shops.Any(s => s.Id == p.ShopId && s.Status != ShopCopy.Active && s.OwnerId != viewerId));
        }

        if (text is not null)
        {
            var query = text.TsQuery;
            var plain = text.Plain;
            products = match == TextMatch.FullText
                ? products.Where(p => p.SearchVector.Matches(EF.Functions.ToTsQuery("simple", query)))
                : products.Where(p => EF.Functions.TrigramsAreWordSimilar(plain, p.SearchTitle));
        }
        if (filter.CategoryId is { } categoryId)
        {
            var categoryIds = await db.Categories.AsNoTracking().Where(c => c.Path.Contains(categoryId)).Select(c => c.Id).ToListAsync(cancellationToken);
            products = products.Where(p => p.CategoryId != null && categoryIds.Contains(p.CategoryId.Value));
        }
        if (filter.BrandId is { } brandId)
            products = products.Where(p => p.BrandId == brandId);
        if (!string.IsNullOrWhiteSpace(filter.Brand))
        {
            var slug = Slugs.From(filter.Brand);
            products = products.Where(p => db.Brands.Any(b => b.Id == p.BrandId && b.Slug == slug));
        }
        if (!string.IsNullOrWhiteSpace(filter.Model))
        {
            var model = filter.Model.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            products = products.Where(p => p.Model != null && EF.Functions.ILike(p.Model, model));
        }
        if (filter.MinRating is { } minRating)
        {
            var rating = (decimal)minRating;
            products = products.Where(p => p.RatingAverage >= rating);
        }
        if (filter.ShopId is { } shopId)
            products = products.Where(p => p.ShopId == shopId);
        if (filter.Near is { } near)
        {
            var point = new Point(near.Lng, near.Lat) { SRID = 4326 };
            var meters = (filter.RadiusKm ?? DefaultRadiusKm) * 1000;
            products = products.Where(p => db.Shops.Any(s => s.Id == p.ShopId && s.Location.IsWithinDistance(point, meters)));
        }
        if (filter.InStockOnly == true)
            products = products.Where(p => p.Status == ProductStatus.Active);
        return products;
    }

    /// <summary>Checks the filter's values before anything runs; throws BAD_USER_INPUT for the first bad one.</summary>
    public static void Validate(ProductFilter filter)
    {
        if (filter.Text is { Length: > MaxTextLength })
            throw GraphQLErrors.BadUserInput($"'where.text' must be at most {MaxTextLength} characters.");
        if (filter.MinPrice < 0 || filter.MaxPrice < 0)
            throw GraphQLErrors.BadUserInput("Prices in 'where' cannot be negative.");
        if (filter.MinPrice > filter.MaxPrice)
            throw GraphQLErrors.BadUserInput("'where.minPrice' is above 'where.maxPrice'.");
        if (filter.MinRating is < 0 or > 5)
            throw GraphQLErrors.BadUserInput("'where.minRating' must be between 0 and 5.");
        if (filter.RadiusKm is { } radius && (double.IsNaN(radius) || radius <= 0 || radius > MaxRadiusKm))
            throw GraphQLErrors.BadUserInput($"'where.radiusKm' must be above 0 and at most {MaxRadiusKm}.");
        if (filter.RadiusKm is not null && filter.Near is null)
            throw GraphQLErrors.BadUserInput("'where.radiusKm' needs 'where.near'.");
    }

    /// <summary>The effective price now, and the relevance when <paramref name="text"/> is given (only RELEVANCE sorts on it).</summary>
    private static Expression<Func<Product, ProductHit>> Hit(TextQuery? text, DateTimeOffset now)
    {
        if (text is null)
        {
            return p => new ProductHit
            {
                Product = p,
                Price = p.SalePrice != null && p.SaleStartsAt <= now && p.SaleEndsAt > now ? p.SalePrice.Value : p.Price,
                Rank = 0,
            };
        }
        var query = text.TsQuery;
        var plain = text.Plain;
        return p => new ProductHit
        {
            Product = p,
            Price = p.SalePrice != null && p.SaleStartsAt <= now && p.SaleEndsAt > now ? p.SalePrice.Value : p.Price,
            Rank = (double)p.SearchVector.Rank(EF.Functions.ToTsQuery("simple", query)) + EF.Functions.TrigramsWordSimilarity(plain, p.SearchTitle),
        };
    }

    private static IQueryable<ProductHit> Sort(IQueryable<ProductHit> hits, ProductOrder order) => order switch
    {
        ProductOrder.Relevance => hits.OrderByDescending(h => h.Rank).ThenByDescending(h => h.Product.Id),
        ProductOrder.PriceAsc => hits.OrderBy(h => h.Price).ThenBy(h => h.Product.Id),
        ProductOrder.PriceDesc => hits.OrderByDescending(h => h.Price).ThenByDescending(h => h.Product.Id),
        ProductOrder.BestSelling => hits.OrderByDescending(h => h.Product.SoldCount).ThenByDescending(h => h.Product.Id),
        ProductOrder.Rating => hits.OrderByDescending(h => h.Product.RatingAverage).ThenByDescending(h => h.Product.Id),
        _ => hits.OrderByDescending(h => h.Product.CreatedAt).ThenByDescending(h => h.Product.Id),
    };

    private static Expression<Func<ProductHit, bool>> After(ProductOrder order, SearchCursor cursor)
    {
        var id = cursor.Id;
        switch (order)
        {
            case ProductOrder.Relevance:
                var rank = cursor.Number;
                return h => h.Rank < rank || (h.Rank == rank && h.Product.Id.CompareTo(id) < 0);
            case ProductOrder.PriceAsc:
                var above = cursor.Exact;
                return h => h.Price > above || (h.Price == above && h.Product.Id.CompareTo(id) > 0);
            case ProductOrder.PriceDesc:
                var below = cursor.Exact;
                return h => h.Price < below || (h.Price == below && h.Product.Id.CompareTo(id) < 0);
            case ProductOrder.BestSelling:
                var sold = (int)cursor.Exact;
                return h => h.Product.SoldCount < sold || (h.Product.SoldCount == sold && h.Product.Id.CompareTo(id) < 0);
            case ProductOrder.Rating:
                var rating = cursor.Exact;
                return h => h.Product.RatingAverage < rating || (h.Product.RatingAverage == rating && h.Product.Id.CompareTo(id) < 0);
            default:
                var createdAt = cursor.Instant;
                return h => h.Product.CreatedAt < createdAt || (h.Product.CreatedAt == createdAt && h.Product.Id.CompareTo(id) < 0);
        }
    }
}

/// <summary>The words of a text filter, unaccented: as a prefix tsquery ("dien & thoai:*") and as plain text for trigrams.</summary>
public sealed record TextQuery(string TsQuery, string Plain)
{
    public static TextQuery? From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in Slugs.Unaccent(text).ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (words.Count == 0)
            return null;
        var tsQuery = string.Join(" & ", words.Take(words.Count - 1).Append(words[^1] + ":*"));
        return new TextQuery(tsQuery, string.Join(' ', words));
    }
}

/// <summary>A position in one ordering of <c>products</c>: the ordering, its sort value and the tie-breaking id.</summary>
public sealed record SearchCursor(ProductOrder Order, string Value, Guid Id)
{
    public double Number => double.Parse(Value, CultureInfo.InvariantCulture);

    public decimal Exact => decimal.Parse(Value, CultureInfo.InvariantCulture);

    public DateTimeOffset Instant => new(long.Parse(Value, CultureInfo.InvariantCulture), TimeSpan.Zero);

    public static string Encode(ProductOrder order, ProductHit hit)
    {
        var value = order switch
        {
            ProductOrder.Relevance => hit.Rank.ToString("R", CultureInfo.InvariantCulture),
            ProductOrder.PriceAsc or ProductOrder.PriceDesc => hit.Price.ToString(CultureInfo.InvariantCulture),
            ProductOrder.BestSelling => hit.Product.SoldCount.ToString(CultureInfo.InvariantCulture),
            ProductOrder.Rating => hit.Product.RatingAverage.ToString(CultureInfo.InvariantCulture),
            _ => hit.Product.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        };
        return Cursor.Encode(order.ToString(), value, hit.Product.Id.ToString("N"));
    }

    public static SearchCursor Decode(string cursor, ProductOrder order)
    {
        var parts = Cursor.Decode(cursor, 3);
        if (parts[0] != order.ToString() || !Guid.TryParseExact(parts[2], "N", out var id))
            throw GraphQLErrors.BadUserInput("The cursor belongs to another ordering of products; start again without 'after'.");
        var decoded = new SearchCursor(order, parts[1], id);
        var valid = order switch
        {
            ProductOrder.Relevance => double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            ProductOrder.Newest => long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ => decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        };
        return valid ? decoded : throw GraphQLErrors.BadUserInput("The cursor is not one this API issued.");
    }
}
