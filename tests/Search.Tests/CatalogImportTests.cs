using System.Net.Http.Json;
using System.Text.Json;
using GoShop.Contracts.Catalog;
using GoShop.Search.Index;
using GoShop.Search.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Tests;

/// <summary>A new search with no product copies fills them from catalog's export and indexes them; make reindex imports again.</summary>
public sealed class CatalogImportTests(CatalogImportTests.CatalogApp app) : IClassFixture<CatalogImportTests.CatalogApp>
{
    [Fact]
    public async Task An_empty_search_imports_catalog_at_start_with_category_names()
    {
        var result = (await app.Anonymous().SendAsync(Operations.Search, new { query = "dien thoai" })).EnsureNoErrors().Get("search");
        var hidden = (await app.Anonymous().SendAsync(Operations.Search, new { query = "quạt" })).EnsureNoErrors();

        Assert.Equal(CatalogApp.Phone.ToString(), result.Get("edges.0.node.id").GetString());
        Assert.Equal(("Điện thoại", 1), (result.Get("facets.categories").EnumerateArray().Single(c => c.Get("value").GetString() == CatalogApp.Phones.ToString()).Get("label").GetString(),
            result.Get("facets.categories").EnumerateArray().Single(c => c.Get("value").GetString() == CatalogApp.Phones.ToString()).Get("count").GetInt32()));
        Assert.Equal(0, hidden.Get("search.totalCount").GetInt32());
        Assert.Equal(7, await app.InDatabaseAsync(db => db.Products.Where(p => p.Id == CatalogApp.Phone).Select(p => p.SoldCount).SingleAsync()));
        var suggestions = (await app.Anonymous().SendAsync(Operations.Suggestions, new { prefix = "dien tho" })).EnsureNoErrors().Get("searchSuggestions");
        Assert.Contains(suggestions.EnumerateArray(), s => s.Get("kind").GetString() == "CATEGORY" && s.Get("text").GetString() == "Điện thoại");
    }

    [Fact]
    public async Task Reindex_imports_what_catalog_wrote_without_events()
    {
        var seeded = Guid.CreateVersion7();
        app.Catalog.Products.Add(CatalogApp.Exported(seeded, CatalogApp.Shop, "Máy giặt cửa trước LG 9kg", CatalogApp.Phones, "ACTIVE"));

        var refused = await app.InternalHttp(key: "wrong").PostAsync("/internal/search/reindex", null);
        using var response = await app.InternalHttp().PostAsync("/internal/search/reindex", null);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(refused.IsSuccessStatusCode);
        Assert.Equal(2, answer.GetProperty("indexed").GetInt32());
        Assert.NotNull(app.Service<ISearchIndex>().Find(seeded));
    }

    /// <summary>The search subgraph started against a catalog that already has products (one phone, one product of a suspended shop).</summary>
    public sealed class CatalogApp : SearchApp
    {
        public static readonly Guid Phones = Guid.CreateVersion7(), Phone = Guid.CreateVersion7(), Shop = Guid.CreateVersion7();

        private static readonly Guid SuspendedShop = Guid.CreateVersion7();

        public CatalogApp()
        {
            Catalog.Categories.Add(new CategorySummary(Phones, null, "Điện thoại", "Phones", [Phones]));
            Catalog.Shops.Add(new ExportedShop(Shop, "Shop A", "ACTIVE", 10.77, 106.70));
            Catalog.Shops.Add(new ExportedShop(SuspendedShop, "Shop B", "SUSPENDED", 10.77, 106.70));
            Catalog.Products.Add(Exported(Phone, Shop, "Samsung Galaxy A15", Phones, "ACTIVE") with { SoldCount = 7 });
            Catalog.Products.Add(Exported(Guid.CreateVersion7(), SuspendedShop, "Quạt trần", Phones, "ACTIVE"));
        }

        public static ExportedProduct Exported(Guid id, Guid shop, string title, Guid category, string status)
        {
            var now = DateTimeOffset.UtcNow;
            return new ExportedProduct(new ProductSnapshot(id, shop, title, null, null, null, category, [category], status, 1_000_000, null, null, null, "VND",
                500, [], now, now), 10, 4.5m, 3, 0);
        }
    }
}
