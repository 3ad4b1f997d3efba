using System.Text.Json;
using GoShop.Ordering.Tests.Support;
using GoShop.Testing;

namespace GoShop.Ordering.Tests;

/// <summary>Who sees which orders: order(id), checkout(id), myOrders, Shop.orders and User.orders.</summary>
public sealed class OrderQueryTests(OrderingApp app) : IClassFixture<OrderingApp>
{
    [Fact]
    public async Task An_order_answers_its_buyer_its_seller_and_admins_and_is_null_for_anyone_else()
    {
        var placed = await app.PlaceOrderAsync();

        var stranger = await app.SignIn().Client.SendAsync(Operations.Order, new { id = placed.OrderId });
        var anonymous = await app.Client().SendAsync(Operations.Order, new { id = placed.OrderId });
        var unknown = await placed.Buyer.Client.SendAsync(Operations.Order, new { id = Guid.CreateVersion7() });

        Assert.Equal(placed.OrderId, (await placed.Buyer.Buyer.OrderAsync(placed.OrderId)).Id());
        Assert.Equal(placed.OrderId, (await placed.Seller.Seller.OrderAsync(placed.OrderId)).Id());
        Assert.Equal(placed.OrderId, (await app.Admin().OrderAsync(placed.OrderId)).Id());
        Assert.All(new[] { stranger, anonymous, unknown }, r => Assert.Equal(JsonValueKind.Null, r.EnsureNoErrors().Get("order").ValueKind));
    }

    [Fact]
    public async Task A_checkout_answers_its_buyer_and_admins_and_a_seller_sees_only_their_own_order_in_it()
    {
        var buyer = app.NewBuyer();
        var first = app.OpenShop();
        var second = app.OpenShop();
        app.PutInCart(buyer, first, price: 100_000m);
        app.PutInCart(buyer, second, price: 200_000m);
        var checkout = (await buyer.PlaceAsync("CARD", ("idempotencyKey", "k-1"))).Succeeded().GetProperty("checkout");

        var asBuyer = (await buyer.Client.SendAsync(Operations.Checkout, new { id = checkout.Id() })).EnsureNoErrors().Get("checkout");
        var asSeller = (await first.Seller.Client.SendAsync(Operations.Checkout, new { id = checkout.Id() })).EnsureNoErrors().Get("checkout");
        var sellerOrder = checkout.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("shop").Id() == first.ShopId).Id();
        var throughOrder = (await first.Seller.Client.SendAsync($$"""query($id: ID!) { order(id: $id) { checkout { idempotencyKey orders { id } fees { subtotal { amount } } } } }""",
            new { id = sellerOrder })).EnsureNoErrors().Get("order.checkout");

