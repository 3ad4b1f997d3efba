using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Tests;

public sealed class CampaignTests(ShopsApp app) : IClassFixture<ShopsApp>
{
    [Fact]
    public async Task Create_campaign_groups_promotions_of_the_shop_and_follows_its_schedule()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Chiến Dịch {ShopMutationTests.Unique()}"));
        var now = app.Clock.GetUtcNow();
        var promotionId = (await seller.CreatePromotionAsync(Operations.PromotionInput(shopId, now, "SALE99"))).Id();

        var running = await CreateAsync(seller, shopId, now.AddHours(-1), now.AddDays(3), promotionId);
        var scheduled = await CreateAsync(seller, shopId, now.AddDays(1), now.AddDays(3));

        Assert.Equal("RUNNING", running.GetProperty("campaign").Text("status"));
        Assert.Equal([promotionId], running.GetProperty("campaign").GetProperty("promotions").EnumerateArray().Select(p => p.Id()));
        Assert.Equal("SCHEDULED", scheduled.GetProperty("campaign").Text("status"));
        var stored = await app.InDatabaseAsync(db => db.Promotions.AsNoTracking().SingleAsync(p => p.Id == promotionId));
        Assert.Equal(running.GetProperty("campaign").Id(), stored.CampaignId);
        var buyerView = (await app.Client().SendAsync(Operations.ShopCampaigns, new { id = shopId })).EnsureNoErrors();
        Assert.Equal(1, buyerView.Get("shop.campaigns.totalCount").GetInt32());
        var ownerView = (await seller.Client.SendAsync(Operations.ShopCampaigns, new { id = shopId, status = "SCHEDULED" })).EnsureNoErrors();
        Assert.Equal(scheduled.GetProperty("campaign").Id(), ownerView.Get("shop.campaigns.edges.0.node").Id());
    }

    [Fact]
    public async Task Create_campaign_refuses_bad_input_and_writes_nothing()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Sai Lịch {ShopMutationTests.Unique()}"));
        var otherShopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Khác {ShopMutationTests.Unique()}"));
        var now = app.Clock.GetUtcNow();
        var foreignPromotion = (await seller.CreatePromotionAsync(Operations.PromotionInput(otherShopId, now, null))).Id();

        var reversed = await CreateAsync(seller, shopId, now.AddDays(2), now.AddDays(1));
        var over = await CreateAsync(seller, shopId, now.AddDays(-3), now.AddDays(-1));
        var foreign = await CreateAsync(seller, shopId, now, now.AddDays(1), foreignPromotion);
        var unnamed = await seller.Client.MutateAsync(Operations.CreateCampaign,
            new { input = new { shopId, name = "", startsAt = now, endsAt = now.AddDays(1) } });
        var stranger = await CreateAsync(app.NewUser(), shopId, now, now.AddDays(1));

        Assert.Equal(["INVALID_WINDOW"], reversed.UserErrorCodes());
        Assert.Equal(["INVALID_WINDOW"], over.UserErrorCodes());
        Assert.Equal(["PROMOTION_NOT_FOUND"], foreign.UserErrorCodes());
        Assert.Equal(["promotionIds"], foreign.ErrorFields());
        Assert.Equal(["REQUIRED"], unnamed.UserErrorCodes());
        Assert.Equal(["FORBIDDEN"], stranger.UserErrorCodes());
        Assert.False(await app.InDatabaseAsync(db => db.Campaigns.AnyAsync(c => c.ShopId == shopId)));
        Assert.Null(await app.InDatabaseAsync(db => db.Promotions.Where(p => p.Id == foreignPromotion).Select(p => p.CampaignId).SingleAsync()));
    }

    [Fact]
    public async Task Campaign_status_moves_only_along_its_guarded_transitions()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Trạng Thái {ShopMutationTests.Unique()}"));
        var now = app.Clock.GetUtcNow();
        var campaignId = (await CreateAsync(seller, shopId, now.AddDays(1), now.AddDays(5))).GetProperty("campaign").Id();

        var asScheduled = await SetAsync(seller, campaignId, "SCHEDULED");
        var started = await SetAsync(seller, campaignId, "RUNNING");
        var runTwice = await SetAsync(seller, campaignId, "RUNNING");
        var paused = await SetAsync(seller, campaignId, "PAUSED");
        var pauseTwice = await SetAsync(seller, campaignId, "PAUSED");
        var byStranger = await SetAsync(app.NewUser(), campaignId, "ENDED");
        var resumed = await SetAsync(seller, campaignId, "RUNNING");
        var ended = await SetAsync(seller, campaignId, "ENDED");
        var afterEnd = await SetAsync(seller, campaignId, "RUNNING");
        var unknown = await SetAsync(seller, Guid.CreateVersion7(), "PAUSED");

        Assert.Equal(["INVALID_TRANSITION"], asScheduled.UserErrorCodes());
        Assert.Equal("RUNNING", started.Succeeded().GetProperty("campaign").Text("status"));
        Assert.Equal(now, started.GetProperty("campaign").GetProperty("startsAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(["INVALID_TRANSITION"], runTwice.UserErrorCodes());
        Assert.Equal("PAUSED", paused.Succeeded().GetProperty("campaign").Text("status"));
        Assert.Equal(["INVALID_TRANSITION"], pauseTwice.UserErrorCodes());
        Assert.Equal(["FORBIDDEN"], byStranger.UserErrorCodes());
        Assert.Equal("RUNNING", resumed.Succeeded().GetProperty("campaign").Text("status"));
        Assert.Equal("ENDED", ended.Succeeded().GetProperty("campaign").Text("status"));
        Assert.Equal(["CAMPAIGN_ENDED"], afterEnd.UserErrorCodes());
        Assert.Equal(["CAMPAIGN_NOT_FOUND"], unknown.UserErrorCodes());
        var stored = await app.InDatabaseAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId));
        Assert.NotNull(stored.EndedAt);
    }

    private static async Task<System.Text.Json.JsonElement> CreateAsync(
        Person seller, Guid shopId, DateTimeOffset startsAt, DateTimeOffset endsAt, params Guid[] promotionIds) =>
        await seller.Client.MutateAsync(Operations.CreateCampaign,
            new { input = new { shopId, name = "Siêu Sale 9.9", startsAt, endsAt, promotionIds } });

    private static Task<System.Text.Json.JsonElement> SetAsync(Person seller, Guid campaignId, string status) =>
        seller.Client.MutateAsync(Operations.SetCampaignStatus, new { input = new { campaignId, status } });
}
