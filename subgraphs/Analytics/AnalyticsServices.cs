using GoShop.Analytics.Exports;
using GoShop.Analytics.Facts;
using GoShop.Analytics.Forecasting;
using GoShop.Analytics.Reports;
using GoShop.Analytics.Seed;
using GoShop.BuildingBlocks.Data;

namespace GoShop.Analytics;

public static class AnalyticsServices
{
    /// <summary>The analytics domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddAnalyticsServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<RollupMaintainer>();
        services.AddScoped<FactRecorder>();
        services.AddScoped<RollupRebuild>();
        services.AddScoped<RollupRebuildJobs>();
        services.AddSingleton<RollupRebuildSignal>();
        services.AddHostedService<RollupRebuildWorker>();
        services.AddOptions<RecountOptions>().Bind(builder.Configuration.GetSection(RecountOptions.Section));
        services.AddHostedService<PendingRecounts>();
        services.AddScoped<ShopAccess>();
        services.AddScoped<ShopReports>();
        services.AddSingleton<ShopReportCache>();
        services.AddScoped<PlatformReports>();
        services.AddScoped<ShopForecasts>();
        services.AddReportExports(builder.Configuration);
        services.AddScoped<IDemoDataSeeder, AnalyticsDemoData>();
        return builder;
    }
}
