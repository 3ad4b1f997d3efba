using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoShop.Gateway.Tests.Federation;
using GoShop.Testing;

namespace GoShop.Gateway.Tests.Transport;

/// <summary>Banana Cake Pop for browsers at the GraphQL endpoint, from the IDE's npm package (scripts/build.sh gateway installs it).</summary>
public sealed partial class BananaCakePopTests(MarketFixture market) : IClassFixture<MarketFixture>
{
    private static readonly string Package = Path.Combine(TestEnvironment.RepositoryRoot, "gateway", "node_modules", "@chillicream", "bananacakepop-graphql-ide");

    private async Task<HttpResponseMessage> GetAsync(string path, string accept = "text/html,application/xhtml+xml,*/*;q=0.8")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        return await market.Gateway.CreateClient().SendAsync(request);
    }

    [GeneratedRegex("src=\"(static/js/main\\.[0-9a-f]+\\.js)\"")]
    private static partial Regex MainScript();

    [Fact]
    public async Task A_browser_asking_for_the_endpoint_gets_the_IDE_pointed_at_it()
    {
        market.ClearReceived();

        using var response = await GetAsync("/graphql");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var page = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!doctype html><html lang=\"en\"><head><base href=\"/graphql/\">", page, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(Package, "index.html")).Replace("<head>", "<head><base href=\"/graphql/\">", StringComparison.Ordinal), page);
        Assert.Empty(market.Products.Take());
    }

    [Fact]
    public async Task The_IDE_is_configured_to_use_the_page_url_as_its_endpoint()
    {
        using var response = await GetAsync("/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonAssert.Equal("""{"useBrowserUrlAsEndpoint":true,"title":"GoShop","includeCookies":false,"disableTelemetry":true}""",
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task The_IDEs_hashed_scripts_are_served_to_be_cached_for_good()
    {
        var script = MainScript().Match(File.ReadAllText(Path.Combine(Package, "index.html"))).Groups[1].Value;

        using var response = await GetAsync("/graphql/" + script, "*/*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Equal(["immutable"], cache.Extensions.Select(e => e.Name));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Package, script)), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Other_files_of_the_package_are_revalidated()
    {
        using var response = await GetAsync("/graphql/favicon.svg", "*/*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    /// <param name="path">The request's path as the application sees it (decoded, and not tidied by a client or host).</param>
    [Theory]
    [InlineData("/graphql/../../schema/supergraph.graphql.json")]
    [InlineData("/graphql/static/../../../GoShop.Gateway/appsettings.json")]
    [InlineData("/graphql/..%2F..%2Fpackage.json")]
    [InlineData("/graphql/static\\..\\..\\..\\GoShop.Gateway\\appsettings.json")]
    [InlineData("/graphql/./package.json")]
    [InlineData("/graphql/package.json")]
    [InlineData("/graphql//etc/hostname.txt")]
    public async Task A_path_out_of_the_package_is_not_served(string path)
    {
        var context = await market.Gateway.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = new Microsoft.AspNetCore.Http.PathString(path);
            http.Request.Headers.Accept = "*/*";
        });

        Assert.Equal(404, context.Response.StatusCode);
        using var reader = new StreamReader(context.Response.Body);
        Assert.Equal("", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task A_get_with_a_query_is_answered_as_graphql_even_from_a_browser()
    {
        using var response = await GetAsync("/graphql?query=%7Bproduct(id%3A%22p1%22)%7Btitle%7D%7D", "text/html,application/json;q=0.9");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonAssert.Equal("""{"data":{"product":{"title":"Phở bowl"}}}""", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task An_api_client_without_html_in_accept_gets_graphqls_answer()
    {
        using var response = await GetAsync("/graphql", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal("The 'query' parameter is missing.", error.GetProperty("message").GetString());
    }
}
