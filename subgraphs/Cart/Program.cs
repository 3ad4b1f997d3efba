using GoShop.BuildingBlocks.Hosting;
using GoShop.Cart;
using GoShop.Cart.Data;
using GoShop.Cart.GraphQL;
using GoShop.Cart.Internal;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<CartSchema, CartDbContext>("cart");
builder.AddCartServices();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapCartInternalApi();
return await app.RunGoShopSubgraphAsync(args);

public partial class Program;
