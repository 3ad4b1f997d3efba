using GoShop.Gateway.Tests.Federation.Subgraphs;
using GoShop.Testing;

namespace GoShop.Gateway.Tests.Federation;

/// <summary>The three market subgraphs on loopback and the gateway in-process in front of them.</summary>
public class MarketFixture : IAsyncLifetime
{
    private string? _supergraphPath;

    public MarketData Data { get; } = new();

    public RequestSequence Sequence { get; } = new();

    public TestSubgraph Products { get; private set; } = null!;

    public TestSubgraph Shops { get; private set; } = null!;

    public TestSubgraph Reviews { get; private set; } = null!;

    internal GatewayFactory Gateway { get; private set; } = null!;

    /// <summary>Gateway settings of this fixture (a short subgraph timeout for the failure tests).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>The gateway's hosting environment: Development shows more of unexpected errors than Production.</summary>
    protected virtual string Environment => "Development";

    /// <summary>Where the gateway believes reviews is (a fixture may point it at a closed port).</summary>
    protected virtual Uri ReviewsUrl => Reviews.Url;

    public virtual async Task InitializeAsync()
    {
        Products = await ProductsSubgraph.StartAsync(Data, Sequence);
        Shops = await ShopsSubgraph.StartAsync(Data, Sequence);
        Reviews = await ReviewsSubgraph.StartAsync(Data, Sequence);
        _supergraphPath = TestSupergraph.WriteFile(TestSupergraph.Market, [("products", Products.Url), ("reviews", ReviewsUrl), ("shops", Shops.Url)]);
        Gateway = new GatewayFactory(_supergraphPath, Settings, Environment);
        _ = Gateway.Server;
    }

    public GraphQLClient Client() => new(Gateway.CreateClient());

    /// <summary>Forgets what the subgraphs received so far (a test then sees only its own requests).</summary>
    public void ClearReceived()
    {
        Products.Take();
        Shops.Take();
        Reviews.Take();
    }

    public virtual async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Products.DisposeAsync();
        await Shops.DisposeAsync();
        await Reviews.DisposeAsync();
        if (_supergraphPath is not null)
            File.Delete(_supergraphPath);
    }
}
