using GoShop.BuildingBlocks.Auth;
using GoShop.Reviews.Tests.Support;
using GoShop.Testing;

namespace GoShop.Reviews.Tests;

/// <summary>Product.reviews and the other lists: filters by stars, media, verified purchase and tone; four sorts; cursors that page through all.</summary>
public sealed class ListTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task A_products_reviews_filter_sort_and_page_with_cursors()
    {
        var productId = Guid.CreateVersion7();
        var seller = app.SignIn(Roles.Seller);
        var ids = new Dictionary<int, Guid>();
        foreach (var (rating, withPhoto, body) in new[] { (5, true, "Rất tốt"), (1, false, "Tệ quá"), (4, true, "Đẹp"), (3, false, "Bình thường"), (2, false, "Kém") })
        {
            var order = await app.DeliveredOrderAsync(seller: seller, productIds: [productId]);
            var mediaIds = withPhoto ? new[] { app.Upload(order.Buyer) } : null;
            ids[rating] = (await order.ReviewProductAsync(rating, body, mediaIds: mediaIds)).Succeeded().GetProperty("review").Id();
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        foreach (var voters in new[] { (ids[3], 3), (ids[1], 2), (ids[5], 1) })
        {
            for (var i = 0; i < voters.Item2; i++)
                (await app.SignIn().Client.MutateAsync(Operations.MarkReviewHelpful, new { input = new { reviewId = voters.Item1 } })).Succeeded();
        }
        var reader = app.Client();

        Assert.Equal([ids[2], ids[3], ids[4], ids[1], ids[5]], (await reader.EntityAsync("Product", productId)).ReviewIds());
        Assert.Equal([ids[3], ids[1], ids[5], ids[2], ids[4]], (await reader.EntityAsync("Product", productId, new { sort = "MOST_HELPFUL" })).ReviewIds());
        Assert.Equal([ids[5], ids[4], ids[3], ids[2], ids[1]], (await reader.EntityAsync("Product", productId, new { sort = "HIGHEST" })).ReviewIds());
        Assert.Equal([ids[1], ids[2], ids[3], ids[4], ids[5]], (await reader.EntityAsync("Product", productId, new { sort = "LOWEST" })).ReviewIds());
        Assert.Equal([ids[4], ids[5]], (await reader.EntityAsync("Product", productId, new { withMediaOnly = true })).ReviewIds());
        Assert.Equal([ids[2], ids[1]], (await reader.EntityAsync("Product", productId, new { stars = new[] { 1, 2 } })).ReviewIds());
        Assert.Equal([ids[2], ids[1]], (await reader.EntityAsync("Product", productId, new { sentiment = "NEGATIVE" })).ReviewIds());
        Assert.Equal(5, (await reader.EntityAsync("Product", productId, new { verifiedOnly = true })).ReviewIds().Count);

        foreach (var sort in new[] { "NEWEST", "MOST_HELPFUL", "HIGHEST", "LOWEST" })
        {
            var all = (await reader.EntityAsync("Product", productId, new { sort })).ReviewIds();
            var paged = new List<Guid>();
            string? after = null;
            do
            {
                var page = (await reader.EntityAsync("Product", productId, new { sort, first = 2, after })).GetProperty("reviews");
                paged.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Id()));
                Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
                after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
            }
            while (after is not null);
            Assert.Equal(all, paged);
        }
    }

    [Fact]
    public async Task My_reviews_lists_the_authors_own_in_every_status_but_deleted()
    {
        var buyer = app.SignIn();
        var first = await app.DeliveredOrderAsync(buyer: buyer);
        var second = await app.DeliveredOrderAsync(buyer: buyer);
        var published = await first.PublishedReviewAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var held = (await second.ReviewProductAsync(1, "Gọi 0988777666")).Succeeded().GetProperty("review").Id();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var shop = (await second.ReviewShopAsync(4)).Succeeded().GetProperty("review").Id();
        (await buyer.Client.MutateAsync(Operations.DeleteReview, new { input = new { reviewId = shop } })).Succeeded();

        var mine = (await buyer.Client.SendAsync(Operations.MyReviews)).EnsureNoErrors().Get("myReviews");
        var anonymous = await app.Client().SendAsync(Operations.MyReviews);

        Assert.Equal([held, published], mine.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Id()));
        Assert.Equal(2, mine.GetProperty("totalCount").GetInt32());
        Assert.Contains("UNAUTHENTICATED", anonymous.ErrorCodes);
    }

    [Fact]
    public async Task A_cursor_that_was_not_issued_is_a_bad_request()
    {
        var response = await app.Client().SendAsync(Operations.Entities, new
        {
            representations = new[] { new Dictionary<string, object> { ["__typename"] = "Product", ["id"] = Guid.CreateVersion7().ToString() } },
            after = "not-a-cursor",
        });

        Assert.Contains("BAD_USER_INPUT", response.ErrorCodes);
    }
}
