using System.Text.Json;
using GoShop.Reviews.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Tests;

/// <summary>Bad input gets a clear userError on the field at fault, and nothing is half-written: no review, no summary, no event.</summary>
public sealed class InputTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public async Task A_rating_outside_one_to_five_is_refused(int rating)
    {
        var order = await app.DeliveredOrderAsync();

        var product = await order.ReviewProductAsync(rating);
        var shop = await order.ReviewShopAsync(rating);
        var delivery = await order.ReviewDeliveryAsync(rating);

        foreach (var payload in new[] { product, shop, delivery })
        {
            Assert.Equal(["INVALID_RATING"], payload.UserErrorCodes());
            Assert.Equal(["input", "rating"], Field(payload));
        }
        await AssertNothingWrittenAsync(order);
    }

    [Fact]
    public async Task A_ten_thousand_character_body_is_refused()
    {
        var order = await app.DeliveredOrderAsync();

        var payload = await order.ReviewProductAsync(body: new string('a', 10_000));

        Assert.Equal(["TOO_LONG"], payload.UserErrorCodes());
        Assert.Equal(["input", "body"], Field(payload));
        Assert.Contains("2000", payload.GetProperty("userErrors")[0].Text("message"));
        await AssertNothingWrittenAsync(order);
    }

    [Fact]
    public async Task A_body_of_exactly_two_thousand_characters_is_accepted()
    {
        var order = await app.DeliveredOrderAsync();

        var review = (await order.ReviewProductAsync(body: string.Concat(Enumerable.Repeat("Tốt lắm ", 250)))).Succeeded().GetProperty("review");

        Assert.Equal(1999, review.Text("body")!.Length);
    }

    [Fact]
    public async Task Someone_elses_media_is_refused()
    {
        var order = await app.DeliveredOrderAsync();
        var someoneElses = app.Upload(app.SignIn());

        var payload = await order.ReviewProductAsync(mediaIds: [app.Upload(order.Buyer), someoneElses]);

        Assert.Equal(["MEDIA_NOT_YOURS"], payload.UserErrorCodes());
        Assert.Equal(["input", "mediaIds"], Field(payload));
        await AssertNothingWrittenAsync(order);
    }

    [Fact]
    public async Task Media_that_does_not_exist_is_refused()
    {
        var order = await app.DeliveredOrderAsync();

        Assert.Equal(["MEDIA_NOT_FOUND"], (await order.ReviewProductAsync(mediaIds: [Guid.CreateVersion7()])).UserErrorCodes());
        await AssertNothingWrittenAsync(order);
    }

    [Fact]
    public async Task Up_to_six_photos_or_one_video_are_shown_but_not_seven_photos_nor_a_video_with_photos()
    {
        var order = await app.DeliveredOrderAsync(lines: 3);
        var photos = Enumerable.Range(0, 7).Select(_ => app.Upload(order.Buyer)).ToList();
        var video = app.Upload(order.Buyer, "VIDEO");

        var seven = await order.ReviewProductAsync(mediaIds: photos);
        var mixed = await order.ReviewProductAsync(mediaIds: [photos[0], video]);
        var six = (await order.ReviewProductAsync(mediaIds: photos[..6])).Succeeded().GetProperty("review");
        var one = (await order.ReviewProductAsync(mediaIds: [video], productId: order.Order.Lines[1].ProductId)).Succeeded().GetProperty("review");

        Assert.Equal(["TOO_MANY_MEDIA"], seven.UserErrorCodes());
        Assert.Equal(["TOO_MANY_MEDIA"], mixed.UserErrorCodes());
        Assert.Equal(photos[..6], six.GetProperty("media").EnumerateArray().Select(m => m.Id()));
        Assert.Equal([video], one.GetProperty("media").EnumerateArray().Select(m => m.Id()));
    }

    [Fact]
    public async Task An_html_and_script_body_is_kept_as_the_text_it_is()
    {
        var order = await app.DeliveredOrderAsync();
        const string body = "<script>alert('xss')</script><b>Đẹp</b> & <img src=x onerror=alert(1)>";

        var review = (await order.ReviewProductAsync(body: body, title: "<h1>Hi</h1>")).Succeeded().GetProperty("review");
        var read = (await app.SignIn().Client.SendAsync(Operations.Review, new { id = review.Id() })).EnsureNoErrors().Get("review");

        Assert.Equal(body, review.Text("body"));
        Assert.Equal(body, read.Text("body"));
        Assert.Equal("<h1>Hi</h1>", read.Text("title"));
        Assert.Equal(body, await app.InDatabaseAsync(db => db.Reviews.Where(r => r.Id == review.Id()).Select(r => r.Body).SingleAsync()));
    }

    [Fact]
    public async Task Signing_in_is_required_to_review()
    {
        var order = await app.DeliveredOrderAsync();

        var response = await app.Client().SendAsync(Operations.CreateProductReview,
            new { input = new { orderId = order.OrderId, productId = order.ProductId, rating = 5 } });

        Assert.Contains("UNAUTHENTICATED", response.ErrorCodes);
        await AssertNothingWrittenAsync(order);
    }

    private static IEnumerable<string?> Field(JsonElement payload) =>
        payload.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString());

    private async Task AssertNothingWrittenAsync(DeliveredOrder order)
    {
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Reviews.CountAsync(r => r.OrderId == order.OrderId)));
        Assert.False(await app.InDatabaseAsync(db => db.RatingSummaries.AnyAsync(s => s.SubjectId == order.ProductId || s.SubjectId == order.ShopId)));
        var summaries = await app.OutboxAsync("RatingSummaryChanged");
        Assert.DoesNotContain(summaries, s => s.GetProperty("subjectId").GetGuid() == order.ProductId);
    }
}
