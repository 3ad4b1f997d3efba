using GoShop.BuildingBlocks.Auth;
using GoShop.Reviews.Domain;
using GoShop.Reviews.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Tests;

/// <summary>
/// Summaries are kept incrementally, in the transaction of each review change, and always equal a recount of the
/// published reviews; every change is announced (RatingSummaryChanged) with a growing version.
/// </summary>
public sealed class RatingSummaryTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task A_summary_equals_a_recount_after_a_thousand_random_posts_edits_deletions_and_moderations()
    {
        var random = new Random(20261207);
        var seller = app.SignIn(Roles.Seller);
        var shopId = Guid.CreateVersion7();
        var admin = app.Admin();
        // The same six products on every order: each product gathers many reviews.
        var products = Enumerable.Range(0, 6).Select(_ => Guid.CreateVersion7()).ToList();
        var orders = new List<DeliveredOrder>();
        for (var i = 0; i < 12; i++)
            orders.Add(await app.DeliveredOrderAsync(seller: seller, shopId: shopId, productIds: products));
        var open = orders.SelectMany(o => products.Select(p => (Order: o, ProductId: p))).ToList();
        var written = new List<(DeliveredOrder Order, Guid ReviewId)>();
        var statusesSeen = new HashSet<string>();
        var bodies = new[] { "Tốt", "Hàng đẹp, giao nhanh", "Tệ, hàng bị lỗi", "Great value", "Liên hệ 0901234567", "ok", null };

        for (var step = 0; step < 1000; step++)
        {
            var roll = random.Next(100);
            if (roll < 35 && open.Count > 0)
            {
                var pick = open[random.Next(open.Count)];
                var mediaIds = random.Next(3) == 0 ? new[] { app.Upload(pick.Order.Buyer) } : null;
                var payload = await pick.Order.Buyer.Client.MutateAsync(Operations.CreateProductReview, new
                {
                    input = new { orderId = pick.Order.OrderId, productId = pick.ProductId, rating = random.Next(1, 6), body = bodies[random.Next(bodies.Length)], mediaIds },
                });
                open.Remove(pick);
                written.Add((pick.Order, payload.Succeeded().GetProperty("review").Id()));
                statusesSeen.Add(payload.GetProperty("review").GetProperty("status").GetString()!);
            }
            else if (roll < 70 && written.Count > 0)
            {
                var (order, reviewId) = written[random.Next(written.Count)];
                var mediaIds = random.Next(2) == 0 ? new[] { app.Upload(order.Buyer) } : Array.Empty<Guid>();
                var payload = await order.Buyer.Client.MutateAsync(Operations.EditReview,
                    new { input = new { reviewId, rating = random.Next(1, 6), body = bodies[random.Next(bodies.Length)], mediaIds } });
                if (payload.GetProperty("review").ValueKind == System.Text.Json.JsonValueKind.Object)
                    statusesSeen.Add(payload.GetProperty("review").GetProperty("status").GetString()!);
            }
            else if (roll < 80 && written.Count > 0)
            {
                var (order, reviewId) = written[random.Next(written.Count)];
                await order.Buyer.Client.MutateAsync(Operations.DeleteReview, new { input = new { reviewId } });
            }
            else if (roll < 90 && written.Count > 0)
            {
                await admin.Client.MutateAsync(Operations.ApproveReview, new { input = new { reviewId = written[random.Next(written.Count)].ReviewId } });
            }
            else if (written.Count > 0)
            {
                await admin.Client.MutateAsync(Operations.RejectReview,
                    new { input = new { reviewId = written[random.Next(written.Count)].ReviewId, reason = "Không phù hợp" } });
            }
            // Minutes apart, so one buyer's posts seldom make a burst, and never all in the same instant.
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        // Every way in and out of a summary was taken: holds (later approved or rejected), rejections and deletions.
        var statuses = await app.InDatabaseAsync(db => db.Reviews.Where(r => products.Contains(r.SubjectId)).GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Contains("HELD", statusesSeen);
        Assert.All(new[] { ReviewStatus.Published, ReviewStatus.Rejected, ReviewStatus.Deleted },
            status => Assert.Contains(statuses, s => s.Key == status && s.Count > 0));
        foreach (var productId in products)
        {
            var recount = await app.InDatabaseAsync(db => db.Reviews.AsNoTracking()
                .Where(r => r.SubjectId == productId && r.Status == ReviewStatus.Published).ToListAsync());
            var summary = (await app.Client().EntityAsync("Product", productId)).GetProperty("ratingSummary");
            Assert.Equal(recount.Count, summary.GetProperty("count").GetInt32());
            Assert.Equal(recount.Count == 0 ? 0 : Math.Round(recount.Average(r => r.Rating), 2), summary.GetProperty("average").GetDouble(), 2);
            Assert.Equal(recount.Count(r => r.MediaIds.Count > 0), summary.GetProperty("withMediaCount").GetInt32());
            Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(stars => recount.Count(r => r.Rating == stars)),
                summary.GetProperty("distribution").EnumerateArray().Select(b => b.GetProperty("count").GetInt32()));

            var announced = (await app.OutboxAsync("RatingSummaryChanged")).Where(e => e.GetProperty("subjectId").GetGuid() == productId).ToList();
            var versions = announced.Select(e => e.GetProperty("version").GetInt64()).ToList();
            Assert.Equal(Enumerable.Range(1, versions.Count).Select(v => (long)v), versions);
            Assert.Equal(recount.Count, announced[^1].GetProperty("count").GetInt32());
        }
    }

    [Fact]
    public async Task Reviews_of_a_new_product_posted_at_once_all_count_each_announced_with_its_own_version()
    {
        // The product has no summary yet: the first posts race to create its row, the others wait for its lock.
        var productId = Guid.CreateVersion7();
        var orders = new List<DeliveredOrder>();
        for (var i = 0; i < 8; i++)
            orders.Add(await app.DeliveredOrderAsync(productIds: [productId]));

        var answers = await Task.WhenAll(orders.Select((order, i) => order.ReviewProductAsync(1 + i % 5, $"Hàng đúng mô tả, giao nhanh, đơn số {i}")));

        Assert.All(answers, answer => answer.Succeeded());
        var summary = (await app.Client().EntityAsync("Product", productId)).GetProperty("ratingSummary");
        Assert.Equal((8, 2.63), (summary.GetProperty("count").GetInt32(), summary.GetProperty("average").GetDouble()));
        var versions = (await app.OutboxAsync("RatingSummaryChanged")).Where(e => e.GetProperty("subjectId").GetGuid() == productId)
            .Select(e => e.GetProperty("version").GetInt64()).Order();
        Assert.Equal(Enumerable.Range(1, 8).Select(v => (long)v), versions);
    }

    [Fact]
    public async Task Shop_and_shipper_summaries_count_their_own_reviews()
    {
        var seller = app.SignIn(Roles.Seller);
        var shopId = Guid.CreateVersion7();
        var first = await app.DeliveredOrderAsync(seller: seller, shopId: shopId);
        var second = await app.DeliveredOrderAsync(seller: seller, shopId: shopId);

        (await first.ReviewShopAsync(5, "Shop tư vấn nhiệt tình")).Succeeded();
        (await second.ReviewShopAsync(2, "Đóng gói cẩu thả")).Succeeded();
        (await first.ReviewDeliveryAsync(4)).Succeeded();

        var shop = await app.Client().EntityAsync("Shop", shopId);
        var shipper = await app.Client().EntityAsync("Shipper", first.ShipperId);
        Assert.Equal((2, 3.5), (shop.GetProperty("ratingSummary").GetProperty("count").GetInt32(), shop.GetProperty("ratingSummary").GetProperty("average").GetDouble()));
        Assert.Equal(2, shop.GetProperty("reviews").GetProperty("totalCount").GetInt32());
        Assert.Equal((1, 4.0), (shipper.GetProperty("ratingSummary").GetProperty("count").GetInt32(), shipper.GetProperty("ratingSummary").GetProperty("average").GetDouble()));
        var shipperEvent = (await app.OutboxAsync("RatingSummaryChanged")).Single(e => e.GetProperty("subjectId").GetGuid() == first.ShipperId);
        Assert.Equal(("SHIPPER", 1, 1L), (shipperEvent.GetProperty("subjectKind").GetString(), shipperEvent.GetProperty("count").GetInt32(), shipperEvent.GetProperty("version").GetInt64()));
        Assert.Equal([0, 0, 0, 1, 0], shipperEvent.GetProperty("distribution").EnumerateArray().Select(d => d.GetInt32()));
    }
}
