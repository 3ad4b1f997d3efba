using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GoShop.Gateway.Tests.Federation;
using GoShop.Testing;

namespace GoShop.Gateway.Tests.Transport;

/// <summary>
/// Requests the gateway must refuse by itself: each gets a GraphQL error with the right status, reaches no subgraph,
/// and leaves the gateway answering normal queries.
/// </summary>
public sealed class BadInputTests : IClassFixture<MarketFixture>
{
    private readonly MarketFixture _market;

    public BadInputTests(MarketFixture market)
    {
        _market = market;
        market.ClearReceived();
    }

    private async Task<GraphQLResponse> PostAsync(HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await _market.Gateway.CreateClient().SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>No subgraph heard of the request, and a normal query still works.</summary>
    private async Task AssertRefusedAloneAndGatewayHealthy(GraphQLResponse refused, HttpStatusCode status, string code)
    {
        Assert.Equal(status, refused.Status);
        Assert.Equal(code, Assert.Single(refused.ErrorCodes));
        Assert.False(refused.Root.TryGetProperty("data", out var data) && data.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Empty(_market.Products.Take());
        Assert.Empty(_market.Shops.Take());
        Assert.Empty(_market.Reviews.Take());

        var healthy = await _market.Client().SendAsync("""{ product(id: "p1") { title shop { name } } }""");
        JsonAssert.Equal("""{"product":{"title":"Phở bowl","shop":{"name":"Quán Bà Tư"}}}""", healthy.EnsureNoErrors().Data);
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request()
    {
        var response = await PostAsync(Json("""{"query": "{ products { title } }" """));

        await AssertRefusedAloneAndGatewayHealthy(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_an_unsupported_media_type()
    {
        var response = await PostAsync(new StringContent("{ products { title } }", Encoding.UTF8, "text/plain"));

        await AssertRefusedAloneAndGatewayHealthy(response, HttpStatusCode.UnsupportedMediaType, "BAD_REQUEST");
    }

    [Fact]
    public async Task An_unknown_operation_name_is_refused()
    {
        var response = await PostAsync(Json("""{"query": "query A { products { title } } query B { shops { name } }", "operationName": "C"}"""));

        await AssertRefusedAloneAndGatewayHealthy(response, HttpStatusCode.BadRequest, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_is_refused()
    {
        var response = await PostAsync(Json("""{"query": "query($id: ID!, $n: Boolean!) { product(id: $id) @include(if: $n) { title } }", "variables": {"id": "p1", "n": "yes"}}"""));

        await AssertRefusedAloneAndGatewayHealthy(response, HttpStatusCode.BadRequest, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task A_body_of_50_megabytes_is_too_large()
    {
        var body = new byte[50 * 1024 * 1024];
        Array.Fill(body, (byte)' ');
        "{\"query\":\"{ products { title } }\"}"u8.CopyTo(body);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await PostAsync(content);

        await AssertRefusedAloneAndGatewayHealthy(response, HttpStatusCode.RequestEntityTooLarge, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_body_of_50_megabytes_without_a_length_is_too_large()
    {
        // Chunked: the size is known only while reading.
        var body = new byte[50 * 1024 * 1024];
        Array.Fill(body, (byte)' ');
        "{\"query\":\"{ products { title } }\"}"u8.CopyTo(body);
        var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = null;

        var response = await PostAsync(content);

        await AssertRefusedAloneAndGatewayHealthy(response, HttpStatusCode.RequestEntityTooLarge, "BAD_REQUEST");
    }

    [Fact]
    public async Task Ten_thousand_aliases_are_refused()
    {
        var query = new StringBuilder("{");
        for (var i = 0; i < 10_000; i++)
            query.Append(" a").Append(i).Append(":reviewCount");
        query.Append(" }");

        var response = await _market.Client().SendAsync(query.ToString());

        await AssertRefusedAloneAndGatewayHealthy(response, HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task A_query_a_hundred_levels_deep_is_refused()
    {
        var response = await _market.Client().SendAsync(Nested(100));

        // Deeper than the parser goes: refused before validation, as a parse failure (not an internal error).
        await AssertRefusedAloneAndGatewayHealthy(response, HttpStatusCode.BadRequest, "GRAPHQL_PARSE_FAILED");
        Assert.DoesNotContain("Exception", response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_deeper_than_the_depth_limit_is_refused()
    {
        var response = await _market.Client().SendAsync(Nested(20));

        await AssertRefusedAloneAndGatewayHealthy(response, HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task Two_hundred_aliases_are_still_answered()
    {
        var query = "{" + string.Concat(Enumerable.Range(0, 200).Select(i => $" a{i}:reviewCount")) + " }";

        var response = await _market.Client().SendAsync(query);

        Assert.Empty(response.Errors);
        Assert.Equal(3, response.Data.GetProperty("a199").GetInt32());
    }

    /// <summary>A query <paramref name="levels"/> fields deep: products, then related all the way down.</summary>
    private static string Nested(int levels) =>
        "{ products { " + string.Concat(Enumerable.Repeat("related { ", levels - 2)) + "id" + new string('}', levels - 1) + " }";

    [Fact]
    public async Task A_query_of_a_megabyte_is_too_large()
    {
        var query = "{ products { title } }" + new string(' ', 1024 * 1024);

        var response = await _market.Client().SendAsync(query);

        await AssertRefusedAloneAndGatewayHealthy(response, HttpStatusCode.RequestEntityTooLarge, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_query_of_a_megabyte_in_the_url_is_too_large()
    {
        var query = "{ products { title } }" + new string(' ', 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var http = await _market.Gateway.CreateClient().SendAsync(request);
        var response = await GraphQLResponse.ReadAsync(http);

        await AssertRefusedAloneAndGatewayHealthy(response, HttpStatusCode.RequestUriTooLong, "BAD_REQUEST");
    }
}
