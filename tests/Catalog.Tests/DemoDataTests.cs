using GoShop.Catalog.Seed;
using GoShop.Catalog.Tests.Support;
using GoShop.Contracts.Demo;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class DemoDataTests(CatalogApp app)
{
    [Fact]
    public async Task The_demo_catalog_seeds_once_with_vietnamese_products_in_every_demo_shop()
    {
        await SeedAsync();
        var first = await app.CountsAsync();
        await SeedAsync();

        Assert.Equal(first, await app.CountsAsync());
        var perShop = await app.InDatabaseAsync(db => db.Products.Where(p => DemoShops.All.Select(s => s.Id).Contains(p.ShopId))
            .GroupBy(p => p.ShopId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(DemoShops.All.Count, perShop.Count);
        Assert.All(perShop, count => Assert.Equal(CatalogDemoData.ProductsPerShop, count));
        var roots = (await app.Client().SendAsync(Operations.Categories)).EnsureNoErrors().Get("categories").EnumerateArray().Select(c => c.Text("slug")).ToList();
        Assert.Subset(roots.ToHashSet(), DemoCategories.Tree.Select(c => c.Slug).ToHashSet());
        var shirts = (await app.Client().SendAsync(Operations.Products, new { where = new { text = "ao thun", categoryId = DemoCategories.Tree[1].Id } }))
            .EnsureNoErrors().Get("products");
        Assert.True(shirts.GetProperty("totalCount").GetInt32() > 0);
        var shirt = await app.ProductAsync(shirts.Ids()[0]);
        Assert.Equal(DemoMedia.ForCategory("fashion").ToString(), shirt.GetProperty("media")[0].Text("id"));
        Assert.NotEmpty(shirt.GetProperty("variants").EnumerateArray());
    }

    private async Task SeedAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CatalogDemoData>().SeedAsync(CancellationToken.None);
    }
}
