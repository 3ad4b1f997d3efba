namespace GoShop.Gateway.Tests.Federation;

/// <summary>Mutations across subgraphs (a fixture of their own: they change the market).</summary>
public sealed class MutationTests(MarketFixture market) : IClassFixture<MarketFixture>
{
    [Fact]
    public async Task Mutation_root_fields_run_one_after_another_in_the_order_written()
    {
        market.ClearReceived();

        var response = await market.Client().SendAsync("""
            mutation {
              a: renameProduct(id: "p3", title: "Bánh mì pate") { title shop { name } }
              b: renameShop(id: "s1", name: "Quán Bà Năm") { name }
              c: renameProduct(id: "p3", title: "Bánh mì thịt") { title shop { name } }
            }
            """);

        Assert.Empty(response.Errors);
        // a's shop is read before b renames it, c's after.
        JsonAssert.Equal("""
            {"a":{"title":"Bánh mì pate","shop":{"name":"Quán Bà Tư"}},
             "b":{"name":"Quán Bà Năm"},
             "c":{"title":"Bánh mì thịt","shop":{"name":"Quán Bà Năm"}}}
            """, response.Data);
        var received = market.Products.Take().Select(r => (r.Sequence, Where: "products " + r.Query))
            .Concat(market.Shops.Take().Select(r => (r.Sequence, Where: "shops " + r.Query)))
            .OrderBy(r => r.Sequence)
            .Select(r => r.Where)
            .ToList();
        Assert.Collection(received,
            r => Assert.StartsWith("products mutation{a:renameProduct", r, StringComparison.Ordinal),
            r => Assert.StartsWith("shops query(", r, StringComparison.Ordinal),
            r => Assert.StartsWith("shops mutation{b:renameShop", r, StringComparison.Ordinal),
            r => Assert.StartsWith("products mutation{c:renameProduct", r, StringComparison.Ordinal),
            r => Assert.StartsWith("shops query(", r, StringComparison.Ordinal));
    }
}
