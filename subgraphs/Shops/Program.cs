using GoShop.BuildingBlocks.Hosting;
using GoShop.Shops;
using GoShop.Shops.Data;
using GoShop.Shops.GraphQL;
using GoShop.Shops.Internal;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<ShopsSchema, ShopsDbContext>("shops");
builder.AddShopsServices();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapShopsInternalApi();
return await app.RunGoShopSubgraphAsync(args);

public partial class Program;