        Assert.Equal(("CARD", "k-1", 2), (asBuyer.Text("paymentMethod"), asBuyer.Text("idempotencyKey"), asBuyer.GetProperty("orders").GetArrayLength()));
        Assert.Equal(300_000m, asBuyer.GetProperty("fees").GetProperty("subtotal").Amount());
        Assert.Equal(JsonValueKind.Null, asSeller.ValueKind);
        Assert.Equal([sellerOrder], throughOrder.GetProperty("orders").EnumerateArray().Select(o => o.Id()));
        Assert.Equal(100_000m, throughOrder.GetProperty("fees").GetProperty("subtotal").Amount());
        Assert.Equal(JsonValueKind.Null, throughOrder.GetProperty("idempotencyKey").ValueKind);
    }

    [Fact]
    public async Task My_orders_pages_newest_first_with_a_total_and_a_status_filter()
    {
        var buyer = app.NewBuyer();
        var shop = app.OpenShop();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            app.PutInCart(buyer, shop);
            ids.Add((await buyer.PlaceAsync(i % 2 == 0 ? "COD" : "CARD")).Succeeded().GetProperty("checkout").GetProperty("orders")[0].Id());
        }
        await app.PlaceOrderAsync();

        var first = (await buyer.Client.SendAsync(Operations.MyOrders, new { first = 2 })).EnsureNoErrors().Get("myOrders");
        var second = (await buyer.Client.SendAsync(Operations.MyOrders, new { first = 2, after = first.GetProperty("pageInfo").Text("endCursor") })).EnsureNoErrors().Get("myOrders");
        var third = (await buyer.Client.SendAsync(Operations.MyOrders, new { first = 2, after = second.GetProperty("pageInfo").Text("endCursor") })).EnsureNoErrors().Get("myOrders");
        var unpaid = (await buyer.Client.SendAsync(Operations.MyOrders, new { status = "PENDING_PAYMENT" })).EnsureNoErrors().Get("myOrders");

        var newestFirst = Enumerable.Reverse(ids).ToList();
        Assert.Equal(newestFirst, new[] { first, second, third }.SelectMany(Nodes).ToList());
        Assert.Equal(5, first.GetProperty("totalCount").GetInt32());
        Assert.Equal((true, true, false), (first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(),
            second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(), third.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()));
        Assert.Equal([ids[3], ids[1]], Nodes(unpaid));
        Assert.Equal(2, unpaid.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task My_orders_needs_a_signed_in_user_and_refuses_bad_pages()
    {
        var anonymous = await app.Client().SendAsync(Operations.MyOrders);
        var tooMany = await app.SignIn().Client.SendAsync(Operations.MyOrders, new { first = 101 });
        var forged = await app.SignIn().Client.SendAsync(Operations.MyOrders, new { after = "bm90LWEtY3Vyc29y" });

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], tooMany.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], forged.ErrorCodes);
    }

    [Fact]
    public async Task A_shop_s_orders_answer_its_owner_and_admins_and_refuse_anyone_else()
    {
        var placed = await app.PlaceOrderAsync();
        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = placed.Seller.ShopId.ToString() } };
        var newShop = app.OpenShop();
        var newShopRepresentations = new[] { new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = newShop.ShopId.ToString() } };

        var asOwner = (await placed.Seller.Seller.Client.SendAsync(Operations.ShopOrders, new { representations })).EnsureNoErrors();
        var asAdmin = (await app.Admin().Client.SendAsync(Operations.ShopOrders, new { representations, status = "PENDING" })).EnsureNoErrors();
        var asBuyer = await placed.Buyer.Client.SendAsync(Operations.ShopOrders, new { representations });
        var ownerOfNewShop = (await newShop.Seller.Client.SendAsync(Operations.ShopOrders, new { representations = newShopRepresentations })).EnsureNoErrors();

        Assert.Equal([placed.OrderId], Nodes(asOwner.Get("_entities.0.orders")));
        Assert.Equal([placed.OrderId], Nodes(asAdmin.Get("_entities.0.orders")));
        Assert.Equal(["FORBIDDEN"], asBuyer.ErrorCodes);
        Assert.Equal(0, ownerOfNewShop.Get("_entities.0.orders.totalCount").GetInt32());
    }

    [Fact]
    public async Task A_shop_s_orders_say_when_the_shops_subgraph_cannot_tell_who_owns_it()
    {
        var shop = app.OpenShop();
        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = shop.ShopId.ToString() } };
        app.Shops.Down = true;
        try
        {
            var response = await shop.Seller.Client.SendAsync(Operations.ShopOrders, new { representations });

            Assert.Equal(["SHOPS_UNAVAILABLE"], response.ErrorCodes);
        }
        finally
        {
            app.Shops.Down = false;
        }
    }

    [Fact]
    public async Task A_user_s_orders_answer_the_user_and_admins_and_refuse_anyone_else()
    {
        var placed = await app.PlaceOrderAsync();
        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "User", ["id"] = placed.Buyer.Id.ToString() } };

        var asSelf = (await placed.Buyer.Client.SendAsync(Operations.UserOrders, new { representations })).EnsureNoErrors();
        var asAdmin = (await app.Admin().Client.SendAsync(Operations.UserOrders, new { representations })).EnsureNoErrors();
        var asSeller = await placed.Seller.Seller.Client.SendAsync(Operations.UserOrders, new { representations });

        Assert.Equal([placed.OrderId], Nodes(asSelf.Get("_entities.0.orders")));
        Assert.Equal(1, asAdmin.Get("_entities.0.orders.totalCount").GetInt32());
        Assert.Equal(["FORBIDDEN"], asSeller.ErrorCodes);
    }

    private static List<Guid> Nodes(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Id()).ToList();
}
