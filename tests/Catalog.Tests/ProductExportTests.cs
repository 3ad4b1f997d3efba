using System.Net;
using GoShop.Catalog.Tests.Support;
using GoShop.Contracts.Catalog;

namespace GoShop.Catalog.Tests;

/// <summary>The export search rebuilds from: every live product page by page with its stock and shop, and the category tree.</summary>
[Collection(CatalogCollection.Name)]
public sealed class ProductExportTests(CatalogApp app)
{
    [Fact]
    public async Task The_export_pages_through_every_live_product_once_with_stock_and_shop()
    {
        var seller = await app.SellerAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(Guid.Parse(await seller.CreateProductIdAsync(("price", 100_000m + i), ("initialStock", 4 + i))));
        var export = new CatalogExport(app.InternalHttp());

        var seen = new List<ExportedProduct>();
        var shops = new List<ExportedShop>();
        Guid? after = null;
        do
        {
            var page = await export.ProductsAsync(after, 2, default);
            Assert.True(page.Products.Count <= 2);
            seen.AddRange(page.Products);
            shops.AddRange(page.Shops);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(seen.Count, seen.Select(p => p.Product.ProductId).Distinct().Count());
        var mine = seen.Where(p => ids.Contains(p.Product.ProductId)).OrderBy(p => p.Product.Price).ToList();
        Assert.Equal([4, 5, 6], mine.Select(p => p.Available));
        Assert.All(mine, p => Assert.Equal((seller.ShopId, "ACTIVE"), (p.Product.ShopId, p.Product.Status)));
        Assert.Contains(shops, s => s.ShopId == seller.ShopId);
    }

    [Fact]
    public async Task The_category_tree_names_every_category_with_its_path_and_a_page_size_is_bounded()
    {
        var parent = Guid.Parse(await app.CreateCategoryAsync("Gia dụng " + Guid.NewGuid().ToString("N")[..6]));
        var child = Guid.Parse(await app.CreateCategoryAsync("Nồi chảo " + Guid.NewGuid().ToString("N")[..6], parent.ToString()));

        var categories = await new CatalogExport(app.InternalHttp()).CategoriesAsync(default);
        var tooBig = await app.InternalHttp().GetAsync($"{CatalogExport.ProductsRoute}?size={CatalogExport.MaxPageSize + 1}");

        Assert.Equal([parent, child], categories.Single(c => c.Id == child).Path);
        Assert.StartsWith("Nồi chảo", categories.Single(c => c.Id == child).Name);
        Assert.All(categories, c => Assert.Equal(c.Id, c.Path[^1]));
        Assert.All(categories.Where(c => c.ParentId is not null), c => Assert.Equal(c.ParentId, c.Path[^2]));
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }
}
