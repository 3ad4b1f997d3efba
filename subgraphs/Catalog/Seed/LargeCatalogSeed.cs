using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GoShop.BuildingBlocks.Data;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.Products;
using GoShop.Contracts.Demo;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace GoShop.Catalog.Seed;

/// <summary>
/// <c>dotnet run --project subgraphs/Catalog -- seed-large 100000</c>: the benchmark catalog. Migrates, seeds the demo
/// data it builds on (categories, shops, brands), then streams the products, their opening ADJUSTMENT movements and
/// first prices with binary COPY, and refreshes the stock rows from that ledger in one statement. Ids are derived from
/// the product's number, so a second run adds only what is missing. No events are published: this is a load-test data
/// set, not listings anyone created.
/// </summary>
public static class LargeCatalogSeed
{
    public const int DefaultCount = 100_000;
    public const int RandomSeed = 100_000;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var asked) && asked > 0
            ? asked
            : DefaultCount;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LargeCatalogSeed));
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await app.Services.GetRequiredService<IMigrateDatabase>().MigrateAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CatalogDemoData>().SeedAsync(CancellationToken.None);
        var brands = scope.ServiceProvider.GetRequiredService<BrandRegistry>();
        foreach (var brand in DemoProductGenerator.Brands)
            await brands.FindOrCreateAsync(brand, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var watch = Stopwatch.StartNew();
        var added = await SeedAsync(db, count, clock.GetUtcNow(), CancellationToken.None);
        logger.LogInformation("seed-large: {Added} product(s) added ({Count} wanted) in {Seconds:F1} s", added, count, watch.Elapsed.TotalSeconds);
        return 0;
    }

    /// <summary>Adds the benchmark products numbered 0 to <paramref name="count"/> - 1 that do not exist yet; answers how many it added.</summary>
    public static async Task<int> SeedAsync(CatalogDbContext db, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, count).Select(i => DemoIds.For($"large-product:{i}")).ToArray();
        var existing = (await db.Products.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        if (existing.Count == count)
            return 0;
        var categories = await db.Categories.AsNoTracking().Where(c => c.ParentId != null).ToDictionaryAsync(c => c.Slug, c => c.Id, cancellationToken);
        var brands = await db.Brands.AsNoTracking().ToDictionaryAsync(b => b.Name, b => b.Id, cancellationToken);
        var shops = DemoShops.All.Select(s => s.Id).ToArray();
        var generator = new DemoProductGenerator(RandomSeed);

        var rows = new List<LargeProduct>(count - existing.Count);
        var random = new Random(RandomSeed);
        for (var i = 0; i < count; i++)
        {
            var listing = generator.Next();
            var (average, ratings, sold) = generator.NextPopularity();
            var shop = shops[random.Next(shops.Length)];
            if (existing.Contains(ids[i]))
                continue;
            rows.Add(new LargeProduct(ids[i], DemoIds.For($"large-stock:{i}"), shop, listing, categories[listing.CategorySlug],
                listing.Brand is null ? null : brands.GetValueOrDefault(listing.Brand), average, ratings, sold,
                now.AddSeconds(-30L * (count - i))));
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CopyProductsAsync(connection, rows, cancellationToken);
        await CopyStockAsync(connection, rows, cancellationToken);
        await CopyLedgerAsync(connection, rows, cancellationToken);
        await CopyPricesAsync(connection, rows, cancellationToken);
        // The cached rows follow the ledger just written, exactly as a movement-by-movement load would leave them.
        await using (var refresh = new NpgsqlCommand(
            """
            UPDATE stock_items s SET on_hand = m.on_hand, reserved = m.reserved
            FROM (SELECT stock_item_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
                  FROM inventory_movements WHERE stock_item_id = ANY(@ids) GROUP BY stock_item_id) m
            WHERE s.id = m.stock_item_id
            """, connection, transaction))
        {
            refresh.Parameters.AddWithValue("ids", rows.Select(r => r.StockItemId).ToArray());
            await refresh.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await using (var analyze = new NpgsqlCommand("ANALYZE products; ANALYZE stock_items; ANALYZE inventory_movements;", connection))
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        return rows.Count;
    }

    private sealed record LargeProduct(Guid Id, Guid StockItemId, Guid ShopId, GeneratedProduct Listing, Guid CategoryId, Guid? BrandId,
        decimal RatingAverage, int RatingCount, int SoldCount, DateTimeOffset CreatedAt);

    private static async Task CopyProductsAsync(NpgsqlConnection connection, List<LargeProduct> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY products (id, shop_id, title, description, brand_id, model, category_id, attributes, weight_grams, status, price, currency, " +
            "rating_average, rating_count, sold_count, low_stock_threshold, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.ShopId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.Listing.Title, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.Listing.Description, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, row.BrandId, cancellationToken);
            await writer.WriteAsync(row.Listing.Model ?? "", NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.CategoryId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(JsonSerializer.Serialize(row.Listing.Attributes, json), NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(row.Listing.WeightGrams, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync((row.Listing.Stock > 0 ? ProductStatus.Active : ProductStatus.OutOfStock).ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.Listing.Price, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync("VND", NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.RatingAverage, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(row.RatingCount, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.SoldCount, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(5, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyStockAsync(NpgsqlConnection connection, List<LargeProduct> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY stock_items (id, product_id, variant_id, shop_id, on_hand, reserved, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.StockItemId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteNullAsync(cancellationToken);
            await writer.WriteAsync(row.ShopId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyLedgerAsync(NpgsqlConnection connection, List<LargeProduct> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY inventory_movements (id, stock_item_id, product_id, variant_id, kind, quantity, on_hand_delta, reserved_delta, " +
            "on_hand_after, reserved_after, reason, actor_id, order_id, occurred_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows.Where(r => r.Listing.Stock > 0))
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(DemoIds.For($"large-movement:{row.Id}"), NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.StockItemId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteNullAsync(cancellationToken);
            await writer.WriteAsync(MovementKind.Adjustment.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.Listing.Stock, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.Listing.Stock, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.Listing.Stock, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync("Opening stock", NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(DemoShops.OwnerId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteNullAsync(cancellationToken);
            await writer.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyPricesAsync(NpgsqlConnection connection, List<LargeProduct> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY price_changes (id, product_id, variant_id, previous_price, price, currency, actor_id, changed_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(DemoIds.For($"large-price:{row.Id}"), NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteNullAsync(cancellationToken);
            await writer.WriteNullAsync(cancellationToken);
            await writer.WriteAsync(row.Listing.Price, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync("VND", NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(DemoShops.OwnerId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, Guid? value, CancellationToken cancellationToken)
    {
        if (value is { } id)
            await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
        else
            await writer.WriteNullAsync(cancellationToken);
    }
}
