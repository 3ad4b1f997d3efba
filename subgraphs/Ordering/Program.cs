using GoShop.BuildingBlocks.Hosting;
using GoShop.Ordering;
using GoShop.Ordering.Data;
using GoShop.Ordering.GraphQL;
using GoShop.Ordering.Internal;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<OrderingSchema, OrderingDbContext>("ordering");
builder.AddOrderingServices();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapOrderingInternalApi();
return await app.RunGoShopSubgraphAsync(args);

public partial class Program;
