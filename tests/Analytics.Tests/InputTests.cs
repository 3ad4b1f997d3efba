using GoShop.Analytics.Tests.Support;
using GoShop.BuildingBlocks.Auth;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Tests;

/// <summary>Periods a report cannot answer are refused with the rule they break; a refused rebuild writes nothing.</summary>
public sealed class InputTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Theory]
    [InlineData("2025-05-02", "2025-05-01", "DAY", "from (2025-05-02) is after to (2025-05-01)")]
    [InlineData("2022-01-01", "2025-01-05", "MONTH", "at most 1098 days (3 years)")]
    [InlineData("2025-01-01", "2025-02-01", "HOUR", "An hourly report covers at most 31 days; this one asks for 32")]
    public async Task A_period_a_report_cannot_answer_is_refused_with_the_limit_stated(string from, string to, string granularity, string message)
    {
        var admin = app.Admin();

        var shop = await admin.Client.SendAsync(Operations.ShopAnalytics, new { shop = Operations.Shop(Guid.CreateVersion7()), from, to, granularity });
        var platform = await admin.Client.SendAsync(Operations.PlatformAnalytics, new { from, to, granularity });

        Assert.Equal(["BAD_USER_INPUT"], shop.ErrorCodes);
        Assert.Contains(message, shop.Errors[0].GetProperty("message").GetString());
        Assert.Equal(["BAD_USER_INPUT"], platform.ErrorCodes);
        Assert.Contains(message, platform.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Three_years_of_days_and_a_month_of_hours_are_answered()
    {
        var admin = app.Admin();

        var days = await admin.Client.SendAsync(Operations.PlatformAnalytics, new { from = "2022-01-01", to = "2025-01-01", granularity = "DAY" });
        var hours = await admin.Client.SendAsync(Operations.PlatformAnalytics, new { from = "2025-01-01", to = "2025-01-31", granularity = "HOUR" });

        Assert.Equal(1097, days.EnsureNoErrors().Get("platformAnalytics.series").GetArrayLength());
        Assert.Equal(31 * 24, hours.EnsureNoErrors().Get("platformAnalytics.series").GetArrayLength());
    }

    [Fact]
    public async Task A_rebuild_from_after_to_is_refused_and_leaves_the_rollups_as_they_were()
    {
        var history = new History(seed: 8, shops: 1, new DateOnly(2025, 2, 1), days: 5);
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var before = await app.InDatabaseAsync(db => db.Rollups.CountAsync());

        var refused = (await app.Admin().Client.SendAsync(Operations.RebuildRollups, new { input = new { from = "2025-02-05", to = "2025-02-01" } }))
            .EnsureNoErrors().Get("rebuildAnalyticsRollups");
        var bySeller = await app.As(history.Shops[0].OwnerId, Roles.Seller).Client.SendAsync(Operations.RebuildRollups, new { input = new { } });

        Assert.Equal(["INVALID_RANGE"], refused.UserErrorCodes());
        Assert.Equal(["input", "from"], refused.Get("userErrors.0.field").EnumerateArray().Select(f => f.GetString()).ToList());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, refused.GetProperty("job").ValueKind);
        Assert.Equal(["FORBIDDEN"], bySeller.ErrorCodes);
        Assert.True(before > 0);
        Assert.Equal(before, await app.InDatabaseAsync(db => db.Rollups.CountAsync()));
    }
}
