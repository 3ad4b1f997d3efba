using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Reviews.Tests.Support;

/// <summary>The steps the tests take through the public API.</summary>
public static class ReviewsAppExtensions
{
    public static async Task<JsonElement> ReviewProductAsync(this DeliveredOrder order, int rating = 5, string? body = "Hàng đẹp, giao nhanh.",
        string? title = null, IReadOnlyList<Guid>? mediaIds = null, Guid? productId = null, Person? author = null) =>
        await (author ?? order.Buyer).Client.MutateAsync(Operations.CreateProductReview, new
        {
            input = new { orderId = order.OrderId, productId = productId ?? order.ProductId, rating, title, body, mediaIds },
        });

    public static async Task<JsonElement> ReviewShopAsync(this DeliveredOrder order, int rating = 5, string? body = null) =>
        await order.Buyer.Client.MutateAsync(Operations.CreateShopReview, new { input = new { orderId = order.OrderId, rating, body } });

    public static async Task<JsonElement> ReviewDeliveryAsync(this DeliveredOrder order, int rating = 5, string? body = null) =>
        await order.Buyer.Client.MutateAsync(Operations.CreateDeliveryReview, new { input = new { orderId = order.OrderId, rating, body } });

    /// <summary>A published product review's id (fails the test on userErrors).</summary>
    public static async Task<Guid> PublishedReviewAsync(this DeliveredOrder order, int rating = 5, string? body = "Hàng đẹp, giao nhanh.")
    {
        var review = (await order.ReviewProductAsync(rating, body)).Succeeded().GetProperty("review");
        Assert.Equal("PUBLISHED", review.GetProperty("status").GetString());
        return review.Id();
    }

    public static Guid Id(this JsonElement element) => Guid.Parse(element.GetProperty("id").GetString()!);

    public static string? Text(this JsonElement element, string property) => element.GetProperty(property).GetString();

    /// <summary>An entity as the gateway would resolve it here, with its reviews' arguments.</summary>
    public static async Task<JsonElement> EntityAsync(this GraphQLClient client, string typename, Guid id, object? arguments = null)
    {
        var variables = new Dictionary<string, object?>
        {
            ["representations"] = new[] { new Dictionary<string, object> { ["__typename"] = typename, ["id"] = id.ToString() } },
        };
        if (arguments is not null)
        {
            foreach (var property in arguments.GetType().GetProperties())
                variables[property.Name] = property.GetValue(arguments);
        }
        return (await client.SendAsync(Operations.Entities, variables)).EnsureNoErrors().Get("_entities.0");
    }

    public static IReadOnlyList<Guid> ReviewIds(this JsonElement entity) =>
        entity.GetProperty("reviews").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Id()).ToList();
}
