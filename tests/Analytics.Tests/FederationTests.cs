using GoShop.Analytics.Tests.Support;
using GoShop.Testing;

namespace GoShop.Analytics.Tests;

/// <summary>The analytics subgraph as the gateway sees it.</summary>
public sealed class FederationTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task The_checked_in_analytics_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "analytics");
    }
}
