namespace GoShop.Analytics.Tests.Support;

/// <summary>The GraphQL documents the tests send.</summary>
public static class Operations
{
    public const string Figures = """
        from to grossSales { amount currency } netRevenue { amount } vouchers { amount } commission { amount } refunds { amount }
        orders placedOrders cancelledOrders units averageOrderValue { amount } uniqueBuyers newBuyers returningBuyers
        productViews viewers addsToCart conversionRate cancellationRate returnRate averageMinutesToConfirm averageMinutesToShipper
        averageDeliveryMinutes failedDeliveryRate codShare
        """;

    public const string ShopAnalytics = $$"""
        query($shop: _Any!, $from: Date!, $to: Date!, $granularity: Granularity) {
          _entities(representations: [$shop]) { ... on Shop { analytics(from: $from, to: $to, granularity: $granularity) {
            {{Figures}}
            series { start grossSales { amount } netRevenue { amount } orders units productViews }
            topProducts { product { id } units revenue { amount } orders }
            topProductsByUnits { product { id } units revenue { amount } orders }
            previous { {{Figures}} previous { orders } }
          } } }
        }
        """;

    public const string ProductAnalytics = """
        query($product: _Any!, $from: Date!, $to: Date!) {
          _entities(representations: [$product]) { ... on Product { analytics(from: $from, to: $to) {
            views viewers addsToCart orders units revenue { amount } conversionRate
          } } }
        }
        """;

    public const string PlatformAnalytics = """
        query($from: Date!, $to: Date!, $granularity: Granularity) {
          platformAnalytics(from: $from, to: $to, granularity: $granularity) {
            gmv { amount } commission { amount } takeRate refunds { amount } orders activeBuyers activeSellers newShops
            ordersByStatus { status orders }
            paymentSuccess { gateway method attempts succeeded successRate }
            topCategories { category { id } orders units revenue { amount } }
            topShops { shop { id } orders units grossSales { amount } }
            deliveryByCity { city shipments delivered failedDeliveryRate averageDeliveryMinutes }
            series { start orders grossSales { amount } }
          }
        }
        """;

    public const string ShopForecast = """
        query($shop: _Any!, $days: Int) {
          _entities(representations: [$shop]) { ... on Shop { forecast(days: $days) {
            method historyDays days { day orders grossSales { amount } }
            backtest { days ordersMeanAbsoluteError ordersWeightedError grossSalesMeanAbsoluteError { amount } grossSalesWeightedError }
          } } }
        }
        """;

    public const string RebuildJob = "id from to state requestedAt startedAt finishedAt rollupsWritten error";

    public const string RebuildRollups = $$"""
        mutation($input: RebuildAnalyticsRollupsInput!) { rebuildAnalyticsRollups(input: $input) { job { {{RebuildJob}} } userErrors { code field message } } }
        """;

    public const string RollupRebuild = $$"""
        query($id: ID!) { analyticsRollupRebuild(id: $id) { {{RebuildJob}} } }
        """;

    public static object Shop(Guid id) => new Dictionary<string, object> { ["__typename"] = "Shop", ["id"] = id.ToString() };

    public static object Product(Guid id) => new Dictionary<string, object> { ["__typename"] = "Product", ["id"] = id.ToString() };
}
