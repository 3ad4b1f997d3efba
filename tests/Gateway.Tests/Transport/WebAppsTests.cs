using System.Net;
using GoShop.Gateway.Tests.Federation;

namespace GoShop.Gateway.Tests.Transport;

/// <summary>The market with a web root holding a built storefront and seller centre (the layout scripts/web.sh builds).</summary>
public sealed class WebAppsMarketFixture : MarketFixture
{
    public string WebRoot { get; } = Path.Combine(Path.GetTempPath(), "goshop-web-" + Guid.NewGuid().ToString("N"));

    public WebAppsMarketFixture()
    {
        foreach (var (app, title) in new[] { ("storefront", "GoShop"), ("seller", "Kênh Người Bán") })
        {
            var dist = Path.Combine(WebRoot, app, "dist");
            Directory.CreateDirectory(Path.Combine(dist, "assets"));
            File.WriteAllText(Path.Combine(dist, "index.html"), $"<!doctype html><title>{title}</title>");
            File.WriteAllText(Path.Combine(dist, "assets", $"{app}-4f2a9c.js"), $"console.log('{app}');");
            File.WriteAllText(Path.Combine(dist, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        }
        Settings = new Dictionary<string, string?> { ["Gateway:Web:Root"] = WebRoot };
    }

    protected override IReadOnlyDictionary<string, string?> Settings { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(WebRoot, recursive: true);
    }
}

/// <summary>
/// The storefront at / and the seller centre at /seller/ on the gateway's origin: their files, their index page for
/// client-side routes, and never a path of the API, the explorer, health or metrics.
/// </summary>
public sealed class WebAppsTests(WebAppsMarketFixture market) : IClassFixture<WebAppsMarketFixture>
{
    private async Task<HttpResponseMessage> GetAsync(string path, string accept = "text/html,application/xhtml+xml,*/*;q=0.8")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        return await market.Gateway.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .SendAsync(request);
    }

    [Theory]
    [InlineData("/", "GoShop")]
    [InlineData("/products/0192a4c3-7c1e-7000-8000-000000000001", "GoShop")]
    [InlineData("/orders/1?placed=2", "GoShop")]
    [InlineData("/seller/", "Kênh Người Bán")]
    [InlineData("/seller/orders/1", "Kênh Người Bán")]
    public async Task A_page_of_either_app_gets_its_index_to_route_in_the_browser(string path, string title)
    {
        using var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains($"<title>{title}</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seller_centre_without_its_slash_redirects_to_it()
    {
        using var response = await GetAsync("/seller?tab=orders");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/seller/?tab=orders", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/assets/storefront-4f2a9c.js", "console.log('storefront');")]
    [InlineData("/seller/assets/seller-4f2a9c.js", "console.log('seller');")]
    public async Task Hashed_assets_are_served_to_be_cached_for_good(string path, string body)
    {
        using var response = await GetAsync(path, "*/*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl.MaxAge);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Other_files_are_revalidated()
    {
        using var response = await GetAsync("/favicon.svg", "*/*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/assets/missing-1234.js", "*/*")]
    [InlineData("/assets/missing-1234.js", "text/html")]
    [InlineData("/seller/logo.png", "text/html,*/*")]
    [InlineData("/products/1", "application/json")]
    public async Task A_missing_file_or_a_non_page_request_is_a_404_not_the_index(string path, string accept)
    {
        using var response = await GetAsync(path, accept);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/../../schema/supergraph.graphql")]
    [InlineData("/assets/../../../storefront/dist/index.html")]
    [InlineData("/seller/..%2F..%2Fstorefront/dist/index.html")]
    [InlineData("/assets\\..\\index.html")]
    public async Task A_path_out_of_the_build_is_not_served(string path)
    {
        var context = await market.Gateway.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = new Microsoft.AspNetCore.Http.PathString(path);
            http.Request.Headers.Accept = "*/*";
        });

        Assert.Equal(404, context.Response.StatusCode);
    }

    [Fact]
    public async Task The_api_health_and_metrics_are_never_taken_by_the_apps()
    {
        using var graphql = await GetAsync("/graphql?query=%7Bproduct(id%3A%22p1%22)%7Btitle%7D%7D");
        using var health = await GetAsync("/health/live");
        using var healthcheck = await GetAsync("/healthcheck");
        using var unknownApi = await GetAsync("/graphql/nothing-here");

        Assert.Contains("Phở bowl", await graphql.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("application/json", "application/json"), (health.Content.Headers.ContentType?.MediaType, healthcheck.Content.Headers.ContentType?.MediaType));
        Assert.NotEqual("text/html", unknownApi.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_post_to_a_page_path_is_not_answered_with_the_index()
    {
        using var response = await market.Gateway.CreateClient().PostAsync("/products/1", new StringContent("{}"));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
