using GoShop.Analytics;
using GoShop.Analytics.Data;
using GoShop.Analytics.Exports;
using GoShop.Analytics.GraphQL;
using GoShop.BuildingBlocks.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<AnalyticsSchema, AnalyticsDbContext>("analytics");
builder.AddAnalyticsServices();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapReportExports();
return await app.RunGoShopSubgraphAsync(args, AnalyticsCommands.All);

public partial class Program;
