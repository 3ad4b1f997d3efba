using System.Net;
using System.Net.Http.Json;
using GoShop.Cart.Tests.Support;
using GoShop.Contracts.Cart;
using GoShop.Contracts.Catalog;
using GoShop.Testing;

namespace GoShop.Cart.Tests;

/// <summary>The internal cart API ordering calls: the cart as it stands, and adding lines (reorder) with addToCart's checks.</summary>
[Collection(CartCollection.Name)]
public sealed class InternalApiTests(CartApp app)
{
    [Fact]
    public async Task The_snapshot_lists_every_line_flagged_ones_too_and_the_coupons()
    {
        var buyer = app.NewBuyer();
        var shopId = Guid.CreateVersion7();
        var shirt = app.Product(100_000m, shopId: shopId);
        var red = app.Catalog.AddVariant(shirt.ProductId, 120_000m, 5);
        var doomed = app.Product();
        await buyer.AddOkAsync(shirt, 2);
        await buyer.AddOkAsync(red, 1);
        await buyer.AddOkAsync(doomed, 1);
        app.Coupons.AddCoupon(shopId, "TET", amountOff: 10_000m);
        (await buyer.Client.MutateAsync(Operations.ApplyCoupon, new { input = new { shopId, code = "TET" } })).Succeeded();
        await app.PublishAsync(new ProductDeleted(doomed.ProductId, doomed.ShopId, app.Clock.GetUtcNow().AddMinutes(1)));
        await Eventually.HoldsAsync(async () => (await buyer.CartAsync()).Line(doomed).Text("availability") == "DELETED", "the product is deleted");

        var snapshot = await app.Directory().GetAsync(buyer.Id, CancellationToken.None);

        var cart = await buyer.CartAsync();
        Assert.Equal(cart.Id(), snapshot.CartId);
        Assert.Equal(buyer.Id, snapshot.UserId);
        Assert.Equal([(shirt.ProductId, (Guid?)null, shopId, 2), (shirt.ProductId, red.VariantId, shopId, 1), (doomed.ProductId, null, doomed.ShopId, 1)],
            snapshot.Items.Select(i => (i.ProductId, i.VariantId, i.ShopId, i.Quantity)));
        Assert.Equal(cart.Line(red).Id(), snapshot.Items[1].ItemId);
        Assert.Equal([new CartCoupon(shopId, "TET")], snapshot.Coupons);
    }

    [Fact]
    public async Task A_buyer_without_a_cart_has_an_empty_snapshot()
    {
        var userId = Guid.CreateVersion7();

        var snapshot = await app.Directory().GetAsync(userId, CancellationToken.None);

        Assert.Equal((null, userId, 0, 0), (snapshot.CartId, snapshot.UserId, snapshot.Items.Count, snapshot.Coupons.Count));
    }

    [Fact]
    public async Task Adding_lines_checks_each_like_addToCart_and_adds_those_that_pass()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(stock: 10);
        var few = app.Product(stock: 2);
        var draft = app.Catalog.AddProduct(Guid.CreateVersion7(), 10_000m, 10, status: "DRAFT");
        var unknown = Guid.CreateVersion7();
        await buyer.AddOkAsync(shirt, 3);

        var result = await app.Directory().AddLinesAsync(buyer.Id, new AddCartLinesRequest([
            new CartLineRequest(shirt.ProductId, null, 2),
            new CartLineRequest(few.ProductId, null, 3),
            new CartLineRequest(draft.ProductId, null, 1),
            new CartLineRequest(unknown, null, 1),
            new CartLineRequest(shirt.ProductId, null, 0),
        ]), CancellationToken.None);

        var cart = await buyer.CartAsync();
        Assert.Equal((cart.Id(), 1), (result.CartId, result.Added));
        Assert.Equal([(few.ProductId, "OUT_OF_STOCK"), (draft.ProductId, "PRODUCT_UNAVAILABLE"), (unknown, "PRODUCT_NOT_FOUND"), (shirt.ProductId, "QUANTITY_OUT_OF_RANGE")],
            result.Rejected.Select(r => (r.ProductId, r.Reason)));
        Assert.Equal("Only 2 available.", result.Rejected[0].Message);
        Assert.Equal(5, cart.Line(shirt).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_retried_request_adds_its_lines_once_and_answers_the_same()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(stock: 10);
        var request = new AddCartLinesRequest([new CartLineRequest(shirt.ProductId, null, 2)], RequestId: Guid.CreateVersion7());

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Directory().AddLinesAsync(buyer.Id, request, CancellationToken.None)));
        var later = await app.Directory().AddLinesAsync(buyer.Id, request, CancellationToken.None);
        var stranger = await app.InternalHttp().PostAsJsonAsync($"internal/carts/{Guid.CreateVersion7()}/lines", request);

        Assert.All(answers.Append(later), a => Assert.Equal((answers[0].CartId, 1), (a.CartId, a.Added)));
        Assert.Equal(2, (await buyer.CartAsync()).Line(shirt).GetProperty("quantity").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stranger.StatusCode);
    }

    [Fact]
    public async Task Lines_for_a_buyer_without_a_cart_open_one_even_when_none_fits()
    {
        var userId = Guid.CreateVersion7();

        var result = await app.Directory().AddLinesAsync(userId, new AddCartLinesRequest([new CartLineRequest(Guid.CreateVersion7(), null, 1)]),
            CancellationToken.None);

        Assert.Equal(0, result.Added);
        Assert.Equal(result.CartId, (await app.Directory().GetAsync(userId, CancellationToken.None)).CartId);
    }

    [Fact]
    public async Task Adding_lines_while_catalog_is_away_fails_as_unreachable_and_changes_nothing()
    {
        var buyer = app.NewBuyer();
        app.Catalog.Down = true;
        try
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => app.Directory().AddLinesAsync(buyer.Id,
                new AddCartLinesRequest([new CartLineRequest(app.Product().ProductId, null, 1)]), CancellationToken.None));
        }
        finally
        {
            app.Catalog.Down = false;
        }
        Assert.Equal((0, 0, 0, 0), await app.CountsAsync(buyer.Id));
    }

    [Fact]
    public async Task No_lines_is_a_bad_request_and_a_call_without_the_key_is_refused()
    {
        var userId = Guid.CreateVersion7();

        using var empty = await app.InternalHttp().PostAsJsonAsync($"internal/carts/{userId}/lines", new AddCartLinesRequest([]));
        using var keyless = await app.InternalHttp(key: null).GetAsync($"internal/carts/{userId}");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, keyless.StatusCode);
    }
}
