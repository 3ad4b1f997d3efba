namespace GoShop.Gateway.Tests.Federation;

/// <summary>The market as deployed: Production, introspection left at its default.</summary>
public sealed class ProductionMarketFixture : MarketFixture
{
    protected override string Environment => "Production";
}

/// <summary>The market in Production with introspection turned on by configuration (a public explorer, say).</summary>
public sealed class IntrospectiveProductionMarketFixture : MarketFixture
{
    protected override string Environment => "Production";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Gateway:Introspection"] = "true",
    };
}

/// <summary>Introspection is on in Development, off in Production unless configured; <c>__typename</c> always works.</summary>
public sealed class IntrospectionTests(MarketFixture development, ProductionMarketFixture production, IntrospectiveProductionMarketFixture configured)
    : IClassFixture<MarketFixture>, IClassFixture<ProductionMarketFixture>, IClassFixture<IntrospectiveProductionMarketFixture>
{
    private const string SchemaQuery = "{ __schema { queryType { name } } }";
    private const string TypeQuery = """{ __type(name: "Product") { name } }""";

    [Fact]
    public async Task Development_answers_introspection()
    {
        var response = await development.Client().SendAsync(SchemaQuery);

        Assert.Empty(response.Errors);
        Assert.Equal("Query", response.Data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(SchemaQuery)]
    [InlineData(TypeQuery)]
    public async Task Production_refuses_introspection_by_default_before_any_subgraph_is_called(string query)
    {
        production.ClearReceived();

        var response = await production.Client().SendAsync(query);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], response.ErrorCodes);
        Assert.StartsWith("Introspection is turned off on this endpoint", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(response.Root.TryGetProperty("data", out _));
        Assert.Empty(production.Products.Take());
    }

    [Fact]
    public async Task Production_still_answers_typename_and_data()
    {
        var response = await production.Client().SendAsync("{ __typename products { __typename title } }");

        Assert.Empty(response.Errors);
        Assert.Equal("Query", response.Data.GetProperty("__typename").GetString());
        Assert.Equal("Product", response.Data.GetProperty("products")[0].GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Production_answers_introspection_when_configured_to()
    {
        var response = await configured.Client().SendAsync(TypeQuery);

        Assert.Empty(response.Errors);
        Assert.Equal("Product", response.Data.GetProperty("__type").GetProperty("name").GetString());
    }
}
