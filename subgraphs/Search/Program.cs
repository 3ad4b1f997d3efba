using GoShop.BuildingBlocks.Hosting;
using GoShop.Search;
using GoShop.Search.Data;
using GoShop.Search.GraphQL;
using GoShop.Search.Internal;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<SearchSchema, SearchDbContext>("search");
builder.AddSearchServices();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapSearchInternalApi();
return await app.RunGoShopSubgraphAsync(args, SearchCommands.All);

public partial class Program;
