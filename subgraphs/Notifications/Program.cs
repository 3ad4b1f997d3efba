using GoShop.BuildingBlocks.Hosting;
using GoShop.Notifications;
using GoShop.Notifications.Data;
using GoShop.Notifications.GraphQL;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<NotificationsSchema, NotificationsDbContext>("notifications");
builder.AddNotificationsServices();

var app = builder.Build();
app.MapGoShopSubgraph();
return await app.RunGoShopSubgraphAsync(args);

public partial class Program;
