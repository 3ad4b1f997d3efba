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
