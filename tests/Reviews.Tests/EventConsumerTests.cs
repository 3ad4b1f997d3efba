using GoShop.Contracts.Catalog;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Media;
using GoShop.Reviews.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Tests;

/// <summary>Other domains' events: a deleted photo leaves its review, a deleted account leaves its reviews anonymous, a deleted product takes no new reviews.</summary>
public sealed class EventConsumerTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task A_photo_deleted_in_media_leaves_the_review_and_its_with_media_count()
    {
        var order = await app.DeliveredOrderAsync();
        var photo = app.Upload(order.Buyer);
        var kept = app.Upload(order.Buyer);
        var reviewId = (await order.ReviewProductAsync(5, mediaIds: [photo])).Succeeded().GetProperty("review").Id();

        var messageId = Guid.NewGuid();
        await app.PublishAsync(new MediaDeleted(photo, order.Buyer.Id, app.Clock.GetUtcNow()), messageId);
        await app.WaitForInboxAsync(messageId);

        var review = (await app.Client().SendAsync(Operations.Review, new { id = reviewId })).EnsureNoErrors().Get("review");
        Assert.Empty(review.GetProperty("media").EnumerateArray());
        var summary = (await app.Client().EntityAsync("Product", order.ProductId)).GetProperty("ratingSummary");
        Assert.Equal((1, 0), (summary.GetProperty("count").GetInt32(), summary.GetProperty("withMediaCount").GetInt32()));
        Assert.NotEqual(kept, photo);
    }

    [Fact]
    public async Task A_deleted_account_leaves_its_reviews_anonymous_and_counted()
    {
        var order = await app.DeliveredOrderAsync();
        var reviewId = await order.PublishedReviewAsync(4);

        var messageId = Guid.NewGuid();
        await app.PublishAsync(new UserDeleted(order.Buyer.Id, app.Clock.GetUtcNow()), messageId);
        await app.WaitForInboxAsync(messageId);

        var review = (await app.Client().SendAsync(Operations.Review, new { id = reviewId })).EnsureNoErrors().Get("review");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, review.GetProperty("author").ValueKind);
        Assert.Equal("PUBLISHED", review.Text("status"));
        Assert.Equal(1, (await app.Client().EntityAsync("Product", order.ProductId)).GetProperty("ratingSummary").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_deleted_product_keeps_its_reviews_but_takes_no_new_one()
    {
        var first = await app.DeliveredOrderAsync();
        var second = await app.DeliveredOrderAsync(productIds: [first.ProductId]);
        var reviewId = await first.PublishedReviewAsync(5);

        var messageId = Guid.NewGuid();
        await app.PublishAsync(new ProductDeleted(first.ProductId, first.ShopId, app.Clock.GetUtcNow()), messageId);
        await app.WaitForInboxAsync(messageId);
        await app.PublishAsync(new ProductDeleted(first.ProductId, first.ShopId, app.Clock.GetUtcNow()), messageId);

        Assert.Equal(["PRODUCT_DELETED"], (await second.ReviewProductAsync()).UserErrorCodes());
        Assert.Equal([reviewId], (await app.Client().EntityAsync("Product", first.ProductId)).ReviewIds());
        Assert.Equal(1, await app.InDatabaseAsync(db => db.DeletedProducts.CountAsync(p => p.ProductId == first.ProductId)));
    }
}

/// <summary>Shipping's and ordering's events in either order.</summary>
public sealed class EventOrderTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task A_delivery_reviewed_before_ordering_said_the_order_was_delivered_can_still_be_answered_by_the_shops_owner()
    {
        var buyer = app.SignIn();
        var seller = app.SignIn(GoShop.BuildingBlocks.Auth.Roles.Seller);
        var order = TestOrders.Snapshot(buyer.Id, Guid.CreateVersion7(), (Guid.CreateVersion7(), null, 1)) with { SellerId = seller.Id };
        var shipperId = Guid.CreateVersion7();
        var shipmentDelivered = Guid.NewGuid();
        await app.PublishAsync(new GoShop.Contracts.Shipping.ShipmentDelivered(
            new GoShop.Contracts.Shipping.ShipmentSnapshot(Guid.CreateVersion7(), order.OrderId, order.ShopId, buyer.Id, "GSX000002TEST0002", "DELIVERED", shipperId, 0, "VND"),
            shipperId, null, null, app.Clock.GetUtcNow()), shipmentDelivered);
        await app.WaitForInboxAsync(shipmentDelivered);
        var reviewId = (await buyer.Client.MutateAsync(Operations.CreateDeliveryReview, new { input = new { orderId = order.OrderId, rating = 2, body = "Giao trễ" } }))
            .Succeeded().GetProperty("review").Id();

        var orderDelivered = Guid.NewGuid();
        await app.PublishAsync(new GoShop.Contracts.Ordering.OrderDelivered(order, TestOrders.System(), app.Clock.GetUtcNow()), orderDelivered);
        await app.WaitForInboxAsync(orderDelivered);
        var reply = await seller.Client.MutateAsync(Operations.ReplyToReview, new { input = new { reviewId, body = "Xin lỗi bạn, shop sẽ nhắc đơn vị giao hàng." } });

        Assert.Equal("Xin lỗi bạn, shop sẽ nhắc đơn vị giao hàng.", reply.Succeeded().Get("review.reply.body").GetString());
    }
}
