using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts;
using GoShop.Contracts.Catalog;
using GoShop.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.BuildingBlocks.Tests.Internal;

/// <summary>Where a typed internal-API client sends its calls: one table of subgraphs, overridable per subgraph.</summary>
public sealed class InternalApiClientTests
{
    [Fact]
    public void The_subgraph_table_lists_what_subgraphs_conf_lists_in_the_same_order()
    {
        var listed = File.ReadLines(Path.Combine(TestEnvironment.RepositoryRoot, "subgraphs.conf"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => new Subgraph(parts[0], int.Parse(parts[1])))
            .ToList();

        Assert.Equal(listed, Subgraph.All);
    }

    [Fact]
    public void A_client_calls_its_subgraph_on_the_loopback_port_when_nothing_is_configured()
    {
        var http = ClientOf<StockReservations>([]);

        Assert.Equal(new Uri("http://127.0.0.1:8003/"), http.BaseAddress);
    }

    [Fact]
    public void InternalApi_Services_of_the_subgraph_overrides_the_address_as_docker_compose_sets_it()
    {
        var http = ClientOf<StockReservations>(new() { ["InternalApi:Services:catalog"] = "http://catalog:8003" });

        Assert.Equal(new Uri("http://catalog:8003/"), http.BaseAddress);
    }

    [Fact]
    public void Every_call_carries_the_internal_key()
    {
        var http = ClientOf<StockReservations>(new() { ["InternalApi:Key"] = "the-shared-key" });

        Assert.Equal(["the-shared-key"], http.DefaultRequestHeaders.GetValues(InternalApiOptions.KeyHeader));
    }

    private static HttpClient ClientOf<TClient>(Dictionary<string, string?> settings) where TClient : class, IInternalApiClient
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddInternalApiClient<TClient>(configuration);
        // A typed client's HttpClient is the named client of the type's name.
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient(typeof(TClient).Name);
    }
}
