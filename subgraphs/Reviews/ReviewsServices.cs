using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Internal;
using GoShop.BuildingBlocks.Media;
using GoShop.Contracts.Media;
using GoShop.Reviews.GraphQL.Loaders;
using GoShop.Reviews.GraphQL.Mutations;
using GoShop.Reviews.Moderation;
using GoShop.Reviews.Reading;
using GoShop.Reviews.Seed;
using GoShop.Reviews.Summaries;
using GoShop.Reviews.Writing;

namespace GoShop.Reviews;

public static class ReviewsServices
{
    /// <summary>The reviews domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddReviewsServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddInternalApiClient<MediaDirectory>(builder.Configuration);
        services.AddSingleton(_ => BannedWords.FromFile(BannedWords.DefaultPath));
        services.AddScoped<UploadedMedia>();
        services.AddScoped<ReviewMedia>();
        services.AddScoped<ReviewScreening>();
        services.AddScoped<RatingSummaries>();
        services.AddScoped<ReviewWriting>();
        services.AddScoped<ReviewLists>();
        services.AddScoped<ReviewsToWrite>();
        services.AddScoped<IDemoDataSeeder, ReviewsDemoData>();

        services.AddScoped<ReviewByIdLoader>();
        services.AddScoped<RatingSummaryLoader>();
        services.AddScoped<RevisionsByReviewLoader>();

        services.AddScoped<ReviewMutations>();
        return builder;
    }
}
