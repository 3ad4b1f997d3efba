using System.Text.Json;
using GoShop.Ordering.Tests.Support;
using GoShop.Testing;

namespace GoShop.Ordering.Tests;

/// <summary>The ordering subgraph as the gateway sees it: its SDL and its Order entities.</summary>
public sealed class FederationTests(OrderingApp app) : IClassFixture<OrderingApp>
{
    [Fact]
    public async Task The_checked_in_ordering_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "ordering");
    }

    [Fact]
    public async Task Order_references_resolve_for_their_buyer_and_seller_only_and_in_the_order_asked()
    {
        var first = await app.PlaceOrderAsync();
        var second = await app.PlaceOrderAsync();
        var representations = new[] { second.OrderId, Guid.CreateVersion7(), first.OrderId }
            .Select(id => new Dictionary<string, object> { ["__typename"] = "Order", ["id"] = id.ToString() })
            .ToList();

        var asFirstBuyer = (await first.Buyer.Client.SendAsync(Operations.ResolveOrders, new { representations })).EnsureNoErrors();
        var asSecondSeller = (await second.Seller.Seller.Client.SendAsync(Operations.ResolveOrders, new { representations })).EnsureNoErrors();
        var asAdmin = (await app.Admin().Client.SendAsync(Operations.ResolveOrders, new { representations })).EnsureNoErrors();

        Assert.Equal([null, null, first.OrderId], Ids(asFirstBuyer));
        Assert.Equal([second.OrderId, null, null], Ids(asSecondSeller));
        Assert.Equal([second.OrderId, null, first.OrderId], Ids(asAdmin));
        Assert.Equal(first.Product.Title, asAdmin.Get("_entities")[2].GetProperty("lines")[0].Text("title"));
    }

    [Fact]
    public async Task Resolving_many_order_references_with_their_lines_costs_two_sql_commands()
    {
        var admin = app.Admin();
        var orders = new List<Guid>();
        for (var i = 0; i < 5; i++)
            orders.Add((await app.PlaceOrderAsync()).OrderId);
        var representations = orders.Select(id => new Dictionary<string, object> { ["__typename"] = "Order", ["id"] = id.ToString() }).ToList();

        app.Factory.Commands.Reset();
        var response = (await admin.Client.SendAsync(Operations.ResolveOrders, new { representations })).EnsureNoErrors();

        Assert.True(app.Factory.Commands.Count == 2, "SQL sent: " + string.Join("\n", app.Factory.Commands.Commands));
        Assert.Equal(orders, Ids(response).Select(id => id!.Value));
    }

    private static List<Guid?> Ids(GraphQLResponse response) =>
        response.Get("_entities").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? (Guid?)null : e.Id()).ToList();
}
