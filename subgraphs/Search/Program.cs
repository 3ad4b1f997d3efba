using GoShop.BuildingBlocks.Hosting;
using GoShop.Search;
using GoShop.Search.Data;
using GoShop.Search.GraphQL;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<SearchSchema, SearchDbContext>("search");
builder.AddSearchServices();

var app = builder.Build();
app.MapGoShopSubgraph();
return await app.RunGoShopSubgraphAsync(args, SearchCommands.All);

public partial class Program;
