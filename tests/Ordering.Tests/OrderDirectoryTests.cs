using System.Net;
using GoShop.Contracts.Ordering;
using GoShop.Ordering.Tests.Support;

namespace GoShop.Ordering.Tests;

/// <summary>Ordering's internal lookup that payments prices a payment from: one order, or every order of a checkout.</summary>
public sealed class OrderDirectoryTests(OrderingApp app) : IClassFixture<OrderingApp>
{
    [Fact]
    public async Task An_order_and_its_checkout_read_as_the_events_carry_them()
    {
        var placed = await app.PlaceOrderAsync("CARD");
        var directory = new OrderDirectory(app.InternalHttp());

        var order = await directory.FindOrderAsync(placed.OrderId, CancellationToken.None);
        var checkout = await directory.FindCheckoutOrdersAsync(placed.CheckoutId, CancellationToken.None);

        Assert.NotNull(order);
        Assert.Equal((placed.OrderId, placed.CheckoutId, placed.Buyer.Id, placed.Seller.ShopId, "PENDING_PAYMENT", "CARD"),
            (order.OrderId, order.CheckoutId, order.BuyerId, order.ShopId, order.Status, order.PaymentMethod));
        Assert.Equal(order.Subtotal + order.ShippingFee + order.Tax - order.Discount, order.Total);
        Assert.Equal(placed.Product.ProductId, Assert.Single(order.Lines).ProductId);
        Assert.Equal([placed.OrderId], checkout.Select(o => o.OrderId));
    }

    [Fact]
    public async Task An_unknown_order_or_checkout_is_not_found()
    {
        var directory = new OrderDirectory(app.InternalHttp());

        Assert.Null(await directory.FindOrderAsync(Guid.NewGuid(), CancellationToken.None));
        Assert.Empty(await directory.FindCheckoutOrdersAsync(Guid.NewGuid(), CancellationToken.None));
        using var response = await app.InternalHttp().GetAsync($"internal/orders/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
