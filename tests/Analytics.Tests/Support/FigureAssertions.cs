using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Analytics.Tests.Support;

/// <summary>Compares a ShopAnalytics answer with a plain recount, naming the figure that differs.</summary>
public static class FigureAssertions
{
    public static void Matches(ExpectedFigures expected, JsonElement actual)
    {
        Money(expected.GrossSales, actual, "grossSales");
        Money(expected.NetRevenue, actual, "netRevenue");
        Money(expected.Vouchers, actual, "vouchers");
        Money(expected.Commission, actual, "commission");
        Money(expected.Refunds, actual, "refunds");
        Money(expected.AverageOrderValue, actual, "averageOrderValue");
        Count(expected.Orders, actual, "orders");
        Count(expected.PlacedOrders, actual, "placedOrders");
        Count(expected.CancelledOrders, actual, "cancelledOrders");
        Count(expected.Units, actual, "units");
        Count(expected.UniqueBuyers, actual, "uniqueBuyers");
        Count(expected.NewBuyers, actual, "newBuyers");
        Count(expected.UniqueBuyers - expected.NewBuyers, actual, "returningBuyers");
        Count(expected.ProductViews, actual, "productViews");
        Count(expected.Viewers, actual, "viewers");
        Count(expected.AddsToCart, actual, "addsToCart");
        Ratio(expected.ConversionRate, actual, "conversionRate");
        Ratio(expected.CancellationRate, actual, "cancellationRate");
        Ratio(expected.ReturnRate, actual, "returnRate");
        Ratio(expected.MinutesToConfirm, actual, "averageMinutesToConfirm");
        Ratio(expected.MinutesToShipper, actual, "averageMinutesToShipper");
        Ratio(expected.DeliveryMinutes, actual, "averageDeliveryMinutes");
        Ratio(expected.FailedDeliveryRate, actual, "failedDeliveryRate");
        Ratio(expected.CodShare, actual, "codShare");
    }

    public static void Money(decimal expected, JsonElement actual, string field) =>
        Assert.True(expected == actual.Get(field + ".amount").GetDecimal(), $"{field}: expected {expected}, got {actual.Get(field + ".amount")}");

    public static void Count(int expected, JsonElement actual, string field) =>
        Assert.True(expected == actual.GetProperty(field).GetInt32(), $"{field}: expected {expected}, got {actual.GetProperty(field)}");

    public static void Ratio(double? expected, JsonElement actual, string field)
    {
        var value = actual.GetProperty(field);
        if (expected is null)
        {
            Assert.True(value.ValueKind == JsonValueKind.Null, $"{field}: expected null, got {value}");
            return;
        }
        Assert.True(value.ValueKind == JsonValueKind.Number && Math.Abs(expected.Value - value.GetDouble()) < 1e-6,
            $"{field}: expected {expected}, got {value}");
    }
}
