using GoShop.BuildingBlocks.Hosting;
using GoShop.Shipping;
using GoShop.Shipping.Data;
using GoShop.Shipping.GraphQL;
using GoShop.Shipping.Internal;
using GoShop.Shipping.Labels;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<ShippingSchema, ShippingDbContext>("shipping");
builder.AddShippingServices();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapShippingLabels();
app.MapShippingInternalApi();
return await app.RunGoShopSubgraphAsync(args);

public partial class Program;
