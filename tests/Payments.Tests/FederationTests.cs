using GoShop.Payments.Tests.Support;
using GoShop.Testing;

namespace GoShop.Payments.Tests;

/// <summary>The payments subgraph as the gateway sees it: its SDL (the checked-in file the gateway composes) and its Order entities.</summary>
public sealed class FederationTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task The_checked_in_payments_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "payments");
    }

    [Fact]
    public async Task Resolving_many_order_references_with_their_payments_and_escrows_costs_a_fixed_number_of_sql_commands()
    {
        var orders = new List<Guid>();
        for (var i = 0; i < 4; i++)
            orders.Add((await app.PaidAsync()).Order.OrderId);
        var representations = orders.Select(id => new Dictionary<string, object> { ["__typename"] = "Order", ["id"] = id.ToString() }).ToList();

        app.Factory.Commands.Reset();
        var response = (await app.Admin().Client.SendAsync(Operations.ResolveOrders, new { representations })).EnsureNoErrors();

        // Payment links, escrows, payments with their orders and ledger (split), then the escrows and disputes of the escrow field.
        Assert.True(app.Factory.Commands.Count == 7, "SQL sent: " + string.Join("\n", app.Factory.Commands.Commands));
        Assert.Equal(orders, response.Get("_entities").EnumerateArray().Select(e => e.Id()));
        Assert.All(response.Get("_entities").EnumerateArray(), e => Assert.Equal("HELD", e.GetProperty("escrow").Text("status")));
    }
}
