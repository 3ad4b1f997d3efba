using System.Text.Json;
using GoShop.Contracts.Catalog;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Ordering.Tests.Support;

/// <summary>A delivered order and the ids of its lines, one per product put in the cart, in that order.</summary>
public sealed record DeliveredOrder(PlacedOrder Placed, IReadOnlyList<Guid> LineIds, IReadOnlyList<ProductSummary> Products)
{
    public Guid OrderId => Placed.OrderId;

    public Person Buyer => Placed.Buyer.Buyer;

    public Person Seller => Placed.Seller.Seller;
}

/// <summary>Arranging orders to return, and asking for returns through the API as a frontend would.</summary>
public static class ReturnArrangements
{
    /// <summary>A cash-on-delivery order of one product per quantity given (100,000 đồng a unit), delivered by its seller.</summary>
    public static async Task<DeliveredOrder> DeliveredOrderAsync(this OrderingApp app, params int[] quantities)
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        var products = (quantities.Length == 0 ? [1] : quantities).Select(q => app.PutInCart(buyer, seller, quantity: q)).ToList();
        var checkout = (await buyer.PlaceAsync()).Succeeded().GetProperty("checkout");
        var placed = new PlacedOrder(checkout.GetProperty("orders")[0].Id(), checkout.Id(), buyer, seller, products[0]);
        foreach (var move in new[] { "confirmOrder", "shipOrder", "markOrderDelivered" })
            (await seller.Seller.MoveAsync(move, placed.OrderId)).Succeeded();
        var lines = (await buyer.Buyer.ReturnsOfAsync(placed.OrderId)).GetProperty("lines").EnumerateArray()
            .ToDictionary(l => l.GetProperty("product").Id(), l => l.Id());
        return new DeliveredOrder(placed, products.Select(p => lines[p.ProductId]).ToList(), products);
    }

    public static Task<JsonElement> RequestReturnAsync(this Person buyer, Guid orderId, string reason = "Hàng bị lỗi",
        IEnumerable<(Guid LineId, int Quantity)>? lines = null, IEnumerable<Guid>? mediaIds = null)
    {
        var input = new Dictionary<string, object?> { ["orderId"] = orderId, ["reason"] = reason };
        if (lines is not null)
            input["lines"] = lines.Select(l => new { orderLineId = l.LineId, quantity = l.Quantity }).ToList();
        if (mediaIds is not null)
            input["mediaIds"] = mediaIds.ToList();
        return buyer.Client.MutateAsync(Operations.RequestReturn, new { input });
    }

    public static Task<JsonElement> ApproveReturnAsync(this Person person, Guid? returnId = null, Guid? orderId = null) =>
        person.Client.MutateAsync(Operations.ApproveReturn, new { input = new { returnId, orderId } });

    public static Task<JsonElement> RejectReturnAsync(this Person person, string reason, Guid? returnId = null, Guid? orderId = null) =>
        person.Client.MutateAsync(Operations.RejectReturn, new { input = new { returnId, orderId, reason } });

    /// <summary>The order with its lines, timeline and returns, as the person sees it.</summary>
    public static async Task<JsonElement> ReturnsOfAsync(this Person person, Guid orderId) =>
        (await person.Client.SendAsync(Operations.OrderReturns, new { id = orderId })).EnsureNoErrors().Get("order");

    public static Task<int> ReturnCountAsync(this OrderingApp app, Guid orderId) =>
        app.InDatabaseAsync(db => db.Returns.CountAsync(r => r.OrderId == orderId));
}
