using System.Text.Json;
using GoShop.Contracts.Ordering;
using GoShop.Reviews.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Tests;

/// <summary>
/// Who may review what: the buyer of a delivered order, within 30 days, once per order line (a verified purchase showing
/// the variant), once per order for its shop, once per shipment for its shipper; learnt from ordering's and shipping's
/// events, never asked of them at review time.
/// </summary>
public sealed class EligibilityTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task The_buyer_of_a_delivered_order_reviews_its_product_as_a_verified_purchase_with_the_variant_bought()
    {
        var order = await app.DeliveredOrderAsync(withVariants: true);

        var payload = (await order.ReviewProductAsync(4, "Áo đẹp, vải mềm.", title: "Ưng ý")).Succeeded();

        var review = payload.GetProperty("review");
        Assert.Equal(("PRODUCT", 4, "Ưng ý", "Áo đẹp, vải mềm.", true, "PUBLISHED"),
            (review.Text("subject"), review.GetProperty("rating").GetInt32(), review.Text("title"), review.Text("body"),
                review.GetProperty("verifiedPurchase").GetBoolean(), review.Text("status")));
        Assert.Equal(order.Order.Lines[0].VariantId, Guid.Parse(review.Text("variantId")!));
        Assert.Equal("Đỏ / XL", review.Text("variantTitle"));
        Assert.Equal(order.ProductId, review.GetProperty("product").Id());
        Assert.Equal(order.ShopId, review.GetProperty("shop").Id());
        Assert.Equal(order.Buyer.Id, review.GetProperty("author").Id());
        Assert.Equal("POSITIVE", review.Text("sentiment"));
    }

    [Fact]
    public async Task Someone_who_did_not_buy_cannot_review_and_nothing_is_written()
    {
        var order = await app.DeliveredOrderAsync();
        var stranger = app.SignIn();

        var product = await order.ReviewProductAsync(author: stranger);
        var shop = await stranger.Client.MutateAsync(Operations.CreateShopReview, new { input = new { orderId = order.OrderId, rating = 5 } });
        var delivery = await stranger.Client.MutateAsync(Operations.CreateDeliveryReview, new { input = new { orderId = order.OrderId, rating = 5 } });

        Assert.Equal(["NOT_ELIGIBLE"], product.UserErrorCodes());
        Assert.Equal(["NOT_ELIGIBLE"], shop.UserErrorCodes());
        Assert.Equal(["NOT_ELIGIBLE"], delivery.UserErrorCodes());
        Assert.Equal(JsonValueKind.Null, product.GetProperty("review").ValueKind);
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Reviews.CountAsync(r => r.OrderId == order.OrderId)));
    }

    [Fact]
    public async Task An_order_that_was_not_delivered_cannot_be_reviewed()
    {
        var buyer = app.SignIn();
        var shipped = TestOrders.Snapshot(buyer.Id, Guid.CreateVersion7(), (Guid.CreateVersion7(), null, 1));
        var messageId = Guid.NewGuid();
        await app.PublishAsync(new OrderShipped(shipped, TestOrders.System(), app.Clock.GetUtcNow()), messageId);

        var payload = await buyer.Client.MutateAsync(Operations.CreateProductReview,
            new { input = new { orderId = shipped.OrderId, productId = shipped.Lines[0].ProductId, rating = 5 } });

        Assert.Equal(["NOT_ELIGIBLE"], payload.UserErrorCodes());
        Assert.Equal(["input", "orderId"], payload.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task A_product_that_is_not_on_the_order_cannot_be_reviewed_with_it()
    {
        var order = await app.DeliveredOrderAsync();

        var payload = await order.ReviewProductAsync(productId: Guid.CreateVersion7());

        Assert.Equal(["NOT_ELIGIBLE"], payload.UserErrorCodes());
    }

    [Fact]
    public async Task Each_line_order_and_shipment_is_reviewed_once()
    {
        var order = await app.DeliveredOrderAsync(lines: 2);

        (await order.ReviewProductAsync()).Succeeded();
        var again = await order.ReviewProductAsync(3, "Lần hai");
        (await order.ReviewProductAsync(productId: order.Order.Lines[1].ProductId)).Succeeded();
        (await order.ReviewShopAsync(5, "Shop tư vấn nhiệt tình")).Succeeded();
        var shopAgain = await order.ReviewShopAsync(1);
        var delivery = (await order.ReviewDeliveryAsync(4, "Shipper thân thiện")).Succeeded().GetProperty("review");
        var deliveryAgain = await order.ReviewDeliveryAsync(1);

        Assert.Equal(["ALREADY_REVIEWED"], again.UserErrorCodes());
        Assert.Equal(["ALREADY_REVIEWED"], shopAgain.UserErrorCodes());
        Assert.Equal(["ALREADY_REVIEWED"], deliveryAgain.UserErrorCodes());
        Assert.Equal(("SHIPPER", order.ShipperId, false), (delivery.Text("subject"), delivery.GetProperty("shipper").Id(), delivery.GetProperty("verifiedPurchase").GetBoolean()));
        Assert.Equal(4, await app.InDatabaseAsync(db => db.Reviews.CountAsync(r => r.OrderId == order.OrderId)));
    }

    [Fact]
    public async Task Ten_identical_reviews_sent_at_once_make_exactly_one()
    {
        var order = await app.DeliveredOrderAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => order.ReviewProductAsync(5, "Sản phẩm tốt")));

        Assert.Single(answers, a => a.UserErrorCodes().Count == 0);
        Assert.All(answers.Where(a => a.UserErrorCodes().Count > 0), a => Assert.Equal(["ALREADY_REVIEWED"], a.UserErrorCodes()));
        Assert.Equal(1, await app.InDatabaseAsync(db => db.Reviews.CountAsync(r => r.OrderId == order.OrderId)));
        var summary = (await app.Client().EntityAsync("Product", order.ProductId)).GetProperty("ratingSummary");
        Assert.Equal(1, summary.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_returned_line_can_no_longer_be_reviewed()
    {
        var order = await app.DeliveredOrderAsync(lines: 2);
        var line = order.Order.Lines[0];
        var returned = new ReturnSnapshot(Guid.CreateVersion7(), order.OrderId, order.Buyer.Id, order.ShopId, order.Seller.Id, "RECEIVED", "Hỏng",
            [new ReturnLineSnapshot(Guid.CreateVersion7(), line.ProductId, line.VariantId, line.Title, null, 1, line.LineTotal, 500)],
            line.LineTotal, "VND", false, 500, order.Order.DeliveryAddress, order.Order.ShopLatitude, order.Order.ShopLongitude, app.Clock.GetUtcNow());
        var messageId = Guid.NewGuid();
        await app.PublishAsync(new ReturnReceived(order.Order, returned, app.Clock.GetUtcNow()), messageId);
        await app.WaitForInboxAsync(messageId);

        Assert.Equal(["NOT_ELIGIBLE"], (await order.ReviewProductAsync()).UserErrorCodes());
        (await order.ReviewProductAsync(productId: order.Order.Lines[1].ProductId)).Succeeded();
    }

    [Fact]
    public async Task Reviews_to_write_lists_what_the_buyer_may_still_review_and_shrinks_as_they_do()
    {
        var order = await app.DeliveredOrderAsync(lines: 2);

        var before = (await order.Buyer.Client.SendAsync(Operations.ReviewsToWrite)).EnsureNoErrors().Get("reviewsToWrite");
        (await order.ReviewProductAsync()).Succeeded();
        (await order.ReviewDeliveryAsync()).Succeeded();
        var after = (await order.Buyer.Client.SendAsync(Operations.ReviewsToWrite)).EnsureNoErrors().Get("reviewsToWrite");
        var stranger = (await app.SignIn().Client.SendAsync(Operations.ReviewsToWrite)).EnsureNoErrors().Get("reviewsToWrite");

        Assert.Equal(["PRODUCT", "PRODUCT", "SHIPPER", "SHOP"], before.EnumerateArray().Select(i => i.Text("subject")!).Order());
        Assert.Equal(["PRODUCT", "SHOP"], after.EnumerateArray().Select(i => i.Text("subject")!).Order());
        Assert.Equal(order.Order.Lines[1].ProductId, after.EnumerateArray().Single(i => i.Text("subject") == "PRODUCT").GetProperty("product").Id());
        Assert.All(after.EnumerateArray(), i => Assert.Equal(order.Order.Number, i.Text("orderNumber")));
        Assert.Equal(0, stranger.GetArrayLength());
    }

    [Fact]
    public async Task An_order_delivered_twice_over_is_recorded_once()
    {
        var order = await app.DeliveredOrderAsync();
        var messageId = Guid.NewGuid();
        await app.PublishAsync(new OrderCompleted(order.Order, TestOrders.System(), app.Clock.GetUtcNow().AddDays(3)), messageId);
        await app.WaitForInboxAsync(messageId);

        var purchases = await app.InDatabaseAsync(db => db.Purchases.AsNoTracking().Where(p => p.OrderId == order.OrderId).ToListAsync());

        Assert.Single(purchases);
        Assert.Equal(app.Clock.GetUtcNow(), purchases[0].DeliveredAt, TimeSpan.FromSeconds(1));
    }
}

/// <summary>The 30 days after delivery, on an app of its own: its clock moves forward for good.</summary>
public sealed class ReviewWindowTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task Reviews_close_thirty_days_after_delivery()
    {
        var order = await app.DeliveredOrderAsync();
        app.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        Assert.Equal(["REVIEW_WINDOW_CLOSED"], (await order.ReviewProductAsync()).UserErrorCodes());
        Assert.Equal(["REVIEW_WINDOW_CLOSED"], (await order.ReviewShopAsync()).UserErrorCodes());
        Assert.Equal(["REVIEW_WINDOW_CLOSED"], (await order.ReviewDeliveryAsync()).UserErrorCodes());
        Assert.Equal(0, (await order.Buyer.Client.SendAsync(Operations.ReviewsToWrite)).EnsureNoErrors().Get("reviewsToWrite").GetArrayLength());
    }
}
