using GoShop.Analytics.Reports;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL.Types;

public sealed class ShopAnalyticsType : ObjectGraphType<ShopFigures>
{
    private const int TopProducts = 10;

    public ShopAnalyticsType()
    {
        Name = "ShopAnalytics";
        Description = "A shop's figures over a period of local days (Asia/Ho_Chi_Minh). Order figures count each order in the day it was " +
            "placed, with all that happened to it since, whenever it happened (confirmation, delivery, returns, refunds, commission): a " +
            "refund made today for an order placed last week lowers last week's refunds and net revenue, not today's. Money is in VND.";
        Field<NonNullGraphType<CalendarDateGraphType>, DateOnly>("from").Description("The first day of the period, included.").Resolve(c => c.Source.Period.From);
        Field<NonNullGraphType<CalendarDateGraphType>, DateOnly>("to").Description("The last day of the period, included.").Resolve(c => c.Source.Period.To);
        Field<NonNullGraphType<MoneyType>, Money>("grossSales")
            .Description("What the shop sold: the line totals (before vouchers and shipping) of the orders placed in the period and not cancelled.")
            .Resolve(c => Money.Vnd(c.Source.Totals.GrossSales));
        Field<NonNullGraphType<MoneyType>, Money>("netRevenue")
            .Description("Gross sales less vouchers, the platform's commission (known once an order's money is released) and refunds, all of " +
                "the orders placed in the period (refunds and commission whenever they happened, so it can still fall after the period).")
            .Resolve(c => Money.Vnd(c.Source.Totals.NetRevenue));
        Field<NonNullGraphType<MoneyType>, Money>("vouchers").Description("Vouchers and coupons taken off those orders.").Resolve(c => Money.Vnd(c.Source.Totals.Discounts));
        Field<NonNullGraphType<MoneyType>, Money>("commission")
            .Description("The platform's commission on those orders, counted once their money was released to the shop, whenever that was.")
            .Resolve(c => Money.Vnd(c.Source.Totals.Commission));
        Field<NonNullGraphType<MoneyType>, Money>("refunds")
            .Description("Money refunded to buyers for those orders (returns, partial or whole), whenever it was refunded: not the refunds " +
                "made in the period for orders placed before it.").Resolve(c => Money.Vnd(c.Source.Totals.Refunds));
        Field<NonNullGraphType<IntGraphType>, int>("orders").Description("Orders placed in the period and not cancelled.").Resolve(c => c.Source.Totals.Orders);
        Field<NonNullGraphType<IntGraphType>, int>("placedOrders").Description("Orders placed in the period, cancelled ones included.").Resolve(c => c.Source.Totals.PlacedOrders);
        Field<NonNullGraphType<IntGraphType>, int>("cancelledOrders").Description("Orders placed in the period and cancelled since, paid or not.").Resolve(c => c.Source.Totals.CancelledOrders);
        Field<NonNullGraphType<IntGraphType>, int>("units").Description("Units sold in those orders (returned units included).").Resolve(c => c.Source.Totals.Units);
        Field<NonNullGraphType<MoneyType>, Money>("averageOrderValue")
            .Description("Gross sales over orders, rounded to the dong; 0 without orders.").Resolve(c => Money.Vnd(c.Source.Totals.AverageOrderValue));
        Field<NonNullGraphType<IntGraphType>, int>("uniqueBuyers").Description("Distinct buyers of those orders.").Resolve(c => c.Source.UniqueBuyers);
        Field<NonNullGraphType<IntGraphType>, int>("newBuyers")
            .Description("Buyers whose first order at this shop (not cancelled) was placed in the period.").Resolve(c => c.Source.NewBuyers);
        Field<NonNullGraphType<IntGraphType>, int>("returningBuyers")
            .Description("Buyers of the period who had ordered from this shop before it.").Resolve(c => c.Source.ReturningBuyers);
        Field<NonNullGraphType<IntGraphType>, int>("productViews").Description("Times one of the shop's product pages was opened.").Resolve(c => c.Source.Totals.Views);
        Field<NonNullGraphType<IntGraphType>, int>("viewers")
            .Description("Distinct people (signed-in buyers, or anonymous visitors by their visitor id) who opened one of the shop's product pages.")
            .Resolve(c => c.Source.Viewers);
        Field<NonNullGraphType<IntGraphType>, int>("addsToCart").Description("Times a buyer put one of the shop's products in their cart.").Resolve(c => c.Source.Totals.CartAdds);
        Field<NonNullGraphType<FloatGraphType>, double>("conversionRate")
            .Description("uniqueBuyers over viewers (0 without viewers); may pass 1 when buyers ordered without a recorded view.")
            .Resolve(c => c.Source.ConversionRate);
        Field<NonNullGraphType<FloatGraphType>, double>("cancellationRate")
            .Description("cancelledOrders over placedOrders, 0 to 1 (0 without orders).").Resolve(c => RollupTotals.Rate(c.Source.Totals.CancelledOrders, c.Source.Totals.PlacedOrders));
        Field<NonNullGraphType<FloatGraphType>, double>("returnRate")
            .Description("Delivered orders with a return the seller accepted (partial or whole) over delivered orders, 0 to 1.")
            .Resolve(c => RollupTotals.Rate(c.Source.Totals.ReturnedOrders, c.Source.Totals.DeliveredOrders));
        Field<FloatGraphType, double?>("averageMinutesToConfirm")
            .Description("Average minutes from placing to the seller's confirmation, over the confirmed orders placed in the period; null when " +
                "none was confirmed.")
            .Resolve(c => RollupTotals.AverageMinutes(c.Source.Totals.ConfirmSeconds, c.Source.Totals.ConfirmCount));
        Field<FloatGraphType, double?>("averageMinutesToShipper")
            .Description("Average minutes from confirmation to the shipper picking the parcel up, over those orders; null when none was picked up.")
            .Resolve(c => RollupTotals.AverageMinutes(c.Source.Totals.HandoverSeconds, c.Source.Totals.HandoverCount));
        Field<FloatGraphType, double?>("averageDeliveryMinutes")
            .Description("Average minutes from pickup to delivery, over those orders; null when none was delivered.")
            .Resolve(c => RollupTotals.AverageMinutes(c.Source.Totals.DeliverySeconds, c.Source.Totals.DeliveryCount));
        Field<NonNullGraphType<FloatGraphType>, double>("failedDeliveryRate")
            .Description("Orders whose delivery had at least one failed attempt over orders with a delivery, 0 to 1.")
            .Resolve(c => RollupTotals.Rate(c.Source.Totals.FailedShipments, c.Source.Totals.Shipments));
        Field<NonNullGraphType<FloatGraphType>, double>("codShare")
            .Description("Orders paid cash on delivery over orders, 0 to 1.").Resolve(c => RollupTotals.Rate(c.Source.Totals.CodOrders, c.Source.Totals.Orders));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnalyticsPointType>>>, IReadOnlyList<SeriesPoint>>("series")
            .Description("One point per bucket of the granularity asked for, in order, empty buckets included (zeros).")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<ShopReports>().SeriesAsync(c.Source.ShopId, c.Source.Period, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductSalesType>>>, IReadOnlyList<ProductSales>>("topProducts")
            .Description($"The shop's {TopProducts} best-selling products of the period by revenue (line totals of orders not cancelled), best first.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<ShopReports>()
                .TopProductsAsync(c.Source.ShopId, c.Source.Period, byUnits: false, TopProducts, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductSalesType>>>, IReadOnlyList<ProductSales>>("topProductsByUnits")
            .Description($"The shop's {TopProducts} best-selling products of the period by units, best first.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<ShopReports>()
                .TopProductsAsync(c.Source.ShopId, c.Source.Period, byUnits: true, TopProducts, c.CancellationToken));
        Field<ShopAnalyticsType, ShopFigures>("previous")
            .Description("The same figures over the period of as many days just before this one; null on the previous period itself.")
            .ResolveAsync(async c => c.Source.IsPrevious
                ? null
                : await c.RequestServices!.GetRequiredService<ShopReports>().ShopAsync(c.Source.ShopId, c.Source.Period.Previous, c.CancellationToken) with
                {
                    IsPrevious = true,
                });
    }
}

public sealed class AnalyticsPointType : ObjectGraphType<SeriesPoint>
{
    public AnalyticsPointType()
    {
        Name = "AnalyticsPoint";
        Description = "One bucket of a report's series (an hour, a local day, a week from Monday or a month).";
        Field<NonNullGraphType<UtcDateTimeGraphType>, DateTimeOffset>("start").Description("When the bucket begins (local midnight of its first day for days, weeks and months).").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<MoneyType>, Money>("grossSales").Description("Gross sales of the orders placed in the bucket.").Resolve(c => Money.Vnd(c.Source.Totals.GrossSales));
        Field<NonNullGraphType<MoneyType>, Money>("netRevenue").Description("Net revenue of the orders placed in the bucket (their refunds and commission whenever they happened).").Resolve(c => Money.Vnd(c.Source.Totals.NetRevenue));
        Field<NonNullGraphType<IntGraphType>, int>("orders").Description("Orders placed in the bucket and not cancelled.").Resolve(c => c.Source.Totals.Orders);
        Field<NonNullGraphType<IntGraphType>, int>("units").Description("Units of those orders.").Resolve(c => c.Source.Totals.Units);
        Field<NonNullGraphType<IntGraphType>, int>("productViews").Description("Product pages opened in the bucket.").Resolve(c => c.Source.Totals.Views);
    }
}

public sealed class ProductSalesType : ObjectGraphType<ProductSales>
{
    public ProductSalesType()
    {
        Name = "ProductSales";
        Description = "A product's sales over a report's period.";
        Field<ProductType, EntityReference<ProductType>>("product").Description("The product. Null when catalog cannot be reached.").Resolve(c => EntityReference.To<ProductType>(c.Source.ProductId));
        Field<NonNullGraphType<IntGraphType>, int>("units").Description("Units sold in orders not cancelled.").Resolve(c => c.Source.Units);
        Field<NonNullGraphType<MoneyType>, Money>("revenue").Description("Line totals of those orders, in VND.").Resolve(c => Money.Vnd(c.Source.Revenue));
        Field<NonNullGraphType<IntGraphType>, int>("orders").Description("Orders with at least one line of the product.").Resolve(c => c.Source.Orders);
    }
}

public sealed class ProductAnalyticsType : ObjectGraphType<ProductFigures>
{
    public ProductAnalyticsType()
    {
        Name = "ProductAnalytics";
        Description = "A product's funnel over a period of local days (Asia/Ho_Chi_Minh), in VND.";
        Field<NonNullGraphType<IntGraphType>, int>("views").Description("Times the product's page was opened.").Resolve(c => c.Source.Totals.Views);
        Field<NonNullGraphType<IntGraphType>, int>("viewers").Description("Distinct people who opened it.").Resolve(c => c.Source.Viewers);
        Field<NonNullGraphType<IntGraphType>, int>("addsToCart").Description("Times a buyer put it in their cart.").Resolve(c => c.Source.Totals.CartAdds);
        Field<NonNullGraphType<IntGraphType>, int>("orders").Description("Orders placed in the period, not cancelled, with a line of it.").Resolve(c => c.Source.Totals.Orders);
        Field<NonNullGraphType<IntGraphType>, int>("units").Description("Units of it in those orders.").Resolve(c => c.Source.Totals.Units);
        Field<NonNullGraphType<MoneyType>, Money>("revenue").Description("Its line totals in those orders.").Resolve(c => Money.Vnd(c.Source.Totals.GrossSales));
        Field<NonNullGraphType<FloatGraphType>, double>("conversionRate")
            .Description("Distinct buyers of it over distinct viewers of it (0 without viewers).").Resolve(c => c.Source.ConversionRate);
    }
}
