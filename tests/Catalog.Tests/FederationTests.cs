using System.Text.Json;
using GoShop.Catalog.Tests.Support;
using GoShop.Testing;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace GoShop.Catalog.Tests;

/// <summary>The catalog subgraph as the gateway sees it: its SDL, its entities and the Shop fields it adds.</summary>
[Collection(CatalogCollection.Name)]
public sealed class FederationTests(CatalogApp app)
{
    [Fact]
    public async Task The_checked_in_catalog_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "catalog");
    }

    [Fact]
    public async Task Entities_answer_products_in_the_order_asked_with_null_for_unknown_ones()
    {
        var seller = await app.SellerAsync();
        var category = await app.CreateCategoryAsync("Sách");
        var first = await seller.CreateProductIdAsync(("title", "Sách Nhà Giả Kim"), ("price", 79_000m), ("brand", "Nhã Nam"), ("categoryId", category));
        var second = await seller.CreateProductIdAsync(("title", "Sách Đắc Nhân Tâm"), ("price", 86_000m), ("initialStock", 0));
        var representations = new[] { second, Guid.CreateVersion7().ToString(), first }
            .Select(id => new Dictionary<string, object> { ["__typename"] = "Product", ["id"] = id });

        var response = (await app.Client().SendAsync(Operations.ResolveProducts, new { representations })).EnsureNoErrors();

        var entities = response.Get("_entities");
        Assert.Equal([second, null, first], entities.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.Text("id")));
        Assert.Equal(seller.ShopId.ToString(), entities[2].GetProperty("shop").Text("id"));
        Snapshot.Match(JToken.Parse(entities.GetRawText()), options => options.IgnoreAllFields("id").IgnoreAllFields("slug"));
    }

    [Fact]
    public async Task Shop_products_resolve_from_a_shop_reference_and_page()
    {
        var seller = await app.SellerAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add(await seller.CreateProductIdAsync(("title", $"Sản phẩm {i}")));
        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = seller.ShopId.ToString() } };

        var firstPage = (await app.Client().SendAsync(Operations.ShopProducts, new { representations, first = 2 })).EnsureNoErrors().Get("_entities.0.products");
        var after = firstPage.GetProperty("pageInfo").Text("endCursor");
        var secondPage = (await app.Client().SendAsync(Operations.ShopProducts, new { representations, first = 2, after })).EnsureNoErrors().Get("_entities.0.products");

        Assert.Equal(3, firstPage.GetProperty("totalCount").GetInt32());
        Assert.Equal(Enumerable.Reverse(ids), firstPage.Ids().Concat(secondPage.Ids()));
        Assert.False(secondPage.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Resolving_a_hundred_product_references_costs_a_fixed_number_of_sql_commands()
    {
        var seller = await app.SellerAsync();
        var ids = new List<string>();
        for (var i = 0; i < 100; i++)
            ids.Add(await seller.CreateProductIdAsync(("title", $"Hàng {i}"), ("brand", $"Brand {i % 7}")));
        var representations = ids.Select(id => new Dictionary<string, object> { ["__typename"] = "Product", ["id"] = id }).ToList();

        app.Factory.Commands.Reset();
        var response = (await app.Client().SendAsync(Operations.ResolveProducts, new { representations })).EnsureNoErrors();

        Assert.Equal(ids, response.Get("_entities").EnumerateArray().Select(e => e.Text("id")));
        // Products, their stock rows, expired holds on those rows, brands, categories, galleries: one query each.
        Assert.True(app.Factory.Commands.Count <= 6, "SQL sent: " + string.Join("\n", app.Factory.Commands.Commands));
    }

    [Fact]
    public async Task A_page_of_products_with_every_nested_field_costs_the_same_sql_for_five_as_for_forty()
    {
        var small = await ShopWithProductsAsync(5);
        var large = await ShopWithProductsAsync(40);

        var smallCommands = await CountCommandsAsync(small);
        var largeCommands = await CountCommandsAsync(large);

        Assert.Equal(smallCommands, largeCommands);
        Assert.True(largeCommands <= 8, $"{largeCommands} SQL commands: " + string.Join("\n", app.Factory.Commands.Commands));
    }

    private async Task<Seller> ShopWithProductsAsync(int count)
    {
        var seller = await app.SellerAsync();
        var category = await app.CreateCategoryAsync("N+1");
        for (var i = 0; i < count; i++)
        {
            var id = await seller.CreateProductIdAsync(("title", $"Hàng {i}"), ("brand", $"Brand {i % 3}"), ("categoryId", category));
            if (i % 2 == 0)
            {
                (await seller.Client.MutateAsync(Operations.CreateVariant, new
                {
                    input = new { productId = id, sku = $"NP-{Guid.NewGuid():N}"[..20], options = new[] { new { name = "Size", value = "M" } }, price = 1_000m, initialStock = 1 },
                })).Succeeded();
            }
        }
        return seller;
    }

    private async Task<int> CountCommandsAsync(Seller seller)
    {
        app.Factory.Commands.Reset();
        var response = await app.Client().SendAsync(
            "query($where: ProductFilterInput) { products(where: $where, first: 50) { edges { node { " + Operations.ProductFields + " } } } }",
            new { where = new { shopId = seller.ShopId } });
        response.EnsureNoErrors();
        return app.Factory.Commands.Count;
    }
}
