using Microsoft.EntityFrameworkCore;
using MassTransit;
using GoShop.Contracts.Media;
using GoShop.Catalog.Tests.Support;
using GoShop.Testing;

namespace GoShop.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class MediaTests(CatalogApp app)
{
    [Fact]
    public async Task Sellers_attach_their_own_uploads_in_order_and_remove_them()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync();
        var front = app.Media.Upload(seller.Id);
        var back = app.Media.Upload(seller.Id);

        (await AddAsync(seller, id, front)).Succeeded();
        var both = (await AddAsync(seller, id, back)).Succeeded();
        var twice = await AddAsync(seller, id, back);
        var removed = (await seller.Client.MutateAsync(Operations.RemoveMedia, new { input = new { productId = id, mediaId = front } })).Succeeded();

        Assert.Equal([front.ToString(), back.ToString()], both.GetProperty("product").GetProperty("media").EnumerateArray().Select(m => m.Text("id")));
        Assert.Equal(["MEDIA_ALREADY_ATTACHED"], twice.UserErrorCodes());
        Assert.Equal([back.ToString()], removed.GetProperty("product").GetProperty("media").EnumerateArray().Select(m => m.Text("id")));
        var announced = (await app.OutboxAsync("ProductUpdated")).Last(e => e.GetProperty("product").Text("productId") == id);
        Assert.Equal([back.ToString()], announced.GetProperty("product").GetProperty("mediaIds").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Media_deleted_in_the_media_subgraph_leaves_every_gallery_it_was_in()
    {
        await app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var seller = await app.SellerAsync();
        var first = await seller.CreateProductIdAsync();
        var second = await seller.CreateProductIdAsync();
        var shared = app.Media.Upload(seller.Id);
        var kept = app.Media.Upload(seller.Id);
        (await AddAsync(seller, first, shared)).Succeeded();
        (await AddAsync(seller, first, kept)).Succeeded();
        (await AddAsync(seller, second, shared)).Succeeded();

        await app.Service<IBus>().Publish(new MediaDeleted(shared, seller.Id, app.Clock.GetUtcNow()));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await app.InDatabaseAsync(db => db.ProductMedia.AnyAsync(m => m.MediaId == shared)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The MediaDeleted event was not applied within 20 seconds.");
            await Task.Delay(100);
        }
        var (firstId, secondId) = (Guid.Parse(first), Guid.Parse(second));
        var galleries = await app.InDatabaseAsync(db => db.ProductMedia.Where(m => m.ProductId == firstId || m.ProductId == secondId)
            .Select(m => new { m.ProductId, m.MediaId }).ToListAsync());
        Assert.Equal([(firstId, kept)], galleries.Select(g => (g.ProductId, g.MediaId)));
        var announced = (await app.OutboxAsync("ProductUpdated")).Last(e => e.GetProperty("product").Text("productId") == second);
        Assert.Empty(announced.GetProperty("product").GetProperty("mediaIds").EnumerateArray());
    }

    [Fact]
    public async Task Someone_elses_unknown_or_unreachable_media_is_refused_and_nothing_attached()
    {
        var seller = await app.SellerAsync();
        var stranger = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync();
        var theirs = app.Media.Upload(stranger.Id);
        var mine = app.Media.Upload(seller.Id);
        var counts = await app.CountsAsync();

        var notOwned = await AddAsync(seller, id, theirs);
        var unknown = await AddAsync(seller, id, Guid.CreateVersion7());
        var notMyProduct = await AddAsync(stranger, id, theirs);
        var notInGallery = await seller.Client.MutateAsync(Operations.RemoveMedia, new { input = new { productId = id, mediaId = mine } });
        app.Media.Down = true;
        var unreachable = await AddAsync(seller, id, mine);
        app.Media.Down = false;

        Assert.Equal(["FORBIDDEN"], notOwned.UserErrorCodes());
        Assert.Equal(["MEDIA_NOT_FOUND"], unknown.UserErrorCodes());
        Assert.Equal(["FORBIDDEN"], notMyProduct.UserErrorCodes());
        Assert.Equal(["MEDIA_NOT_FOUND"], notInGallery.UserErrorCodes());
        Assert.Equal(["MEDIA_UNAVAILABLE"], unreachable.UserErrorCodes());
        Assert.Equal(counts, await app.CountsAsync());
        var admin = app.Admin();
        (await admin.Client.MutateAsync(Operations.AddMedia, new { input = new { productId = id, mediaId = theirs } })).Succeeded();
    }

    private static Task<System.Text.Json.JsonElement> AddAsync(Seller seller, string productId, Guid mediaId) =>
        seller.Client.MutateAsync(Operations.AddMedia, new { input = new { productId, mediaId } });
}
