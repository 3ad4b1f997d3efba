using GoShop.BuildingBlocks.Hosting;
using GoShop.Shops;
using GoShop.Shops.Coupons;
using GoShop.Shops.Data;
using GoShop.Shops.Directory;
using GoShop.Shops.GraphQL;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<ShopsSchema, ShopsDbContext>("shops");
builder.AddShopsServices();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapCouponEndpoints();
app.MapShopDirectoryEndpoints();
return await app.RunGoShopSubgraphAsync(args);

public partial class Program;
