using System.Net;
using System.Text.Json;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.Testing;

namespace GoShop.BuildingBlocks.Tests.Transport;

/// <summary>GraphQL over HTTP as GraphQLHttpEndpoint serves it: media types, status codes, GET, batches and limits.</summary>
public sealed class GraphQLOverHttpTests(BuildingBlocksApp app) : IClassFixture<BuildingBlocksApp>
{
    private async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await app.Http().SendAsync(request))
            return await GraphQLResponse.ReadAsync(response);
    }

    [Fact]
    public async Task Post_answers_graphql_response_json_when_the_client_accepts_it()
    {
        var response = await SendAsync(HttpRequests.PostQuery("{ hello }"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json", response.ContentType);
        Assert.Equal("Hello, world!", response.Get("hello").GetString());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task Post_answers_application_json_when_asked_for_or_when_nothing_is_asked(string? accept)
    {
        var response = await SendAsync(HttpRequests.PostQuery("{ hello }", accept: accept));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("Hello, world!", response.Get("hello").GetString());
    }

    [Fact]
    public async Task Variables_are_bound_to_the_operation()
    {
        var response = await SendAsync(HttpRequests.PostQuery("query Greet($name: String) { hello(name: $name) }", new { name = "Lan" }));

        Assert.Equal("Hello, Lan!", response.EnsureNoErrors().Get("hello").GetString());
    }

    [Fact]
    public async Task Parse_error_is_400_under_graphql_response_json_but_200_under_application_json()
    {
        var strict = await SendAsync(HttpRequests.PostQuery("{ hello "));
        var legacy = await SendAsync(HttpRequests.PostQuery("{ hello ", accept: "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Equal(["GRAPHQL_PARSE_FAILED"], strict.ErrorCodes);
        Assert.False(strict.Root.TryGetProperty("data", out _));
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal(["GRAPHQL_PARSE_FAILED"], legacy.ErrorCodes);
    }

    [Fact]
    public async Task A_document_nested_past_the_parser_limit_is_a_parse_error_without_the_parser_stack()
    {
        var nested = "{ hello" + string.Concat(Enumerable.Repeat(" { hello", 100)) + new string('}', 101);

        var response = await SendAsync(HttpRequests.PostQuery(nested));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["GRAPHQL_PARSE_FAILED"], response.ErrorCodes);
        Assert.Equal("The document nests deeper than the parser allows.", response.Errors[0].GetProperty("message").GetString());
        Assert.False(response.Errors[0].GetProperty("extensions").TryGetProperty("exception", out _));
    }

    [Fact]
    public async Task Validation_error_is_400_with_GRAPHQL_VALIDATION_FAILED()
    {
        var response = await SendAsync(HttpRequests.PostQuery("{ hello noSuchField }"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], response.ErrorCodes);
        Assert.Contains("noSuchField", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_runs_a_query_from_the_query_string()
    {
        var response = await SendAsync(HttpRequests.Get("query Greet($name: String) { hello(name: $name) }", """{"name":"Minh"}"""));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Hello, Minh!", response.EnsureNoErrors().Get("hello").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Mutation_over_get_is_405_with_an_Allow_header(bool documentAlreadyCached)
    {
        var mutation = $"mutation Touch{(documentAlreadyCached ? "Cached" : "Fresh")} {{ touch }}";
        if (documentAlreadyCached)
            (await SendAsync(HttpRequests.PostQuery(mutation))).EnsureNoErrors();

        using var request = HttpRequests.Get(mutation);
        using var response = await app.Http().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        var body = await GraphQLResponse.ReadAsync(response);
        Assert.False(body.Root.TryGetProperty("data", out _));
        Assert.NotEmpty(body.Errors);
    }

    [Fact]
    public async Task Other_methods_are_405_with_an_Allow_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql")
        {
            Content = new StringContent("""{"query":"{ hello }"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await app.Http().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Get_with_variables_that_are_not_json_is_400()
    {
        var response = await SendAsync(HttpRequests.Get("query($name: String) { hello(name: $name) }", "{name: Minh"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
    }

    [Fact]
    public async Task Get_without_a_query_is_400()
    {
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Post_with_an_unsupported_content_type_is_415(string contentType)
    {
        var response = await SendAsync(HttpRequests.Post("""{"query":"{ hello }"}""", contentType: contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
    }

    [Fact]
    public async Task Body_over_MaxRequestBytes_is_413()
    {
        var padding = new string(' ', BuildingBlocksApp.MaxRequestBytes);
        var response = await SendAsync(HttpRequests.PostQuery("{ hello }" + padding));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain;q=0.5")]
    [InlineData("application/json;q=0")]
    public async Task Unacceptable_Accept_is_406(string accept)
    {
        var response = await SendAsync(HttpRequests.PostQuery("{ hello }", accept: accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal("application/json", response.ContentType);
    }

    [Fact]
    public async Task Json_array_is_a_batch_answered_with_an_array_of_results_in_order()
    {
        var body = """[{"query":"{ hello }"},{"query":"query($n: String) { hello(name: $n) }","variables":{"n":"Hoa"}},{"query":"{ nope }"}]""";

        using var request = HttpRequests.Post(body);
        using var response = await app.Http().SendAsync(request);
        var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, results.ValueKind);
        Assert.Equal(3, results.GetArrayLength());
        Assert.Equal("Hello, world!", results[0].GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("Hello, Hoa!", results[1].GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", results[2].GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Batch_larger_than_MaxBatchSize_is_400()
    {
        var body = "[" + string.Join(',', Enumerable.Repeat("""{"query":"{ hello }"}""", 26)) + "]";

        var response = await SendAsync(HttpRequests.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("at most 25", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_document_still_has_its_variables_checked()
    {
        const string query = "query EchoTwice($at: DateTime!) { echoTime(at: $at) }";

        var valid = await SendAsync(HttpRequests.PostQuery(query, new { at = "2026-01-01T00:00:00Z" }));
        var invalid = await SendAsync(HttpRequests.PostQuery(query, new { at = "not a time" }));
        var missing = await SendAsync(HttpRequests.PostQuery(query));

        Assert.Equal("2026-01-01T00:00:00.000Z", valid.EnsureNoErrors().Get("echoTime").GetString());
        Assert.Equal(["BAD_USER_INPUT"], invalid.ErrorCodes);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["BAD_USER_INPUT"], missing.ErrorCodes);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
    }

    [Theory]
    [InlineData("{\"query\": ")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("{\"variables\":{}}")]
    public async Task Malformed_or_empty_request_body_is_400(string body)
    {
        var response = await SendAsync(HttpRequests.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
    }

    [Fact]
    public async Task Query_deeper_than_MaxDepth_is_refused_as_QUERY_TOO_COMPLEX()
    {
        static string Nested(int depth) => "{ nested { " + string.Concat(Enumerable.Repeat("child { ", depth - 2)) + "depth" + new string('}', depth - 1) + " }";

        var allowed = await SendAsync(HttpRequests.PostQuery(Nested(BuildingBlocksApp.MaxDepth)));
        var tooDeep = await SendAsync(HttpRequests.PostQuery(Nested(BuildingBlocksApp.MaxDepth + 2)));
        var tooDeepOverGet = await SendAsync(HttpRequests.Get(Nested(BuildingBlocksApp.MaxDepth + 3)));

        Assert.Equal(HttpStatusCode.OK, allowed.EnsureNoErrors().Status);
        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.Status);
        Assert.Equal(["QUERY_TOO_COMPLEX"], tooDeep.ErrorCodes);
        Assert.Equal(["QUERY_TOO_COMPLEX"], tooDeepOverGet.ErrorCodes);
    }
}
