using System.Text.Json;
using GoShop.Reviews.Tests.Support;
using GoShop.Testing;

namespace GoShop.Reviews.Tests;

/// <summary>
/// Automatic holds before publication (links, phone numbers, banned words in Vietnamese and English, repeated texts, a
/// burst from one account), visible to their author only; reports; the admins' queue with approve and reject.
/// </summary>
public sealed class ModerationTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Theory]
    [InlineData("Mua rẻ hơn tại https://shop-khac.vn nhé", "LINK")]
    [InlineData("Xem thêm ở www.example.com", "LINK")]
    [InlineData("Đặt hàng qua zalo: 0901.234.567", "PHONE_NUMBER")]
    [InlineData("Call me on +84 901 234 567", "PHONE_NUMBER")]
    [InlineData("Shop này lừa đảo, đừng mua", "BANNED_WORD")]
    [InlineData("shop nay lua dao", "BANNED_WORD")]
    [InlineData("What a fucking joke", "BANNED_WORD")]
    public async Task A_review_with_a_link_a_phone_number_or_a_banned_word_is_held_and_invisible_to_others(string body, string reason)
    {
        var order = await app.DeliveredOrderAsync();

        var review = (await order.ReviewProductAsync(1, body)).Succeeded().GetProperty("review");
        var asStranger = (await app.SignIn().Client.SendAsync(Operations.Review, new { id = review.Id() })).EnsureNoErrors().Get("review");
        var asAuthor = (await order.Buyer.Client.SendAsync(Operations.Review, new { id = review.Id() })).EnsureNoErrors().Get("review");
        var product = await app.Client().EntityAsync("Product", order.ProductId);

        Assert.Equal(("HELD", reason), (review.Text("status"), review.Text("moderationNote")));
        Assert.Equal(JsonValueKind.Null, asStranger.ValueKind);
        Assert.Equal("HELD", asAuthor.Text("status"));
        Assert.Empty(product.ReviewIds());
        Assert.Equal(0, product.GetProperty("ratingSummary").GetProperty("count").GetInt32());
        Assert.DoesNotContain(await app.OutboxAsync("ReviewPosted"), e => e.GetProperty("reviewId").GetGuid() == review.Id());
    }

    [Theory]
    [InlineData("Lon nước ngọt rất ngon, các bạn nên mua")]
    [InlineData("Du lịch mang theo rất tiện")]
    [InlineData("Giao hàng 2 ngày, giá 199.000đ")]
    public async Task Ordinary_words_that_look_like_banned_ones_without_diacritics_and_short_numbers_are_published(string body)
    {
        var order = await app.DeliveredOrderAsync();

        var review = (await order.ReviewProductAsync(5, body)).Succeeded().GetProperty("review");

        Assert.Equal("PUBLISHED", review.Text("status"));
    }

    [Fact]
    public async Task The_same_text_posted_again_and_again_is_held_from_the_third_time()
    {
        const string text = "Sản phẩm tuyệt vời, mọi người nên mua ngay hôm nay!";
        var statuses = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var order = await app.DeliveredOrderAsync();
            statuses.Add((await order.ReviewProductAsync(5, i == 1 ? text.ToUpperInvariant() : text)).Succeeded().GetProperty("review").Text("status"));
        }

        Assert.Equal(["PUBLISHED", "PUBLISHED", "HELD"], statuses);
    }

    [Fact]
    public async Task A_burst_of_reviews_from_one_account_is_held()
    {
        var order = await app.DeliveredOrderAsync(lines: 6);

        var statuses = new List<string?>();
        foreach (var (line, index) in order.Order.Lines.Select((line, index) => (line, index)))
            statuses.Add((await order.ReviewProductAsync(5, $"Tốt, lần thứ {index}", productId: line.ProductId)).Succeeded().GetProperty("review").Text("status"));

        Assert.Equal(["PUBLISHED", "PUBLISHED", "PUBLISHED", "PUBLISHED", "PUBLISHED", "HELD"], statuses);
    }

    [Fact]
    public async Task An_admin_approves_a_held_review_which_then_counts_and_is_announced()
    {
        var order = await app.DeliveredOrderAsync();
        var held = (await order.ReviewProductAsync(4, "Hỏi thêm qua số 0912345678")).Succeeded().GetProperty("review").Id();
        var admin = app.Admin();

        var queue = (await admin.Client.SendAsync(Operations.PendingModeration)).EnsureNoErrors().Get("reviewsPendingModeration");
        var byBuyer = await order.Buyer.Client.SendAsync(Operations.PendingModeration);
        var approved = (await admin.Client.MutateAsync(Operations.ApproveReview, new { input = new { reviewId = held } })).Succeeded();
        var again = await admin.Client.MutateAsync(Operations.ApproveReview, new { input = new { reviewId = held } });
        var product = await app.Client().EntityAsync("Product", order.ProductId);

        Assert.Contains(queue.GetProperty("edges").EnumerateArray(), e => e.GetProperty("node").Id() == held);
        Assert.Contains("FORBIDDEN", byBuyer.ErrorCodes);
        Assert.Equal("PUBLISHED", approved.GetProperty("review").Text("status"));
        Assert.Equal(["NOT_PENDING"], again.UserErrorCodes());
        Assert.Equal([held], product.ReviewIds());
        Assert.Equal(4.0, product.GetProperty("ratingSummary").GetProperty("average").GetDouble());
        Assert.Single(await app.OutboxAsync("ReviewPosted"), e => e.GetProperty("reviewId").GetGuid() == held);
    }

    [Fact]
    public async Task A_reported_review_joins_the_queue_and_a_rejection_takes_it_out_of_the_summary()
    {
        var order = await app.DeliveredOrderAsync();
        var reviewId = await order.PublishedReviewAsync(1, "Hàng dỏm");
        var reporter = app.SignIn();

        (await reporter.Client.MutateAsync(Operations.ReportReview, new { input = new { reviewId, reason = "Nội dung sai sự thật" } })).Succeeded();
        var twice = await reporter.Client.MutateAsync(Operations.ReportReview, new { input = new { reviewId, reason = "Lần nữa" } });
        var blank = await app.SignIn().Client.MutateAsync(Operations.ReportReview, new { input = new { reviewId, reason = "  " } });
        var admin = app.Admin();
        var queue = (await admin.Client.SendAsync(Operations.PendingModeration)).EnsureNoErrors().Get("reviewsPendingModeration");
        var rejected = (await admin.Client.MutateAsync(Operations.RejectReview, new { input = new { reviewId, reason = "Sai sự thật" } })).Succeeded();
        var product = await app.Client().EntityAsync("Product", order.ProductId);
        var mine = (await order.Buyer.Client.SendAsync(Operations.MyReviews)).EnsureNoErrors().Get("myReviews");

        Assert.Equal(["ALREADY_REPORTED"], twice.UserErrorCodes());
        Assert.Equal(["REQUIRED"], blank.UserErrorCodes());
        Assert.Contains(queue.GetProperty("edges").EnumerateArray(), e => e.GetProperty("node").Id() == reviewId);
        Assert.Equal(("REJECTED", "Sai sự thật"), (rejected.GetProperty("review").Text("status"), rejected.GetProperty("review").Text("moderationNote")));
        Assert.Equal(0, product.GetProperty("ratingSummary").GetProperty("count").GetInt32());
        Assert.Equal(("REJECTED", "Sai sự thật"), (mine.Get("edges.0.node").Text("status"), mine.Get("edges.0.node").Text("moderationNote")));
    }

    [Fact]
    public async Task Editing_a_published_review_to_add_a_link_holds_it_again()
    {
        var order = await app.DeliveredOrderAsync();
        var reviewId = await order.PublishedReviewAsync(5);

        var edited = (await order.Buyer.Client.MutateAsync(Operations.EditReview,
            new { input = new { reviewId, rating = 5, body = "Rẻ hơn ở http://example.vn" } })).Succeeded();

        Assert.Equal(("HELD", "LINK"), (edited.Get("review.status").GetString(), edited.Get("review.moderationNote").GetString()));
        Assert.Equal(0, (await app.Client().EntityAsync("Product", order.ProductId)).GetProperty("ratingSummary").GetProperty("count").GetInt32());
    }
}
