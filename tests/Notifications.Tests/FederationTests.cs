using GoShop.Notifications.Tests.Support;
using GoShop.Testing;

namespace GoShop.Notifications.Tests;

/// <summary>The notifications subgraph as the gateway sees it: its SDL.</summary>
public sealed class FederationTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task The_checked_in_notifications_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "notifications");
    }
}
