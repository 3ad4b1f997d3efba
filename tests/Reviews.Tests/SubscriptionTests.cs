using System.Text.Json;
using GoShop.Reviews.Tests.Support;
using GoShop.Testing;

namespace GoShop.Reviews.Tests;

/// <summary>reviewAdded(productId): an open product page sees each review of the product as it is published, never a held one.</summary>
public sealed class SubscriptionTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    private const string ReviewAdded = "subscription($productId: ID!) { reviewAdded(productId: $productId) { id rating body status author { id } } }";

    [Fact]
    public async Task An_open_product_page_sees_published_reviews_as_they_come_and_held_ones_only_once_approved()
    {
        var productId = Guid.CreateVersion7();
        var heldOrder = await app.DeliveredOrderAsync(productIds: [productId]);
        var publishedOrder = await app.DeliveredOrderAsync(productIds: [productId]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await ServerSentEvents.SubscribeAsync(app.Factory.CreateClient(), ReviewAdded, null, new { productId }, cancellationToken: timeout.Token);
        await using var events = ServerSentEvents.ReadAsync(stream, timeout.Token).GetAsyncEnumerator(timeout.Token);

        var held = (await heldOrder.ReviewProductAsync(2, "Nhắn zalo 0909123456")).Succeeded().GetProperty("review").Id();
        var published = await publishedOrder.PublishedReviewAsync(5, "Rất đẹp");
        var first = await NextAsync(events);
        (await app.Admin().Client.MutateAsync(Operations.ApproveReview, new { input = new { reviewId = held } })).Succeeded();
        var second = await NextAsync(events);

        Assert.Equal((published, 5, "Rất đẹp", "PUBLISHED"), (first.Id(), first.GetProperty("rating").GetInt32(), first.Text("body"), first.Text("status")));
        Assert.Equal(publishedOrder.Buyer.Id, first.GetProperty("author").Id());
        Assert.Equal((held, "PUBLISHED"), (second.Id(), second.Text("status")));
    }

    private static async Task<JsonElement> NextAsync(IAsyncEnumerator<ServerSentEvent> events)
    {
        Assert.True(await events.MoveNextAsync(), "the stream ended");
        var root = JsonDocument.Parse(events.Current.Data).RootElement;
        Assert.False(root.TryGetProperty("errors", out _), "Unexpected errors: " + events.Current.Data);
        return root.GetProperty("data").GetProperty("reviewAdded").Clone();
    }
}
