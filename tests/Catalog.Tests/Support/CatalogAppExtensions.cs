using System.Text.Json;
using GoShop.BuildingBlocks.Messaging;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Tests.Support;

/// <summary>Arranging catalog data through the API, and looking into the database to prove what was or was not written.</summary>
public static class CatalogAppExtensions
{
    /// <summary>The createProduct input with sensible values; pass entries to override or add fields.</summary>
    public static Dictionary<string, object?> ProductInput(Guid shopId, params (string Field, object? Value)[] overrides)
    {
        var input = new Dictionary<string, object?>
        {
            ["shopId"] = shopId,
            ["title"] = "Áo thun cotton nam",
            ["description"] = "Vải cotton 100%, thoáng mát.",
            ["price"] = 199_000m,
            ["initialStock"] = 20,
            ["weightGrams"] = 250,
        };
        foreach (var (field, value) in overrides)
            input[field] = value;
        return input;
    }

    public static async Task<JsonElement> CreateProductAsync(this Seller seller, params (string Field, object? Value)[] overrides) =>
        (await seller.Client.MutateAsync(Operations.CreateProduct, new { input = ProductInput(seller.ShopId, overrides) })).Succeeded().GetProperty("product");

    public static async Task<string> CreateProductIdAsync(this Seller seller, params (string Field, object? Value)[] overrides) =>
        (await seller.CreateProductAsync(overrides)).Text("id");

    public static async Task<JsonElement> ProductAsync(this CatalogApp app, string id, GraphQLClient? client = null) =>
        (await (client ?? app.Client()).SendAsync(Operations.Product, new { id })).EnsureNoErrors().Get("product");

    /// <summary>A category created by an admin through the API; answers its id.</summary>
    public static async Task<string> CreateCategoryAsync(this CatalogApp app, string name, string? parentId = null)
    {
        var slug = Domain.Slugs.From(name) + "-" + Guid.NewGuid().ToString("N")[..8];
        var payload = await app.Admin().Client.MutateAsync(Operations.CreateCategory, new { input = new { name, slug, parentId } });
        return payload.Succeeded().GetProperty("category").Text("id");
    }

    /// <summary>How many rows the write side holds now: a mutation that failed must leave every count as it was.</summary>
    public static Task<WriteCounts> CountsAsync(this CatalogApp app) => app.InDatabaseAsync(async db => new WriteCounts(
        await db.Products.CountAsync(),
        await db.Variants.CountAsync(),
        await db.PriceChanges.CountAsync(),
        await db.StockItems.CountAsync(),
        await db.InventoryMovements.CountAsync(),
        await db.ProductMedia.CountAsync(),
        await db.Categories.CountAsync(),
        await db.Brands.CountAsync(),
        await db.OutboxMessages.CountAsync()));

    /// <summary>The outbox messages of one event type, newest last, as JSON.</summary>
    public static Task<List<JsonElement>> OutboxAsync(this CatalogApp app, string eventName) => app.InDatabaseAsync(async db =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.EndsWith("." + eventName)).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync())
            .Select(payload => JsonDocument.Parse(payload).RootElement.Clone())
            .ToList());

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static decimal Amount(this JsonElement element, string property) => element.GetProperty(property).GetProperty("amount").GetDecimal();

    public static int Number(this JsonElement element, string path)
    {
        var current = element;
        foreach (var part in path.Split('.'))
            current = current.GetProperty(part);
        return current.GetInt32();
    }

    public static IReadOnlyList<string> Ids(this JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Text("id")).ToList();

    public static IReadOnlyList<string?> FirstErrorField(this JsonElement payload) =>
        payload.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(e => e.GetString()).ToList();
}

public sealed record WriteCounts(int Products, int Variants, int PriceChanges, int StockItems, int Movements, int Media, int Categories, int Brands, int Outbox);

public static class LedgerChecks
{
    /// <summary>
    /// Asserts that every stock row of the product equals the sums of its ledger movements, and answers the product's
    /// cached on-hand and reserved totals.
    /// </summary>
    public static Task<(int OnHand, int Reserved)> LedgerAgreesAsync(this CatalogApp app, string productId) => app.InDatabaseAsync(async db =>
    {
        var id = Guid.Parse(productId);
        var rows = await db.StockItems.AsNoTracking().Where(s => s.ProductId == id).ToListAsync();
        foreach (var row in rows)
        {
            var movements = await db.InventoryMovements.AsNoTracking().Where(m => m.StockItemId == row.Id).ToListAsync();
            Assert.Equal(movements.Sum(m => m.OnHandDelta), row.OnHand);
            Assert.Equal(movements.Sum(m => m.ReservedDelta), row.Reserved);
            Assert.InRange(row.Reserved, 0, int.MaxValue);
        }
        return (rows.Sum(r => r.OnHand), rows.Sum(r => r.Reserved));
    });
}
