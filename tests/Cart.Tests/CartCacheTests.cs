using GoShop.Cart.Caching;
using GoShop.Cart.Tests.Support;
using GoShop.Testing;
using StackExchange.Redis;

namespace GoShop.Cart.Tests;

/// <summary>
/// The Redis copy of a cart: written through after every commit, read first, and never the truth — PostgreSQL is, so a
/// flushed or lost copy loses nothing, and an older state can never overwrite a newer one.
/// </summary>
[Collection(CartCollection.Name)]
public sealed class CartCacheTests(CartApp app)
{
    private IDatabase Redis => app.Service<IConnectionMultiplexer>().GetDatabase();

    [Fact]
    public async Task Every_change_is_written_through_to_the_copy_with_its_version()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product();

        await buyer.AddOkAsync(shirt, 2);
        var afterAdd = await app.Service<CartCache>().GetAsync(buyer.Id);
        await buyer.AddOkAsync(shirt, 1);
        var afterMerge = await app.Service<CartCache>().GetAsync(buyer.Id);

        Assert.Equal(2, afterAdd!.Items.Single().Quantity);
        Assert.Equal((3, afterAdd.Version + 1), (afterMerge!.Items.Single().Quantity, afterMerge.Version));
        Assert.True(await Redis.KeyTimeToLiveAsync(CartCache.Key(buyer.Id)) > TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Flushing_the_copy_loses_nothing_and_the_next_read_refills_it()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(100_000m);
        var socks = app.Product(20_000m);
        await buyer.AddOkAsync(shirt, 2);
        var before = await buyer.AddOkAsync(socks, 3);

        await Redis.KeyDeleteAsync(CartCache.Key(buyer.Id));
        var after = await buyer.CartAsync();

        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Equal(5, (await app.Service<CartCache>().GetAsync(buyer.Id))!.Items.Sum(i => i.Quantity));
    }

    [Fact]
    public async Task An_older_state_never_overwrites_a_newer_copy()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product();
        await buyer.AddOkAsync(shirt, 1);
        var stale = (await app.Service<CartCache>().GetAsync(buyer.Id))!;
        await buyer.AddOkAsync(shirt, 4);

        // A reader that loaded the cart before the last change and stores it after the writer did.
        await app.Service<CartCache>().StoreAsync(stale);

        Assert.Equal(5, (await buyer.CartAsync()).Line(shirt).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_buyer_without_a_cart_reads_null_and_a_first_add_replaces_that_copy()
    {
        var buyer = app.NewBuyer();

        var none = (await buyer.Client.SendAsync(Operations.Cart)).EnsureNoErrors().Get("cart");
        var cached = await app.Service<CartCache>().GetAsync(buyer.Id);
        await buyer.AddOkAsync(app.Product());

        Assert.Equal(System.Text.Json.JsonValueKind.Null, none.ValueKind);
        Assert.Equal((null, 0L), (cached!.CartId, cached.Version));
        Assert.Equal(1, (await buyer.CartAsync()).GetProperty("itemCount").GetInt32());
    }
}
