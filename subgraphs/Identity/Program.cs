using GoShop.BuildingBlocks.Hosting;
using GoShop.Identity;
using GoShop.Identity.Data;
using GoShop.Identity.Internal;
using GoShop.Identity.GraphQL;
using GoShop.Identity.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<IdentitySchema, IdentityDbContext>("identity");
builder.AddIdentityServices();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapSigningKeyEndpoints();
app.MapIdentityInternalApi();
return await app.RunGoShopSubgraphAsync(args);

public partial class Program;
