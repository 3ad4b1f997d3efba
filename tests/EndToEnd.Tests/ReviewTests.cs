using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// Reviews through the gateway: the buyer of a delivered order reviews its product with a photo, the seller replies,
/// another buyer reads it all on the product page (the photo's URL from media, the reply, the summary), and catalog's
/// ratingAverage and search's rating filter follow the review.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReviewTests(Platform platform)
{
    private const string Errors = "userErrors { code field message }";

    private const string ProductPage = """
        query($id: ID!) { product(id: $id) { title ratingAverage ratingCount
          ratingSummary { average count withMediaCount distribution { stars count } }
          reviews(first: 10) { totalCount edges { node { rating title body verifiedPurchase status author { id } media { url } reply { body } } } } } }
        """;

    [Fact]
    public async Task A_delivered_order_is_reviewed_with_a_photo_answered_by_the_seller_and_read_by_another_buyer()
    {
        var shop = await Shopping.OpenShopAsync(platform, 5);
        var productId = shop.ProductIds[0];
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(productId, 1)).Succeeded();
        var orderId = (await buyer.PlaceOrderAsync(addressId)).Succeeded().Orders()[0].GetProperty("id").GetString()!;

        // Before delivery there is nothing to review.
        var early = await buyer.Client.MutateAsync("mutation($input: CreateProductReviewInput!) { createProductReview(input: $input) { review { id } " + Errors + " } }",
            new { input = new { orderId, productId, rating = 5 } });
        Assert.Equal(["NOT_ELIGIBLE"], early.UserErrorCodes());
        foreach (var move in new[] { "confirmOrder", "shipOrder", "markOrderDelivered" })
            (await shop.Seller.OrderMutationAsync(move, new { orderId })).Succeeded();
        var toWrite = await Eventually.ReturnsAsync(() => ReviewsToWriteAsync(buyer), items => items.Any(i => i.GetProperty("subject").GetString() == "PRODUCT"),
            TimeSpan.FromSeconds(30));
        Assert.Equal(productId, toWrite.Single(i => i.GetProperty("subject").GetString() == "PRODUCT").GetProperty("product").GetProperty("id").GetString());

        // The buyer reviews it with a photo they uploaded.
        var (photoId, photoUrl) = await MediaUploads.UploadImageAsync(platform, buyer.Token);
        var review = (await buyer.Client.MutateAsync(
            "mutation($input: CreateProductReviewInput!) { createProductReview(input: $input) { review { id status sentiment } " + Errors + " } }",
            new { input = new { orderId, productId, rating = 4, title = "Áo đẹp", body = "Vải mềm, mặc vừa, giao nhanh. <b>Recommend!</b>", mediaIds = new[] { photoId } } }))
            .Succeeded().GetProperty("review");
        Assert.Equal(("PUBLISHED", "POSITIVE"), (review.GetProperty("status").GetString(), review.GetProperty("sentiment").GetString()));
        var reviewId = review.GetProperty("id").GetString()!;

        // The seller answers.
        (await shop.Seller.Client.MutateAsync("mutation($input: ReplyToReviewInput!) { replyToReview(input: $input) { review { id } " + Errors + " } }",
            new { input = new { reviewId, body = "Cảm ơn bạn đã ủng hộ shop!" } })).Succeeded();

        // Another buyer opens the product page: the review, its photo, the reply, the summary, and catalog's rating.
        var reader = await Shopping.SignUpAsync(platform);
        var page = await Eventually.ReturnsAsync(() => ProductPageAsync(reader, productId), p => p.GetProperty("ratingCount").GetInt32() == 1,
            TimeSpan.FromSeconds(30));
        Assert.Equal((4.0, 1), (page.GetProperty("ratingAverage").GetDouble(), page.GetProperty("ratingCount").GetInt32()));
        Assert.Equal((4.0, 1, 1), (page.Get("ratingSummary.average").GetDouble(), page.Get("ratingSummary.count").GetInt32(),
            page.Get("ratingSummary.withMediaCount").GetInt32()));
        var shown = page.Get("reviews.edges.0.node");
        Assert.Equal((4, "Vải mềm, mặc vừa, giao nhanh. <b>Recommend!</b>", true), (shown.GetProperty("rating").GetInt32(),
            shown.GetProperty("body").GetString(), shown.GetProperty("verifiedPurchase").GetBoolean()));
        Assert.Equal(photoUrl, shown.Get("media.0.url").GetString());
        Assert.Equal("Cảm ơn bạn đã ủng hộ shop!", shown.Get("reply.body").GetString());
        Assert.False(string.IsNullOrEmpty(shown.Get("author.id").GetString()));

        // Search keeps the rating too: the product now passes a 4-star filter it failed before its first review, not a 5-star one.
        await Eventually.ReturnsAsync(() => RatedAtLeastAsync(reader, shop.ShopId, 4.0), ids => ids.Contains(productId), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(productId, await RatedAtLeastAsync(reader, shop.ShopId, 5.0));
    }

    private static async Task<List<string>> RatedAtLeastAsync(Shopper reader, string shopId, double minRating) =>
        [.. (await reader.Client.SendAsync("query($filters: SearchFilterInput) { search(filters: $filters, first: 20) { edges { node { id } } } }",
                new { filters = new { shopId, minRating } }))
            .EnsureNoErrors().Get("search.edges").EnumerateArray().Select(e => e.Get("node.id").GetString()!)];

    private static async Task<List<JsonElement>> ReviewsToWriteAsync(Shopper buyer) =>
        [.. (await buyer.Client.SendAsync("{ reviewsToWrite { subject product { id } order { id } } }")).EnsureNoErrors().Get("reviewsToWrite").EnumerateArray()];

    private static async Task<JsonElement> ProductPageAsync(Shopper reader, string productId) =>
        (await reader.Client.SendAsync(ProductPage, new { id = productId })).EnsureNoErrors().Get("product");
}
