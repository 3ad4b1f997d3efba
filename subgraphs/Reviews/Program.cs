using GoShop.BuildingBlocks.Hosting;
using GoShop.Reviews;
using GoShop.Reviews.Data;
using GoShop.Reviews.GraphQL;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<ReviewsSchema, ReviewsDbContext>("reviews");
builder.AddReviewsServices();

var app = builder.Build();
app.MapGoShopSubgraph();
return await app.RunGoShopSubgraphAsync(args);

public partial class Program;
