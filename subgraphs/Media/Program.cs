using GoShop.BuildingBlocks.Hosting;
using GoShop.Media;
using GoShop.Media.Data;
using GoShop.Media.GraphQL;
using GoShop.Media.Http;
using GoShop.Media.Internal;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<MediaSchema, MediaDbContext>("media");
builder.AddMediaServices();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapMediaFiles();
app.MapMediaInternalApi();
return await app.RunGoShopSubgraphAsync(args);

public partial class Program;
