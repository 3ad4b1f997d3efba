using System.Text.Json;
using GoShop.Contracts.Catalog;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Cart.Tests.Support;

/// <summary>Arranging carts through the API, and looking into the database to prove what was or was not written.</summary>
public static class CartAppExtensions
{
    /// <summary>A product catalog sells (ACTIVE), of a new shop unless one is given.</summary>
    public static ProductSummary Product(this CartApp app, decimal price = 100_000m, int stock = 50, Guid? shopId = null, string? title = null) =>
        app.Catalog.AddProduct(shopId ?? Guid.CreateVersion7(), price, stock, title);

    public static Task<JsonElement> AddAsync(this Buyer buyer, ProductSummary product, int quantity = 1) =>
        buyer.Client.MutateAsync(Operations.AddToCart, new { input = new { productId = product.ProductId, variantId = product.VariantId, quantity } });

    /// <summary>Adds and fails the test unless it went through; answers the cart.</summary>
    public static async Task<JsonElement> AddOkAsync(this Buyer buyer, ProductSummary product, int quantity = 1) =>
        (await buyer.AddAsync(product, quantity)).Succeeded().GetProperty("cart");

    public static async Task<JsonElement> CartAsync(this Buyer buyer) =>
        (await buyer.Client.SendAsync(Operations.Cart)).EnsureNoErrors().Get("cart");

    public static JsonElement Line(this JsonElement cart, ProductSummary product) =>
        cart.GetProperty("items").EnumerateArray().Single(i =>
            i.GetProperty("product").Id() == product.ProductId
            && VariantOf(i) == product.VariantId);

    private static Guid? VariantOf(JsonElement item) =>
        item.GetProperty("variant") is { ValueKind: JsonValueKind.Object } variant ? variant.Id() : null;

    public static JsonElement Shop(this JsonElement cart, Guid shopId) =>
        cart.GetProperty("shops").EnumerateArray().Single(s => s.GetProperty("shop").Id() == shopId);

    /// <summary>How many carts, cart lines, coupons and saved carts exist: a refused change must leave them all as they were.</summary>
    public static Task<(int Carts, int Items, int Coupons, int SavedCarts)> CountsAsync(this CartApp app, Guid userId) => app.InDatabaseAsync(async db => (
        await db.Carts.CountAsync(c => c.UserId == userId),
        await db.CartItems.CountAsync(i => db.Carts.Any(c => c.Id == i.CartId && c.UserId == userId)),
        await db.CartCoupons.CountAsync(k => db.Carts.Any(c => c.Id == k.CartId && c.UserId == userId)),
        await db.SavedCarts.CountAsync(s => s.UserId == userId)));
}
