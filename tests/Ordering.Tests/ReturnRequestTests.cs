using System.Text.Json;
using GoShop.Contracts.Ordering;
using GoShop.Ordering.Tests.Support;
using GoShop.Testing;

namespace GoShop.Ordering.Tests;

/// <summary>
/// requestReturn, approveReturn and rejectReturn: a return by line is priced when asked for, moves its order with it and
/// publishes its events with the return; every refusal is a userError code and writes nothing.
/// </summary>
public sealed class ReturnRequestTests(OrderingApp app) : IClassFixture<OrderingApp>
{
    [Fact]
    public async Task The_buyer_returns_one_unit_of_a_line_and_the_return_is_priced_by_that_line()
    {
        var delivered = await app.DeliveredOrderAsync(2, 1);
        var photo = app.Media.Upload(delivered.Buyer.Id);

        var requested = (await delivered.Buyer.RequestReturnAsync(delivered.OrderId, "  Áo bị rách  ", [(delivered.LineIds[0], 1)], [photo]))
            .Succeeded();

        var @return = requested.GetProperty("return");
        Assert.Equal(("REQUESTED", "Áo bị rách", false), (@return.Text("status"), @return.Text("reason"), @return.GetProperty("wholeOrder").GetBoolean()));
        // 100,000 a unit, no coupon, 10 % VAT: one unit refunds 110,000; the shipping fee stays paid.
        Assert.Equal(110_000m, @return.GetProperty("refund").Amount());
        var line = Assert.Single(@return.GetProperty("lines").EnumerateArray());
        Assert.Equal((delivered.LineIds[0], 2, 1, 110_000m),
            (line.GetProperty("orderLine").Id(), line.GetProperty("orderLine").GetProperty("quantity").GetInt32(), line.GetProperty("quantity").GetInt32(),
                line.GetProperty("refund").Amount()));
        Assert.Equal([photo], @return.GetProperty("media").EnumerateArray().Select(m => m.Id()));
        Assert.Equal(JsonValueKind.Null, @return.GetProperty("shipment").ValueKind);
        Assert.Equal("RETURN_REQUESTED", requested.GetProperty("order").Text("status"));
        var entry = requested.GetProperty("order").GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("RETURN_REQUESTED", "Áo bị rách"), (entry.Text("kind"), entry.Text("detail")));

