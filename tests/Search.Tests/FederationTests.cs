using GoShop.Search.Tests.Support;
using GoShop.Testing;

namespace GoShop.Search.Tests;

/// <summary>The search subgraph as the gateway sees it: its SDL.</summary>
public sealed class FederationTests(SearchApp app) : IClassFixture<SearchApp>
{
    [Fact]
    public async Task The_checked_in_search_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "search");
    }
}
