using GoShop.BuildingBlocks.Hosting;
using GoShop.Catalog;
using GoShop.Catalog.Data;
using GoShop.Catalog.GraphQL;
using GoShop.Catalog.Internal;
using GoShop.Catalog.Seed;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<CatalogSchema, CatalogDbContext>("catalog");
builder.AddCatalogServices();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapCatalogInternalApi();
return await app.RunGoShopSubgraphAsync(args, new Dictionary<string, Func<WebApplication, string[], Task<int>>>
{
    ["seed-large"] = LargeCatalogSeed.RunAsync,
});

public partial class Program;