        var published = Assert.Single(await app.EventsAsync(typeof(ReturnRequested), delivered.OrderId));
        var snapshot = published.GetProperty("return");
        Assert.Equal((@return.Id(), "REQUESTED", 110_000m, false), (snapshot.GetProperty("returnId").GetGuid(), snapshot.Text("status"),
            snapshot.GetProperty("refundAmount").GetDecimal(), snapshot.GetProperty("wholeOrder").GetBoolean()));
        Assert.Equal((delivered.Products[0].ProductId, 1), (snapshot.GetProperty("lines")[0].GetProperty("productId").GetGuid(),
            snapshot.GetProperty("lines")[0].GetProperty("quantity").GetInt32()));
        Assert.Equal("RETURN_REQUESTED", published.GetProperty("order").Text("status"));
    }

    [Fact]
    public async Task Without_lines_the_whole_order_goes_back_for_exactly_its_total()
    {
        var delivered = await app.DeliveredOrderAsync(2, 1);
        var total = (await delivered.Buyer.ReturnsOfAsync(delivered.OrderId)).GetProperty("fees").GetProperty("total").Amount();

        var @return = (await delivered.Buyer.RequestReturnAsync(delivered.OrderId)).Succeeded().GetProperty("return");

        Assert.True(@return.GetProperty("wholeOrder").GetBoolean());
        Assert.Equal(total, @return.GetProperty("refund").Amount());
        Assert.Equal([(2, 220_000m), (1, 110_000m)], @return.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("quantity").GetInt32(), l.GetProperty("refund").Amount())));
    }

    [Fact]
    public async Task The_seller_approves_by_the_return_s_id_and_the_parcel_is_to_be_fetched()
    {
        var delivered = await app.DeliveredOrderAsync(2);
        var returnId = (await delivered.Buyer.RequestReturnAsync(delivered.OrderId, lines: [(delivered.LineIds[0], 1)])).Succeeded().GetProperty("return").Id();

        var approved = (await delivered.Seller.ApproveReturnAsync(returnId: returnId)).Succeeded();

        Assert.Equal(("APPROVED", "RETURNED"), (approved.GetProperty("return").Text("status"), approved.GetProperty("order").Text("status")));
        Assert.NotEqual(JsonValueKind.Null, approved.GetProperty("return").GetProperty("approvedAt").ValueKind);
        Assert.Equal(["ReturnRequested", "ReturnApproved"], (await app.EventTypesAsync(delivered.OrderId))[^2..]);
        var published = Assert.Single(await app.EventsAsync(typeof(ReturnApproved), delivered.OrderId));
        var snapshot = published.GetProperty("return");
        Assert.Equal((returnId, "APPROVED", delivered.Placed.Seller.ShopId, delivered.Seller.Id, 110_000m, 500),
            (snapshot.GetProperty("returnId").GetGuid(), snapshot.Text("status"), snapshot.GetProperty("shopId").GetGuid(),
                snapshot.GetProperty("sellerId").GetGuid(), snapshot.GetProperty("refundAmount").GetDecimal(), snapshot.GetProperty("weightGrams").GetInt32()));
        Assert.Equal(delivered.Placed.Buyer.Address.RecipientName, snapshot.GetProperty("pickupAddress").Text("recipientName"));
        Assert.Equal(("RETURNED", "SELLER"), (published.GetProperty("order").Text("status"), published.GetProperty("actor").Text("role")));
    }

    [Fact]
    public async Task An_existing_client_still_approves_by_the_order_s_id_and_an_admin_may_too()
    {
        var bySeller = await app.DeliveredOrderAsync();
        var byAdmin = await app.DeliveredOrderAsync();
        (await bySeller.Buyer.RequestReturnAsync(bySeller.OrderId)).Succeeded();
        (await byAdmin.Buyer.RequestReturnAsync(byAdmin.OrderId)).Succeeded();

        var approved = (await bySeller.Seller.MoveAsync("approveReturn", bySeller.OrderId)).Succeeded();
        var approvedByAdmin = (await app.Admin().ApproveReturnAsync(orderId: byAdmin.OrderId)).Succeeded();

        Assert.Equal("RETURNED", approved.GetProperty("order").Text("status"));
        Assert.Equal("APPROVED", approvedByAdmin.GetProperty("return").Text("status"));
        Assert.Equal("ADMIN", Assert.Single(await app.EventsAsync(typeof(ReturnApproved), byAdmin.OrderId)).GetProperty("actor").Text("role"));
    }

    [Fact]
    public async Task A_rejected_return_says_why_and_the_order_completes()
    {
        var delivered = await app.DeliveredOrderAsync(2);
        var returnId = (await delivered.Buyer.RequestReturnAsync(delivered.OrderId)).Succeeded().GetProperty("return").Id();

        var rejected = (await delivered.Seller.RejectReturnAsync("Sản phẩm đã qua sử dụng", returnId: returnId)).Succeeded();

        var @return = rejected.GetProperty("return");
        Assert.Equal(("REJECTED", "Sản phẩm đã qua sử dụng"), (@return.Text("status"), @return.Text("rejectionReason")));
        Assert.Equal("COMPLETED", rejected.GetProperty("order").Text("status"));
        var entry = rejected.GetProperty("order").GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("RETURN_REJECTED", "Sản phẩm đã qua sử dụng"), (entry.Text("kind"), entry.Text("detail")));
        Assert.Equal(["ReturnRequested", "ReturnRejected", "OrderCompleted"], (await app.EventTypesAsync(delivered.OrderId))[^3..]);
        var published = Assert.Single(await app.EventsAsync(typeof(ReturnRejected), delivered.OrderId));
        Assert.Equal(("REJECTED", "Sản phẩm đã qua sử dụng"), (published.GetProperty("return").Text("status"), published.GetProperty("actor").Text("reason")));
    }

    [Fact]
    public async Task Requests_outside_the_rules_are_refused_with_their_codes_and_write_nothing()
    {
        var delivered = await app.DeliveredOrderAsync(2, 1);
        var buyer = delivered.Buyer;
        var line = delivered.LineIds[0];
        var events = await app.EventTypesAsync(delivered.OrderId);
        var someoneElses = app.Media.Upload(Guid.CreateVersion7());
        var video = app.Media.Upload(buyer.Id, "VIDEO");

        var refusals = new (string Code, Task<JsonElement> Payload)[]
        {
            ("NOT_ORDER_PARTICIPANT", app.SignIn().RequestReturnAsync(delivered.OrderId)),
            ("FORBIDDEN_ACTOR", delivered.Seller.RequestReturnAsync(delivered.OrderId)),
            ("ORDER_NOT_FOUND", buyer.RequestReturnAsync(Guid.CreateVersion7())),
            ("ORDER_LINE_NOT_FOUND", buyer.RequestReturnAsync(delivered.OrderId, lines: [(Guid.CreateVersion7(), 1)])),
            ("QUANTITY_OUT_OF_RANGE", buyer.RequestReturnAsync(delivered.OrderId, lines: [(line, 0)])),
            ("QUANTITY_OUT_OF_RANGE", buyer.RequestReturnAsync(delivered.OrderId, lines: [(line, 3)])),
            ("DUPLICATE_RETURN_LINE", buyer.RequestReturnAsync(delivered.OrderId, lines: [(line, 1), (line, 1)])),
            ("REASON_REQUIRED", buyer.RequestReturnAsync(delivered.OrderId, reason: "  ")),
            ("TOO_LONG", buyer.RequestReturnAsync(delivered.OrderId, reason: new string('x', 501))),
            ("TOO_MANY_PHOTOS", buyer.RequestReturnAsync(delivered.OrderId, mediaIds: Enumerable.Range(0, 7).Select(_ => app.Media.Upload(buyer.Id)).ToList())),
            ("MEDIA_NOT_FOUND", buyer.RequestReturnAsync(delivered.OrderId, mediaIds: [Guid.CreateVersion7()])),
            ("MEDIA_NOT_YOURS", buyer.RequestReturnAsync(delivered.OrderId, mediaIds: [someoneElses])),
            ("MEDIA_NOT_AN_IMAGE", buyer.RequestReturnAsync(delivered.OrderId, mediaIds: [video])),
        };

        foreach (var (code, payload) in refusals)
        {
            var refused = await payload;
            Assert.Equal([code], refused.Codes());
            Assert.Equal(JsonValueKind.Null, refused.GetProperty("return").ValueKind);
        }
        Assert.Equal(0, await app.ReturnCountAsync(delivered.OrderId));
        Assert.Equal("DELIVERED", (await buyer.ReturnsOfAsync(delivered.OrderId)).Text("status"));
        Assert.Equal(events, await app.EventTypesAsync(delivered.OrderId));
    }

    [Fact]
    public async Task An_order_not_delivered_or_past_its_window_cannot_be_returned_and_an_order_only_once()
    {
        var notDelivered = await app.PlaceOrderAsync();
        var late = await app.DeliveredOrderAsync();
        var twice = await app.DeliveredOrderAsync(2);
        (await twice.Buyer.RequestReturnAsync(twice.OrderId, lines: [(twice.LineIds[0], 1)])).Succeeded();

        var undelivered = await notDelivered.Buyer.Buyer.RequestReturnAsync(notDelivered.OrderId);
        var again = await twice.Buyer.RequestReturnAsync(twice.OrderId, lines: [(twice.LineIds[0], 1)]);
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var closed = await app.Refreshed(late.Buyer).RequestReturnAsync(late.OrderId);

        Assert.Equal(["INVALID_TRANSITION"], undelivered.Codes());
        Assert.Equal(["RETURN_ALREADY_REQUESTED"], again.Codes());
        Assert.Equal(["RETURN_WINDOW_CLOSED"], closed.Codes());
        Assert.Equal((0, 0, 1), (await app.ReturnCountAsync(notDelivered.OrderId), await app.ReturnCountAsync(late.OrderId), await app.ReturnCountAsync(twice.OrderId)));
        Assert.Equal(["OrderPlaced"], await app.EventTypesAsync(notDelivered.OrderId));
        Assert.Equal("OrderDelivered", (await app.EventTypesAsync(late.OrderId))[^1]);
        Assert.Single(await app.EventsAsync(typeof(ReturnRequested), twice.OrderId));
    }

    [Fact]
    public async Task Decisions_outside_the_rules_are_refused_with_their_codes_and_change_nothing()
    {
        var delivered = await app.DeliveredOrderAsync();
        var returnId = (await delivered.Buyer.RequestReturnAsync(delivered.OrderId)).Succeeded().GetProperty("return").Id();
        var decided = await app.DeliveredOrderAsync();
        var decidedId = (await decided.Buyer.RequestReturnAsync(decided.OrderId)).Succeeded().GetProperty("return").Id();
        (await decided.Seller.ApproveReturnAsync(returnId: decidedId)).Succeeded();
        var events = await app.EventTypesAsync(delivered.OrderId);
        var decidedEvents = await app.EventTypesAsync(decided.OrderId);
        var seller = delivered.Seller;

        var refusals = new (string Code, Task<JsonElement> Payload)[]
        {
            ("RETURN_OR_ORDER_REQUIRED", seller.ApproveReturnAsync()),
            ("RETURN_OR_ORDER_REQUIRED", seller.RejectReturnAsync("Không", returnId, delivered.OrderId)),
            ("RETURN_NOT_FOUND", seller.ApproveReturnAsync(returnId: Guid.CreateVersion7())),
            ("ORDER_NOT_FOUND", seller.ApproveReturnAsync(orderId: Guid.CreateVersion7())),
            ("NOT_ORDER_PARTICIPANT", app.SignIn().ApproveReturnAsync(returnId: returnId)),
            ("FORBIDDEN_ACTOR", delivered.Buyer.ApproveReturnAsync(returnId: returnId)),
            ("FORBIDDEN_ACTOR", delivered.Buyer.RejectReturnAsync("Đổi ý", returnId: returnId)),
            ("REASON_REQUIRED", seller.RejectReturnAsync(" ", returnId: returnId)),
            ("TOO_LONG", seller.RejectReturnAsync(new string('x', 501), returnId: returnId)),
            ("INVALID_TRANSITION", decided.Seller.ApproveReturnAsync(returnId: decidedId)),
            ("INVALID_TRANSITION", decided.Seller.RejectReturnAsync("Muộn", orderId: decided.OrderId)),
        };

        foreach (var (code, payload) in refusals)
            Assert.Equal([code], (await payload).Codes());
        var untouched = Assert.Single((await delivered.Buyer.ReturnsOfAsync(delivered.OrderId)).GetProperty("returns").EnumerateArray());
        Assert.Equal("REQUESTED", untouched.Text("status"));
        Assert.Equal("APPROVED", (await decided.Buyer.ReturnsOfAsync(decided.OrderId)).GetProperty("returns")[0].Text("status"));
        Assert.Equal(events, await app.EventTypesAsync(delivered.OrderId));
        Assert.Equal(decidedEvents, await app.EventTypesAsync(decided.OrderId));
    }

    [Fact]
    public async Task Buyers_see_their_returns_and_sellers_their_shop_s_newest_first()
    {
        var first = await app.DeliveredOrderAsync();
        var buyer = first.Buyer;
        var firstId = (await buyer.RequestReturnAsync(first.OrderId)).Succeeded().GetProperty("return").Id();
        var product = app.PutInCart(first.Placed.Buyer, first.Placed.Seller);
        var secondOrder = (await first.Placed.Buyer.PlaceAsync()).Succeeded().GetProperty("checkout").GetProperty("orders")[0].Id();
        foreach (var move in new[] { "confirmOrder", "shipOrder", "markOrderDelivered" })
            (await first.Seller.MoveAsync(move, secondOrder)).Succeeded();
        var secondId = (await buyer.RequestReturnAsync(secondOrder)).Succeeded().GetProperty("return").Id();
        (await first.Seller.ApproveReturnAsync(returnId: secondId)).Succeeded();
        var representations = new[] { new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = first.Placed.Seller.ShopId.ToString() } };

        var mine = (await buyer.Client.SendAsync(Operations.MyReturns)).EnsureNoErrors().Get("myReturns");
        var requested = (await buyer.Client.SendAsync(Operations.MyReturns, new { status = "REQUESTED" })).EnsureNoErrors().Get("myReturns");
        var paged = (await buyer.Client.SendAsync(Operations.MyReturns, new { first = 1 })).EnsureNoErrors().Get("myReturns");
        var someoneElse = (await app.SignIn().Client.SendAsync(Operations.MyReturns)).EnsureNoErrors().Get("myReturns");
        var shops = (await first.Seller.Client.SendAsync(Operations.ShopReturns, new { representations })).EnsureNoErrors().Get("_entities.0.returns");
        var approved = (await app.Admin().Client.SendAsync(Operations.ShopReturns, new { representations, status = "APPROVED" })).EnsureNoErrors()
            .Get("_entities.0.returns");
        var asBuyer = await buyer.Client.SendAsync(Operations.ShopReturns, new { representations });
        var onOrder = (await first.Seller.ReturnsOfAsync(secondOrder)).GetProperty("returns");

        Assert.Equal([secondId, firstId], Nodes(mine));
        Assert.Equal(2, mine.GetProperty("totalCount").GetInt32());
        Assert.Equal([firstId], Nodes(requested));
        Assert.Equal([secondId], Nodes(paged));
        Assert.True(paged.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Empty(Nodes(someoneElse));
        Assert.Equal([secondId, firstId], Nodes(shops));
        Assert.Equal([secondId], Nodes(approved));
        Assert.Equal(["FORBIDDEN"], asBuyer.ErrorCodes);
        Assert.Equal((secondId, secondOrder), (Assert.Single(onOrder.EnumerateArray()).Id(), onOrder[0].GetProperty("order").Id()));
        Assert.Contains(product.ProductId, onOrder[0].GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("orderLine").GetProperty("product").Id()));
    }

    private static List<Guid> Nodes(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Id()).ToList();
}
