using GoShop.Contracts.Identity;
using GoShop.Contracts.Search;
using GoShop.Search.Behaviour;
using GoShop.Search.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Tests;

/// <summary>What buyers do: views (recently viewed, batches for analytics), searches (recent, popular), clicks; and forgetting a deleted account.</summary>
public sealed class BehaviourTests(SearchApp app) : IClassFixture<SearchApp>
{
    [Fact]
    public async Task Viewed_products_show_in_recently_viewed_latest_first_each_once()
    {
        var shop = await app.ShopAsync();
        var first = await app.ListAsync(shop, "Bàn phím cơ " + Unique(), 800_000);
        var second = await app.ListAsync(shop, "Chuột không dây " + Unique(), 300_000);
        var buyer = app.SignIn();

        foreach (var product in new[] { first, second, first })
        {
            (await buyer.Client.MutateAsync(Operations.TrackView, new { input = new { productId = product.ProductId } })).Succeeded();
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var viewed = (await buyer.Client.SendAsync(Operations.RecentlyViewed, new { first = 10 })).EnsureNoErrors();
        Assert.Equal([first.ProductId.ToString(), second.ProductId.ToString()], viewed.Get("recentlyViewed").EnumerateArray().Select(p => p.Get("id").GetString()));
        Assert.Equal(["UNAUTHENTICATED"], (await app.Anonymous().SendAsync(Operations.RecentlyViewed)).ErrorCodes);
    }

    [Fact]
    public async Task A_view_of_an_unknown_product_or_with_a_too_long_visitor_id_is_refused_and_nothing_is_recorded()
    {
        var shop = await app.ShopAsync();
        var product = await app.ListAsync(shop, "Đèn ngủ " + Unique(), 200_000);
        var before = await app.InDatabaseAsync(db => db.ProductViews.CountAsync());

        var unknown = await app.Anonymous().MutateAsync(Operations.TrackView, new { input = new { productId = Guid.NewGuid() } });
        var tooLong = await app.Anonymous().MutateAsync(Operations.TrackView, new { input = new { productId = product.ProductId, visitorId = new string('v', 101) } });

        Assert.Equal(["PRODUCT_NOT_FOUND"], unknown.UserErrorCodes());
        Assert.Equal(["TOO_LONG"], tooLong.UserErrorCodes());
        Assert.Equal(before, await app.InDatabaseAsync(db => db.ProductViews.CountAsync()));
    }

    [Fact]
    public async Task Views_leave_for_analytics_in_batches_once_each()
    {
        var shop = await app.ShopAsync();
        var product = await app.ListAsync(shop, "Bút bi " + Unique(), 5_000);
        await app.Service<ViewPublisher>().PublishBatchAsync(CancellationToken.None);
        var buyer = app.SignIn();

        (await buyer.Client.MutateAsync(Operations.TrackView, new { input = new { productId = product.ProductId } })).Succeeded();
        (await app.Anonymous().MutateAsync(Operations.TrackView, new { input = new { productId = product.ProductId, visitorId = "visitor-1" } })).Succeeded();
        var published = await app.Service<ViewPublisher>().PublishBatchAsync(CancellationToken.None);
        var again = await app.Service<ViewPublisher>().PublishBatchAsync(CancellationToken.None);

        Assert.Equal((2, 0), (published, again));
        var batch = (await app.PublishedAsync<ProductViewsRecorded>())[^1];
        Assert.Equal([(buyer.Id, (string?)null), (null, "visitor-1")], batch.Views.Select(v => (v.UserId, v.VisitorId)));
        Assert.All(batch.Views, v => Assert.Equal((product.ProductId, shop.ShopId), (v.ProductId, v.ShopId)));
    }

    [Fact]
    public async Task Searches_show_in_recent_searches_once_per_wording_and_can_be_cleared()
    {
        var buyer = app.SignIn();
        foreach (var query in new[] { "Điện thoại", "tai nghe", "dien  thoai" })
        {
            (await buyer.Client.MutateAsync(Operations.TrackSearch, new { input = new { query, resultCount = 3 } })).Succeeded();
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var recent = (await buyer.Client.SendAsync(Operations.RecentSearches)).EnsureNoErrors().Get("recentSearches");
        Assert.Equal(["dien  thoai", "tai nghe"], recent.EnumerateArray().Select(r => r.Get("query").GetString()));

        var one = await buyer.Client.MutateAsync(Operations.ClearRecentSearches, new { input = new { query = "TAI NGHE" } });
        Assert.Equal(1, one.Get("deletedCount").GetInt32());
        var all = await buyer.Client.MutateAsync(Operations.ClearRecentSearches, new { input = new { } });
        Assert.Equal(1, all.Get("deletedCount").GetInt32());
        Assert.Empty((await buyer.Client.SendAsync(Operations.RecentSearches)).EnsureNoErrors().Get("recentSearches").EnumerateArray());
    }

    [Fact]
    public async Task Popular_searches_count_wordings_that_fold_the_same_as_one()
    {
        var marker = Unique();
        foreach (var query in new[] { $"Nồi {marker}", $"noi {marker}", $"NOI {marker}", $"chảo {marker}" })
            (await app.SignIn().Client.MutateAsync(Operations.TrackSearch, new { input = new { query } })).Succeeded();

        var popular = (await app.Anonymous().SendAsync(Operations.PopularSearches)).EnsureNoErrors().Get("popularSearches").EnumerateArray()
            .Where(p => p.Get("query").GetString()!.Contains(marker, StringComparison.Ordinal)).Select(p => (p.Get("query").GetString(), p.Get("count").GetInt32())).ToList();

        Assert.Equal(2, popular.Count);
        Assert.Equal(3, popular.Single(p => GoShop.Search.Index.TextFolding.Fold(p.Item1) == $"noi {marker}").Item2);
    }

    [Fact]
    public async Task A_bad_search_or_click_is_refused_and_nothing_is_recorded()
    {
        var buyer = app.SignIn();

        var blank = await buyer.Client.MutateAsync(Operations.TrackSearch, new { input = new { query = " +-*? " } });
        var tooLong = await buyer.Client.MutateAsync(Operations.TrackSearch, new { input = new { query = new string('a', 1000) } });
        var negative = await buyer.Client.MutateAsync(Operations.TrackSearch, new { input = new { query = "ok", resultCount = -1 } });
        var position = await buyer.Client.MutateAsync(Operations.TrackClick, new { input = new { productId = Guid.NewGuid(), position = -1 } });
        var unknown = await buyer.Client.MutateAsync(Operations.TrackClick, new { input = new { productId = Guid.NewGuid(), position = 0 } });

        Assert.Equal(["QUERY_REQUIRED"], blank.UserErrorCodes());
        Assert.Equal(["QUERY_TOO_LONG"], tooLong.UserErrorCodes());
        Assert.Equal(["OUT_OF_RANGE"], negative.UserErrorCodes());
        Assert.Equal(["INVALID_POSITION"], position.UserErrorCodes());
        Assert.Equal(["PRODUCT_NOT_FOUND"], unknown.UserErrorCodes());
        Assert.Equal(0, await app.InDatabaseAsync(db => db.Searches.CountAsync(s => s.UserId == buyer.Id)));
        Assert.Equal(0, await app.InDatabaseAsync(db => db.SearchClicks.CountAsync(s => s.UserId == buyer.Id)));
    }

    [Fact]
    public async Task A_deleted_account_is_forgotten()
    {
        var shop = await app.ShopAsync();
        var product = await app.ListAsync(shop, "Gương soi " + Unique(), 400_000);
        var buyer = app.SignIn();
        (await buyer.Client.MutateAsync(Operations.TrackView, new { input = new { productId = product.ProductId } })).Succeeded();
        (await buyer.Client.MutateAsync(Operations.TrackSearch, new { input = new { query = "gương" } })).Succeeded();
        (await buyer.Client.MutateAsync(Operations.CreateAlert, new { input = new { productId = product.ProductId, targetPrice = 100_000 } })).Succeeded();
        var messageId = Guid.NewGuid();

        await app.PublishAsync(new UserDeleted(buyer.Id, app.Clock.GetUtcNow()), messageId);
        await app.WaitForInboxAsync(messageId);

        Assert.Equal((0, 0, 0, 0), await app.InDatabaseAsync(async db => (
            await db.RecentSearches.CountAsync(r => r.UserId == buyer.Id), await db.PriceAlerts.CountAsync(a => a.UserId == buyer.Id),
            await db.ProductViews.CountAsync(v => v.UserId == buyer.Id), await db.Searches.CountAsync(s => s.UserId == buyer.Id))));
        Assert.True(await app.InDatabaseAsync(db => db.ProductViews.AnyAsync(v => v.ProductId == product.ProductId)));
    }

    private static string Unique() => "x" + Guid.NewGuid().ToString("N")[..8];
}
