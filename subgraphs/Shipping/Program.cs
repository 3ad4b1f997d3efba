using GoShop.BuildingBlocks.Hosting;
using GoShop.Shipping;
using GoShop.Shipping.Data;
using GoShop.Shipping.GraphQL;
using GoShop.Shipping.Labels;
using GoShop.Shipping.Quotes;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<ShippingSchema, ShippingDbContext>("shipping");
builder.AddShippingServices();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapShippingLabels();
app.MapShippingQuoteApi();
return await app.RunGoShopSubgraphAsync(args);

public partial class Program;
