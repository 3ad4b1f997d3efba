using System.Text.Json;
using GoShop.Contracts.Cart;
using GoShop.Cart.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Cart.Tests;

/// <summary>Each add to cart by a signed-in buyer goes out as CartItemAdded (search's trending, analytics' funnel), with the units it added.</summary>
[Collection(CartCollection.Name)]
public sealed class CartItemAddedTests(CartApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task An_add_publishes_the_units_it_added_through_the_outbox()
    {
        var buyer = app.NewBuyer();
        var shirt = app.Product(stock: 50);
        var red = app.Catalog.AddVariant(shirt.ProductId, 210_000m, 10, "Đỏ / XL");

        await buyer.AddOkAsync(shirt, 2);
        await buyer.AddOkAsync(shirt, 3);
        await buyer.AddOkAsync(red, 1);

        var events = await AddedAsync(buyer.Id);
        Assert.Equal([(shirt.ProductId, (Guid?)null, 2), (shirt.ProductId, null, 3), (shirt.ProductId, red.VariantId, 1)],
            events.Select(e => (e.ProductId, e.VariantId, e.Quantity)));
        Assert.All(events, e => Assert.Equal(shirt.ShopId, e.ShopId));
    }

    [Fact]
    public async Task A_refused_add_publishes_nothing()
    {
        var buyer = app.NewBuyer();
        var scarce = app.Product(stock: 1);

        Assert.Equal(["OUT_OF_STOCK"], (await buyer.AddAsync(scarce, 5)).UserErrorCodes());
        Assert.Empty(await AddedAsync(buyer.Id));
    }

    private async Task<List<CartItemAdded>> AddedAsync(Guid userId)
    {
        var name = typeof(CartItemAdded).FullName!;
        var payloads = await app.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.MessageType == name).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        return payloads.Select(p => JsonSerializer.Deserialize<CartItemAdded>(p, Json)!).Where(e => e.UserId == userId).ToList();
    }
}
