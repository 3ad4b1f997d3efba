using GoShop.Reviews.Tests.Support;
using GoShop.Testing;

namespace GoShop.Reviews.Tests;

/// <summary>The reviews subgraph as the gateway sees it: its SDL, and the fields it adds to Product, Shop and Shipper.</summary>
public sealed class FederationTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task The_checked_in_reviews_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "reviews");
    }

    [Fact]
    public async Task Product_shop_and_shipper_summaries_of_many_entities_cost_one_sql_command_each_kind()
    {
        var order = await app.DeliveredOrderAsync(lines: 3);
        foreach (var line in order.Order.Lines)
            (await order.ReviewProductAsync(4, productId: line.ProductId)).Succeeded();
        var representations = order.Order.Lines.Select(l => new Dictionary<string, object> { ["__typename"] = "Product", ["id"] = l.ProductId.ToString() })
            .Append(new Dictionary<string, object> { ["__typename"] = "Product", ["id"] = Guid.CreateVersion7().ToString() }).ToList();
        const string query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id ratingSummary { average count } } } }";

        app.Factory.Commands.Reset();
        var entities = (await app.Client().SendAsync(query, new { r = representations })).EnsureNoErrors().Get("_entities");

        Assert.True(app.Factory.Commands.Count == 1, "SQL sent: " + string.Join("\n", app.Factory.Commands.Commands));
        Assert.Equal([1, 1, 1, 0], entities.EnumerateArray().Select(e => e.GetProperty("ratingSummary").GetProperty("count").GetInt32()));
        Assert.Equal(0, entities[3].GetProperty("ratingSummary").GetProperty("average").GetDouble());
    }

    [Fact]
    public async Task A_held_review_resolves_as_an_entity_for_its_author_only()
    {
        var order = await app.DeliveredOrderAsync();
        var held = (await order.ReviewProductAsync(body: "Liên hệ zalo 0901 234 567 để mua rẻ hơn")).Succeeded().GetProperty("review").Id();

        var asAuthor = await order.Buyer.Client.EntityAsync("Review", held);
        var asStranger = await app.SignIn().Client.EntityAsync("Review", held);

        Assert.Equal("HELD", asAuthor.Text("status"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, asStranger.ValueKind);
    }
}
