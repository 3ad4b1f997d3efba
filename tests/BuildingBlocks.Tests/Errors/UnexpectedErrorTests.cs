using System.Net;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.BuildingBlocks.Tests.TestSubgraph;

namespace GoShop.BuildingBlocks.Tests.Errors;

/// <summary>An exception thrown by a resolver, in development (details help) and in production (details leak).</summary>
public sealed class UnexpectedErrorInDevelopmentTests(BuildingBlocksApp app) : IClassFixture<BuildingBlocksApp>
{
    [Fact]
    public async Task Resolver_exception_is_INTERNAL_SERVER_ERROR_with_its_details_and_the_other_fields_still_resolve()
    {
        var response = await app.Client().SendAsync("{ hello failure }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Hello, world!", response.Get("hello").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Get("failure").ValueKind);
        var error = Assert.Single(response.Errors);
        var extensions = error.GetProperty("extensions");
        Assert.Equal("INTERNAL_SERVER_ERROR", extensions.GetProperty("code").GetString());
        Assert.Contains(TestQuery.FailureDetail, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), extensions.GetProperty("exception").GetString(), StringComparison.Ordinal);
        Assert.Equal("failure", error.GetProperty("path")[0].GetString());
    }

    [Theory]
    [InlineData("""{ maker(id: "nope") { id } }""")]
    [InlineData("""{ maker(id: "12345678-1234-1234-1234-12345678") { id } }""")]
    public async Task An_id_that_is_not_a_uuid_is_BAD_USER_INPUT_naming_the_argument_not_an_unexpected_error(string query)
    {
        var response = await app.Client().SendAsync(query);

        var error = Assert.Single(response.Errors);
        var extensions = error.GetProperty("extensions");
        Assert.Equal("BAD_USER_INPUT", extensions.GetProperty("code").GetString());
        Assert.Equal("The argument 'id' of 'maker' is not a valid ID: GoShop's ids are UUIDs, as other fields answer them.", error.GetProperty("message").GetString());
        Assert.False(extensions.TryGetProperty("exception", out _));
        Assert.Equal("maker", error.GetProperty("path")[0].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Get("maker").ValueKind);
    }
}

public sealed class UnexpectedErrorInProductionTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task Resolver_exception_is_INTERNAL_SERVER_ERROR_with_a_generic_message_and_nothing_else()
    {
        var response = await app.Client().SendAsync("{ hello failure }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Hello, world!", response.Get("hello").GetString());
        var error = Assert.Single(response.Errors);
        var extensions = error.GetProperty("extensions");
        Assert.Equal("INTERNAL_SERVER_ERROR", extensions.GetProperty("code").GetString());
        Assert.Equal("An unexpected error occurred. It has been logged; please try again later.", error.GetProperty("message").GetString());
        Assert.False(extensions.TryGetProperty("exception", out _));
        Assert.DoesNotContain(TestQuery.FailureDetail, response.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), response.ToString(), StringComparison.Ordinal);
    }
}
