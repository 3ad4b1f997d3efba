using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Shops;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Ordering.Tests.Support;

/// <summary>A seller and the shop the shops subgraph knows they own.</summary>
public sealed record SellerWithShop(Person Seller, ShopSnapshot Shop)
{
    public Guid ShopId => Shop.ShopId;
}

/// <summary>A buyer with an address identity knows.</summary>
public sealed record BuyerWithAddress(Person Buyer, AddressSnapshot Address)
{
    public Guid Id => Buyer.Id;

    public GraphQLClient Client => Buyer.Client;
}

/// <summary>An order placed through the API, with who bought and who sells.</summary>
public sealed record PlacedOrder(Guid OrderId, Guid CheckoutId, BuyerWithAddress Buyer, SellerWithShop Seller, ProductSummary Product);

/// <summary>Arranging the other subgraphs (through their fakes) and placing orders through the API.</summary>
public static class OrderingAppExtensions
{
    public static SellerWithShop OpenShop(this OrderingApp app, string status = "ACTIVE")
    {
        var seller = app.SignIn(Roles.Buyer, Roles.Seller);
        return new SellerWithShop(seller, app.Shops.Open(seller.Id, status));
    }

    public static BuyerWithAddress NewBuyer(this OrderingApp app, bool located = true)
    {
        var buyer = app.SignIn();
        return new BuyerWithAddress(buyer, app.Addresses.Add(buyer.Id, located));
    }

    /// <summary>A product of the shop in the catalog, and the buyer's cart holding some of it.</summary>
    public static ProductSummary PutInCart(this OrderingApp app, BuyerWithAddress buyer, SellerWithShop shop, decimal price = 100_000m,
        int quantity = 1, int stock = 10, int weightGrams = 500, string? title = null)
    {
        var product = app.Catalog.AddProduct(shop.ShopId, price, stock, title, weightGrams: weightGrams);
        app.Carts.Add(buyer.Id, product.ProductId, shop.ShopId, quantity);
        return product;
    }

    public static Dictionary<string, object?> PlaceInput(this BuyerWithAddress buyer, string paymentMethod = "COD", params (string Key, object? Value)[] extra)
    {
        var input = new Dictionary<string, object?> { ["addressId"] = buyer.Address.AddressId, ["paymentMethod"] = paymentMethod };
        foreach (var (key, value) in extra)
            input[key] = value;
        return input;
    }

    public static Task<JsonElement> PlaceAsync(this BuyerWithAddress buyer, string paymentMethod = "COD", params (string Key, object? Value)[] extra) =>
        buyer.Client.MutateAsync(Operations.PlaceOrder, new { input = buyer.PlaceInput(paymentMethod, extra) });

    /// <summary>A one-shop, one-product order placed by a new buyer with a new seller.</summary>
    public static async Task<PlacedOrder> PlaceOrderAsync(this OrderingApp app, string paymentMethod = "COD", int quantity = 1)
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        var product = app.PutInCart(buyer, seller, quantity: quantity);
        var checkout = (await buyer.PlaceAsync(paymentMethod)).Succeeded().GetProperty("checkout");
        return new PlacedOrder(checkout.GetProperty("orders")[0].Id(), checkout.Id(), buyer, seller, product);
    }

    /// <summary>Sends one of the order moves (confirmOrder, cancelOrder...) and answers its payload.</summary>
    public static Task<JsonElement> MoveAsync(this Person person, string mutation, Guid orderId, params (string Key, object? Value)[] extra)
    {
        var input = new Dictionary<string, object?> { ["orderId"] = orderId };
        foreach (var (key, value) in extra)
            input[key] = value;
        return person.Client.MutateAsync(Operations.Move(mutation), new { input });
    }

    public static async Task<JsonElement> OrderAsync(this Person person, Guid orderId) =>
        (await person.Client.SendAsync(Operations.Order, new { id = orderId })).EnsureNoErrors().Get("order");
}

public static class JsonElementExtensions
{
    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static Guid Id(this JsonElement element) => Guid.Parse(element.Text("id"));

    public static decimal Amount(this JsonElement money) => money.GetProperty("amount").GetDecimal();

    public static IReadOnlyList<string> Codes(this JsonElement payload) => payload.UserErrorCodes();
}

/// <summary>What the ordering database holds, for assertions that nothing (or exactly this) was written.</summary>
public static class OrderingDatabase
{
    public static Task<int> CheckoutCountAsync(this OrderingApp app, Guid buyerId) =>
        app.InDatabaseAsync(db => db.Checkouts.CountAsync(c => c.BuyerId == buyerId));

    public static Task<int> OrderCountAsync(this OrderingApp app, Guid buyerId) =>
        app.InDatabaseAsync(db => db.Orders.CountAsync(o => o.BuyerId == buyerId));

    /// <summary>The payloads of the outbox messages of one event type about an order, oldest first.</summary>
    public static async Task<List<JsonElement>> EventsAsync(this OrderingApp app, Type eventType, Guid orderId)
    {
        var payloads = await app.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.MessageType == eventType.FullName).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone())
            .Where(e => e.GetProperty("order").GetProperty("orderId").GetGuid() == orderId)
            .ToList();
    }

    /// <summary>Every order event (of any type) written about an order, by type name, oldest first.</summary>
    public static async Task<List<string>> EventTypesAsync(this OrderingApp app, Guid orderId)
    {
        var messages = await app.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.MessageType.StartsWith("GoShop.Contracts.Ordering.")).OrderBy(m => m.Id).ToListAsync());
        return messages.Where(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("order").GetProperty("orderId").GetGuid() == orderId)
            .Select(m => m.MessageType["GoShop.Contracts.Ordering.".Length..])
            .ToList();
    }
}
