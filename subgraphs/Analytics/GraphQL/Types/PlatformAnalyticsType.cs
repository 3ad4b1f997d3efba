using GoShop.Analytics.Domain;
using GoShop.Analytics.Reports;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL.Types;

public sealed class PlatformAnalyticsType : ObjectGraphType<PlatformFigures>
{
    public PlatformAnalyticsType()
    {
        Name = "PlatformAnalytics";
        Description = "The marketplace's figures over a period of local days; orders count in the day they were placed, with their refunds " +
            "and commission whenever those happened; money is in VND.";
        Field<NonNullGraphType<MoneyType>, Money>("gmv")
            .Description("Gross merchandise value: line totals of every order placed in the period and not cancelled.")
            .Resolve(c => Money.Vnd(c.Source.Totals.GrossSales));
        Field<NonNullGraphType<MoneyType>, Money>("commission")
            .Description("The platform's commission on those orders, counted once their money was released to the shops, whenever that was.")
            .Resolve(c => Money.Vnd(c.Source.Totals.Commission));
        Field<NonNullGraphType<FloatGraphType>, double>("takeRate").Description("commission over gmv, 0 to 1 (0 without sales).").Resolve(c => c.Source.TakeRate);
        Field<NonNullGraphType<MoneyType>, Money>("refunds").Description("Money refunded to buyers for those orders, whenever it was refunded (not refunds in the period of older orders).").Resolve(c => Money.Vnd(c.Source.Totals.Refunds));
        Field<NonNullGraphType<IntGraphType>, int>("orders").Description("Orders placed in the period and not cancelled.").Resolve(c => c.Source.Totals.Orders);
        Field<NonNullGraphType<IntGraphType>, int>("activeBuyers").Description("Distinct buyers of those orders.").Resolve(c => c.Source.ActiveBuyers);
        Field<NonNullGraphType<IntGraphType>, int>("activeSellers").Description("Distinct shops with at least one of those orders.").Resolve(c => c.Source.ActiveSellers);
        Field<NonNullGraphType<IntGraphType>, int>("newShops").Description("Shops opened in the period.").Resolve(c => c.Source.NewShops);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderStatusCountType>>>, IReadOnlyList<StatusCount>>("ordersByStatus")
            .Description("Orders placed in the period by their status now, most frequent first.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<PlatformReports>().OrdersByStatusAsync(c.Source.Period, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaymentSuccessType>>>, IReadOnlyList<PaymentSuccess>>("paymentSuccess")
            .Description("Payment attempts that ended in the period, per gateway and method, with their success rate.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<PlatformReports>().PaymentSuccessAsync(c.Source.Period, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategorySalesType>>>, List<ScopeSales>>("topCategories")
            .Description("The 10 categories with the most revenue in the period (a product counts in its own category, not its parents'), best first.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<PlatformReports>().TopAsync(RollupScope.Category, c.Source.Period, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShopSalesType>>>, List<ScopeSales>>("topShops")
            .Description("The 10 shops with the most gross sales in the period, best first.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<PlatformReports>().TopAsync(RollupScope.Shop, c.Source.Period, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CityDeliveryType>>>, IReadOnlyList<CityDelivery>>("deliveryByCity")
            .Description("How the deliveries of the period's orders went, per city of the delivery address, busiest first.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<PlatformReports>().DeliveryByCityAsync(c.Source.Period, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnalyticsPointType>>>, IReadOnlyList<SeriesPoint>>("series")
            .Description("One point per bucket of the granularity asked for, in order, empty buckets included.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<PlatformReports>().SeriesAsync(c.Source.Period, c.CancellationToken));
    }
}

public sealed class OrderStatusCountType : ObjectGraphType<StatusCount>
{
    public OrderStatusCountType()
    {
        Name = "OrderStatusCount";
        Description = "How many orders are in one status.";
        Field<NonNullGraphType<StringGraphType>, string>("status").Description("The order status, as ordering names it (e.g. DELIVERED).").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>, int>("orders").Description("Orders in that status.").Resolve(c => c.Source.Orders);
    }
}

public sealed class PaymentSuccessType : ObjectGraphType<PaymentSuccess>
{
    public PaymentSuccessType()
    {
        Name = "PaymentSuccess";
        Description = "Payment attempts of one gateway and method.";
        Field<NonNullGraphType<StringGraphType>, string>("gateway")
            .Description("The provider (e.g. VNPAY, MOMO, STRIPE, PAYPAL); UNKNOWN for a failed attempt whose provider no event named.")
            .Resolve(c => c.Source.Gateway);
        Field<NonNullGraphType<StringGraphType>, string>("method").Description("CARD, E_WALLET, BANK_TRANSFER or COD.").Resolve(c => c.Source.Method);
        Field<NonNullGraphType<IntGraphType>, int>("attempts").Description("Attempts that succeeded or failed for good.").Resolve(c => c.Source.Attempts);
        Field<NonNullGraphType<IntGraphType>, int>("succeeded").Description("Attempts that succeeded.").Resolve(c => c.Source.Succeeded);
        Field<NonNullGraphType<FloatGraphType>, double>("successRate").Description("succeeded over attempts, 0 to 1.").Resolve(c => c.Source.SuccessRate);
    }
}

/// <summary>catalog's <c>Category</c>, known here by its id.</summary>
public sealed class CategoryType() : KeyOnlyEntityType<CategoryType>("Category");

public sealed class CategorySalesType : ObjectGraphType<ScopeSales>
{
    public CategorySalesType()
    {
        Name = "CategorySales";
        Description = "A category's sales over a period.";
        Field<CategoryType, EntityReference<CategoryType>>("category").Description("The category. Null when catalog cannot be reached.").Resolve(c => EntityReference.To<CategoryType>(c.Source.Id));
        Field<NonNullGraphType<IntGraphType>, int>("orders").Description("Orders (not cancelled) with a line of one of its products.").Resolve(c => c.Source.Orders);
        Field<NonNullGraphType<IntGraphType>, int>("units").Description("Units of its products in those orders.").Resolve(c => c.Source.Units);
        Field<NonNullGraphType<MoneyType>, Money>("revenue").Description("Line totals of its products in those orders, in VND.").Resolve(c => Money.Vnd(c.Source.Revenue));
    }
}

public sealed class ShopSalesType : ObjectGraphType<ScopeSales>
{
    public ShopSalesType()
    {
        Name = "ShopSales";
        Description = "A shop's sales over a period.";
        Field<ShopType, EntityReference<ShopType>>("shop").Description("The shop. Null when shops cannot be reached.").Resolve(c => EntityReference.To<ShopType>(c.Source.Id));
        Field<NonNullGraphType<IntGraphType>, int>("orders").Description("Its orders placed in the period and not cancelled.").Resolve(c => c.Source.Orders);
        Field<NonNullGraphType<IntGraphType>, int>("units").Description("Units of those orders.").Resolve(c => c.Source.Units);
        Field<NonNullGraphType<MoneyType>, Money>("grossSales").Description("Its gross sales, in VND.").Resolve(c => Money.Vnd(c.Source.Revenue));
    }
}

public sealed class CityDeliveryType : ObjectGraphType<CityDelivery>
{
    public CityDeliveryType()
    {
        Name = "CityDelivery";
        Description = "Deliveries to one city.";
        Field<NonNullGraphType<StringGraphType>, string>("city").Description("The city of the delivery address, as the buyer wrote it.").Resolve(c => c.Source.City);
        Field<NonNullGraphType<IntGraphType>, int>("shipments").Description("Orders with a delivery shipment.").Resolve(c => c.Source.Shipments);
        Field<NonNullGraphType<IntGraphType>, int>("delivered").Description("Of those, delivered.").Resolve(c => c.Source.Delivered);
        Field<NonNullGraphType<FloatGraphType>, double>("failedDeliveryRate")
            .Description("Shipments with at least one failed attempt over shipments, 0 to 1.").Resolve(c => c.Source.FailedDeliveryRate);
        Field<FloatGraphType, double?>("averageDeliveryMinutes")
            .Description("Average minutes from pickup to delivery; null when none was delivered.").Resolve(c => c.Source.AverageDeliveryMinutes);
    }
}
