using GoShop.BuildingBlocks.Data;
using GoShop.Contracts.Demo;
using GoShop.Reviews.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Reviews.Tests;

/// <summary>The demo reviews: the demo buyer's, on demo products, in Vietnamese and English, counted in their summaries, once.</summary>
public sealed class DemoDataTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    [Fact]
    public async Task Seeding_reviews_the_first_demo_products_once_and_counts_them()
    {
        await SeedAsync();
        await SeedAsync();

        var reviews = await app.InDatabaseAsync(db => db.Reviews.AsNoTracking().Where(r => r.AuthorId == DemoAccounts.BuyerId).ToListAsync());
        Assert.Equal(DemoShops.All.Count * 2, reviews.Count);
        Assert.All(reviews, r => Assert.Equal(GoShop.Reviews.Domain.ReviewStatus.Published, r.Status));
        Assert.Contains(reviews, r => r.Body!.Contains("giao nhanh"));
        Assert.Contains(reviews, r => r.Body!.Contains("Exactly as described"));
        Assert.Contains(reviews, r => r.ReplyBody is not null);
        var product = await app.Client().EntityAsync("Product", DemoIds.Product(DemoShops.All[0], 0));
        Assert.Equal(1, product.GetProperty("ratingSummary").GetProperty("count").GetInt32());
        Assert.Single(product.ReviewIds());
        var announced = await app.OutboxAsync("RatingSummaryChanged");
        Assert.Equal(reviews.Count, announced.Count(e => reviews.Any(r => r.SubjectId == e.GetProperty("subjectId").GetGuid())));
    }

    private async Task SeedAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            await seeder.SeedAsync(CancellationToken.None);
    }
}
