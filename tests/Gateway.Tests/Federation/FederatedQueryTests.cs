using System.Text.Json;
using GoShop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Gateway.Tests.Federation;

/// <summary>Queries across the products, shops and reviews subgraphs, answered by the gateway as one graph.</summary>
public sealed class FederatedQueryTests : IClassFixture<MarketFixture>
{
    private readonly MarketFixture _market;

    public FederatedQueryTests(MarketFixture market)
    {
        _market = market;
        // Each test counts only the subgraph requests its own operation caused.
        market.ClearReceived();
    }

    /// <summary>Every representation a request carried (a batch carries one list per part: __representations0, 1, ...).</summary>
    private static JsonElement[] Representations(ReceivedRequest request) =>
        [.. request.Variables.EnumerateObject()
            .Where(v => v.Name.StartsWith("__representations", StringComparison.Ordinal))
            .SelectMany(v => v.Value.EnumerateArray())];

    [Fact]
    public async Task A_field_another_subgraph_owns_is_fetched_by_the_entity_key()
    {
        var response = await _market.Client().SendAsync("""{ product(id: "p1") { title shop { name } } }""");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""{"product":{"title":"Phở bowl","shop":{"name":"Quán Bà Tư"}}}""", response.Data);
        var shops = Assert.Single(_market.Shops.Take());
        JsonAssert.Equal("""[{"__typename":"Shop","id":"s1"}]""", shops.Variables.GetProperty("__representations"));
        Assert.Contains("_entities", shops.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_entity_in_many_places_is_sent_once()
    {
        var response = await _market.Client().SendAsync("{ products { title shop { id name } } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""
            {"products":[
              {"title":"Phở bowl","shop":{"id":"s1","name":"Quán Bà Tư"}},
              {"title":"Trà đá","shop":{"id":"s2","name":"Trà Chanh"}},
              {"title":"Bánh mì","shop":{"id":"s1","name":"Quán Bà Tư"}}]}
            """, response.Data);
        var shops = Assert.Single(_market.Shops.Take());
        Assert.Equal(["s1", "s2"], Representations(shops).Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Entities_in_a_nested_list_are_fetched_through_three_subgraphs_with_one_request_each()
    {
        var response = await _market.Client().SendAsync("{ products { id reviews { body stars seller { name } } } }");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""
            {"products":[
              {"id":"p1","reviews":[{"body":"Ngon","stars":5,"seller":{"name":"Quán Bà Tư"}},{"body":"Hơi mặn","stars":3,"seller":{"name":"Trà Chanh"}}]},
              {"id":"p2","reviews":[{"body":"Mát","stars":4,"seller":{"name":"Quán Bà Tư"}}]},
              {"id":"p3","reviews":[]}]}
            """, response.Data);
        Assert.Single(_market.Products.Take());
        var reviews = Assert.Single(_market.Reviews.Take());
        Assert.Equal(["p1", "p2", "p3"], Representations(reviews).Select(r => r.GetProperty("id").GetString()));
        var shops = Assert.Single(_market.Shops.Take());
        Assert.Equal(["s1", "s2"], Representations(shops).Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_variable_used_only_by_a_field_of_another_subgraph_goes_with_that_entity_fetch_alone()
    {
        var response = await _market.Client().SendAsync(
            "query Good($min: Int) { products { id reviews(minStars: $min) { stars } } }", new { min = 4 });

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""{"products":[{"id":"p1","reviews":[{"stars":5}]},{"id":"p2","reviews":[{"stars":4}]},{"id":"p3","reviews":[]}]}""", response.Data);
        var products = Assert.Single(_market.Products.Take());
        Assert.Equal("query Good{products{id __key_id:id}}", products.Query);
        Assert.Equal(System.Text.Json.JsonValueKind.Undefined, products.Variables.ValueKind);
        var reviews = Assert.Single(_market.Reviews.Take());
        Assert.Equal("query($__representations:[_Any!]!,$min:Int){_entities(representations:$__representations){...on Product{reviews(minStars:$min){stars}}}}", reviews.Query);
        Assert.Equal(4, reviews.Variables.GetProperty("min").GetInt32());
    }

    [Fact]
    public async Task A_subgraph_refusing_a_whole_fetch_is_reported_where_the_client_asked()
    {
        var response = await _market.Client().SendAsync("""{ product(id: "p1") { title } discontinued reviewCount }""");

        // products refuses the document (it no longer has discontinued): both of its fields are null, the other
        // subgraph's field is there, and the refusal comes as products gave it, without a path (it is about no one field).
        JsonAssert.Equal("""{"product":null,"discontinued":null,"reviewCount":3}""", response.Data);
        var error = Assert.Single(response.Errors);
        Assert.Equal("Cannot query field 'discontinued' on type 'Query'.", error.GetProperty("message").GetString());
        Assert.False(error.TryGetProperty("path", out _));
        Assert.False(error.TryGetProperty("locations", out _));
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("products", error.GetProperty("extensions").GetProperty("serviceName").GetString());
    }

