using GoShop.BuildingBlocks.Auth;
using GoShop.Reviews.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Tests;

/// <summary>
/// The shop owner's one public reply (editable, ReviewReplied each time), helpful votes (one per user, not one's own),
/// edits within 30 days that keep their history, and deletion by the author.
/// </summary>
public sealed class ReplyAndVoteTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task The_shop_owner_replies_once_and_may_edit_the_reply_and_the_author_is_told_each_time()
    {
        var order = await app.DeliveredOrderAsync();
        var reviewId = await order.PublishedReviewAsync(3, "Tạm được");

        var first = (await order.Seller.Client.MutateAsync(Operations.ReplyToReview, new { input = new { reviewId, body = "Cảm ơn bạn đã góp ý!" } })).Succeeded();
        var edited = (await order.Seller.Client.MutateAsync(Operations.ReplyToReview, new { input = new { reviewId, body = "Shop sẽ cải thiện, cảm ơn bạn." } })).Succeeded();
        var byStranger = await app.SignIn(Roles.Seller).Client.MutateAsync(Operations.ReplyToReview, new { input = new { reviewId, body = "Spam" } });
        var byAuthor = await order.Buyer.Client.MutateAsync(Operations.ReplyToReview, new { input = new { reviewId, body = "Tự trả lời" } });
        var tooLong = await order.Seller.Client.MutateAsync(Operations.ReplyToReview, new { input = new { reviewId, body = new string('x', 2001) } });

        Assert.Equal("Cảm ơn bạn đã góp ý!", first.Get("review.reply.body").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.Get("review.reply.editedAt").ValueKind);
        Assert.Equal("Shop sẽ cải thiện, cảm ơn bạn.", edited.Get("review.reply.body").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, edited.Get("review.reply.editedAt").ValueKind);
        Assert.Equal(["FORBIDDEN"], byStranger.UserErrorCodes());
        Assert.Equal(["FORBIDDEN"], byAuthor.UserErrorCodes());
        Assert.Equal(["TOO_LONG"], tooLong.UserErrorCodes());
        var told = (await app.OutboxAsync("ReviewReplied")).Where(e => e.GetProperty("reviewId").GetGuid() == reviewId).ToList();
        Assert.Equal([false, true], told.Select(e => e.GetProperty("edited").GetBoolean()));
        Assert.All(told, e => Assert.Equal(order.Buyer.Id, e.GetProperty("reviewAuthorId").GetGuid()));
        Assert.Equal(order.ProductId, told[0].GetProperty("productId").GetGuid());
    }

    [Fact]
    public async Task A_user_finds_a_review_helpful_once_and_never_their_own()
    {
        var order = await app.DeliveredOrderAsync();
        var reviewId = await order.PublishedReviewAsync();
        var reader = app.SignIn();

        var vote = (await reader.Client.MutateAsync(Operations.MarkReviewHelpful, new { input = new { reviewId } })).Succeeded();
        var twice = await reader.Client.MutateAsync(Operations.MarkReviewHelpful, new { input = new { reviewId } });
        var own = await order.Buyer.Client.MutateAsync(Operations.MarkReviewHelpful, new { input = new { reviewId } });
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.SignIn().Client.MutateAsync(Operations.MarkReviewHelpful, new { input = new { reviewId } })));

        Assert.Equal(1, vote.Get("review.helpfulCount").GetInt32());
        Assert.Equal(["ALREADY_VOTED"], twice.UserErrorCodes());
        Assert.Equal(["OWN_REVIEW"], own.UserErrorCodes());
        Assert.All(concurrent, c => c.Succeeded());
        var stored = await app.InDatabaseAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.HelpfulCount).SingleAsync());
        Assert.Equal(6, stored);
        Assert.Equal(6, await app.InDatabaseAsync(db => db.HelpfulVotes.CountAsync(v => v.ReviewId == reviewId)));
    }

    [Fact]
    public async Task An_edit_keeps_what_the_review_said_before_for_its_author()
    {
        var order = await app.DeliveredOrderAsync();
        var photo = app.Upload(order.Buyer);
        var reviewId = (await order.ReviewProductAsync(2, "Giao chậm", title: "Chưa ưng", mediaIds: [photo])).Succeeded().GetProperty("review").Id();
        app.Clock.Advance(TimeSpan.FromDays(2));

        var edited = (await order.Buyer.Client.MutateAsync(Operations.EditReview,
            new { input = new { reviewId, rating = 5, title = "Đã ưng", body = "Shop đổi hàng mới, rất tốt" } })).Succeeded().GetProperty("review");
        var byOther = (await app.SignIn().Client.SendAsync(Operations.Review, new { id = reviewId })).EnsureNoErrors().Get("review");
        var notMine = await app.SignIn().Client.MutateAsync(Operations.EditReview, new { input = new { reviewId, rating = 1 } });

        Assert.Equal((5, "Đã ưng", "POSITIVE"), (edited.GetProperty("rating").GetInt32(), edited.Text("title"), edited.Text("sentiment")));
        Assert.Empty(edited.GetProperty("media").EnumerateArray());
        var revision = Assert.Single(edited.GetProperty("revisions").EnumerateArray());
        Assert.Equal((2, "Chưa ưng", "Giao chậm", photo), (revision.GetProperty("rating").GetInt32(), revision.Text("title"), revision.Text("body"),
            revision.GetProperty("media")[0].Id()));
        Assert.Empty(byOther.GetProperty("revisions").EnumerateArray());
        Assert.Equal(["FORBIDDEN"], notMine.UserErrorCodes());
        Assert.Equal(5.0, (await app.Client().EntityAsync("Product", order.ProductId)).GetProperty("ratingSummary").GetProperty("average").GetDouble());
    }

    [Fact]
    public async Task The_author_deletes_their_review_which_leaves_the_lists_and_the_summary_for_good()
    {
        var order = await app.DeliveredOrderAsync();
        var reviewId = await order.PublishedReviewAsync(1, "Tệ");

        var byOther = await app.SignIn().Client.MutateAsync(Operations.DeleteReview, new { input = new { reviewId } });
        var deleted = (await order.Buyer.Client.MutateAsync(Operations.DeleteReview, new { input = new { reviewId } })).Succeeded();
        var again = await order.ReviewProductAsync(5);
        var product = await app.Client().EntityAsync("Product", order.ProductId);

        Assert.Equal(["FORBIDDEN"], byOther.UserErrorCodes());
        Assert.Equal("DELETED", deleted.Get("review.status").GetString());
        Assert.Equal(["ALREADY_REVIEWED"], again.UserErrorCodes());
        Assert.Empty(product.ReviewIds());
        Assert.Equal(0, product.GetProperty("ratingSummary").GetProperty("count").GetInt32());
    }
}

/// <summary>Edits close 30 days after posting, on an app of its own: its clock moves forward for good.</summary>
public sealed class EditWindowTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task A_review_cannot_be_edited_thirty_days_after_it_was_posted()
    {
        var order = await app.DeliveredOrderAsync();
        var reviewId = await order.PublishedReviewAsync(4);
        app.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        var late = await order.Buyer.Client.MutateAsync(Operations.EditReview, new { input = new { reviewId, rating = 1 } });

        Assert.Equal(["EDIT_WINDOW_CLOSED"], late.UserErrorCodes());
    }
}
