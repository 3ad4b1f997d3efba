using GoShop.Analytics.Reports;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GraphQL;

namespace GoShop.Analytics.GraphQL.Types;

/// <summary>The catalog subgraph's <c>Product</c>, extended with its funnel (<c>Product.analytics</c>).</summary>
public sealed class ProductType : ExtendedEntityType<ProductType>
{
    public ProductType() : base("Product")
    {
        Field<ProductAnalyticsType, ProductFigures>("analytics")
            .Description("The product's funnel over a period: views, adds to cart, orders, units, revenue and conversion. Its shop's " +
                "owner and admins only: anyone else gets a FORBIDDEN error, an anonymous caller UNAUTHENTICATED. A BAD_USER_INPUT " +
                $"error states the rule when from is after to or the period passes {ReportPeriod.MaxDays} days.")
            .PeriodArguments(withGranularity: false)
            .ResolveAsync(async context =>
            {
                var viewer = context.SignedInViewer();
                var period = context.Period();
                var access = context.RequestServices!.GetRequiredService<ShopAccess>();
                var productId = context.Source.Id;
                var shopId = await access.ShopOfProductAsync(productId, context.CancellationToken);
                if (!viewer.IsAdmin && (shopId is null || !await access.CanReadAsync(viewer, shopId.Value, context.CancellationToken)))
                    throw GraphQLErrors.Forbidden("Only the product's seller and admins may read its analytics.");
                return await context.RequestServices!.GetRequiredService<ShopReports>().ProductAsync(productId, period, context.CancellationToken);
            });
    }
}
