using System.Net;
using GoShop.Contracts.Shops;

namespace GoShop.Shops.Tests;

/// <summary>The internal shop lookup, for subgraphs that have not heard of a shop through the events yet.</summary>
public sealed class ShopDirectoryTests(ShopsApp app) : IClassFixture<ShopsApp>
{
    [Fact]
    public async Task A_shop_is_found_as_the_snapshot_its_events_carry()
    {
        var owner = app.NewUser();
        var shopId = await owner.CreateShopIdAsync();

        var snapshot = await app.Directory().FindAsync(shopId, CancellationToken.None);

        Assert.NotNull(snapshot);
        var published = await app.InDatabaseAsync(async db => (await db.Shops.FindAsync(shopId))!.ToSnapshot());
        Assert.Equal(published with { Categories = [] }, snapshot with { Categories = [] });
        Assert.Equal(published.Categories, snapshot.Categories);
        Assert.Equal(owner.Id, snapshot.OwnerId);
        Assert.Equal("ACTIVE", snapshot.Status);
    }

    [Fact]
    public async Task An_unknown_shop_is_null()
    {
        Assert.Null(await app.Directory().FindAsync(Guid.CreateVersion7(), CancellationToken.None));
    }

    [Fact]
    public async Task The_lookup_refuses_a_caller_without_the_internal_key()
    {
        var owner = app.NewUser();
        var shopId = await owner.CreateShopIdAsync();

        using var response = await app.Factory.CreateClient().GetAsync($"/internal/shops/{shopId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