    [Fact]
    public async Task A_shareable_value_type_is_read_from_the_subgraph_at_hand()
    {
        var response = await _market.Client().SendAsync("""{ product(id: "p2") { price { amount currency } shop { minimumOrder { amount currency } } } }""");

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""{"product":{"price":{"amount":5000,"currency":"VND"},"shop":{"minimumOrder":{"amount":10000,"currency":"VND"}}}}""", response.Data);
        Assert.Contains("price{amount currency}", Assert.Single(_market.Products.Take()).Query, StringComparison.Ordinal);
        Assert.Contains("minimumOrder{amount currency}", Assert.Single(_market.Shops.Take()).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aliases_fragments_and_typenames_are_answered_as_the_client_wrote_them()
    {
        var response = await _market.Client().SendAsync("""
            query Pair {
              first: product(id: "p1") { ...Card kind: __typename shop { ... on Shop { label: name __typename } } }
              second: product(id: "p2") { name: title shop { ...ShopName } }
              __typename
            }
            fragment Card on Product { id heading: title }
            fragment ShopName on Shop { name id }
            """);

        Assert.Empty(response.Errors);
        JsonAssert.Equal("""
            {"first":{"id":"p1","heading":"Phở bowl","kind":"Product","shop":{"label":"Quán Bà Tư","__typename":"Shop"}},
             "second":{"name":"Trà đá","shop":{"name":"Trà Chanh","id":"s2"}},
             "__typename":"Query"}
            """, response.Data);
        // Both products in one document; each aliased shop is fetched where it stands, with its own selection, and
        // both parts go to shops in one request.
        Assert.Single(_market.Products.Take());
        var shops = Assert.Single(_market.Shops.Take()) is var only ? new[] { only } : [];
        Assert.Equal(["s1", "s2"], shops.SelectMany(Representations).Select(r => r.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(shops, r => r.Query.Contains("...on Shop{label:name}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, true, """{"product":{"id":"p1"}}""", 0)]
    [InlineData(true, false, """{"product":{"id":"p1","title":"Phở bowl","shop":{"name":"Quán Bà Tư"}}}""", 1)]
    public async Task Skip_and_include_follow_the_variables(bool withShop, bool noTitle, string expected, int shopRequests)
    {
        var response = await _market.Client().SendAsync(
            """query($withShop: Boolean!, $noTitle: Boolean!) { product(id: "p1") { id title @skip(if: $noTitle) shop @include(if: $withShop) { name } } }""",
            new { withShop, noTitle });

        Assert.Empty(response.Errors);
        JsonAssert.Equal(expected, response.Data);
        Assert.Equal(shopRequests, _market.Shops.Take().Count);
    }

    [Fact]
    public async Task A_non_null_field_missing_from_another_subgraph_nulls_the_nearest_nullable_parent_with_one_error()
    {
        // p4's shop is unknown to shops: _entities answers null for it, so Shop.name (String!) is null, Product.shop
        // (Shop!) cannot be, and the nullable product field takes the null.
        var response = await _market.Client().SendAsync("""{ orphan: product(id: "p4") { title shop { name } } other: product(id: "p1") { title } }""");

        JsonAssert.Equal("""{"orphan":null,"other":{"title":"Phở bowl"}}""", response.Data);
        var error = Assert.Single(response.Errors);
        JsonAssert.Equal("""["orphan","shop","name"]""", error.GetProperty("path"));
        Assert.Equal(["INTERNAL_SERVER_ERROR"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_subgraph_error_is_moved_to_the_clients_path_keeping_its_code_and_naming_the_service()
    {
        var response = await _market.Client().SendAsync("{ items: products { title shop { seller: name contact } } }");

        JsonAssert.Equal("""
            {"items":[
              {"title":"Phở bowl","shop":{"seller":"Quán Bà Tư","contact":"0901 234 567"}},
              {"title":"Trà đá","shop":{"seller":"Trà Chanh","contact":null}},
              {"title":"Bánh mì","shop":{"seller":"Quán Bà Tư","contact":"0901 234 567"}}]}
            """, response.Data);
        var error = Assert.Single(response.Errors);
        Assert.Equal("Only the shop's customers see its contact.", error.GetProperty("message").GetString());
        JsonAssert.Equal("""["items",1,"shop","contact"]""", error.GetProperty("path"));
        Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("shops", error.GetProperty("extensions").GetProperty("serviceName").GetString());
    }

    [Fact]
    public async Task A_repeated_operation_is_parsed_validated_and_planned_once()
    {
        var snapshot = _market.Gateway.Services.GetRequiredService<GoShop.Gateway.Supergraph.SupergraphSource>().Current;
        const string query = """query Repeated($id: ID!) { product(id: $id) { title shop { name } } }""";
        var client = _market.Client();
        (await client.SendAsync(query, new { id = "p1" })).EnsureNoErrors();
        var plans = snapshot.PlansBuilt;

        for (var i = 0; i < 3; i++)
            (await client.SendAsync(query, new { id = i % 2 == 0 ? "p2" : "p1" })).EnsureNoErrors();

        Assert.Equal(plans, snapshot.PlansBuilt);
    }
}
