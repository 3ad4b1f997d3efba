using System.Net;
using System.Net.Http.Json;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Shops;
using GoShop.Shops.Domain;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Shops.Tests;

/// <summary>The internal coupon API as cart and ordering use it, through <see cref="CouponClient"/>.</summary>
public sealed class CouponApiTests(ShopsApp app) : IClassFixture<ShopsApp>
{
    private static CouponMoney Vnd(decimal amount) => new(amount, "VND");

    [Fact]
    public async Task A_percentage_coupon_takes_its_share_up_to_the_maximum_discount_whatever_the_letter_case()
    {
        var (shopId, promotionId) = await ShopWithPromotionAsync();

        var small = await QuoteAsync(shopId, "sale10", 200_000);
        var large = await QuoteAsync(shopId, " SALE10 ", 2_000_000);

        Assert.True(small.Applicable);
        Assert.Equal(promotionId, small.PromotionId);
        Assert.Equal("SALE10", small.Code);
        Assert.Equal(Vnd(20_000), small.Discount);
        Assert.Equal(Vnd(50_000), large.Discount);
    }

    [Fact]
    public async Task A_fixed_coupon_never_takes_more_than_the_eligible_amount_and_rounds_down_to_whole_dong()
    {
        var (shopId, _) = await ShopWithPromotionAsync(p => p.With(("type", "FIXED_AMOUNT"), ("value", 80_000), ("minOrderValue", null), ("maxDiscount", null)));
        var (percentShopId, _) = await ShopWithPromotionAsync(p => p.With(("value", 12.5), ("minOrderValue", null), ("maxDiscount", null)));

        Assert.Equal(Vnd(80_000), (await QuoteAsync(shopId, "SALE10", 300_000)).Discount);
        Assert.Equal(Vnd(50_000), (await QuoteAsync(shopId, "SALE10", 50_000)).Discount);
        Assert.Equal(Vnd(12_345), (await QuoteAsync(percentShopId, "SALE10", 98_765)).Discount);
    }

    [Fact]
    public async Task A_coupon_on_chosen_products_discounts_only_their_lines()
    {
        var covered = Guid.CreateVersion7();
        var (shopId, _) = await ShopWithPromotionAsync(p => p.With(("scope", "PRODUCTS"), ("productIds", new[] { covered }), ("minOrderValue", null)));

        var mixed = await app.Coupons().QuoteAsync(new CouponQuoteRequest(shopId, "SALE10", Guid.CreateVersion7(), Vnd(500_000),
            [new CouponLine(covered, 200_000), new CouponLine(Guid.CreateVersion7(), 300_000)]), CancellationToken.None);
        var none = await app.Coupons().QuoteAsync(new CouponQuoteRequest(shopId, "SALE10", Guid.CreateVersion7(), Vnd(500_000),
            [new CouponLine(Guid.CreateVersion7(), 500_000)]), CancellationToken.None);

        Assert.Equal(Vnd(20_000), mixed.Discount);
        Assert.False(none.Applicable);
        Assert.Equal(CouponRejections.NotApplicable, none.Reason);
    }

    [Fact]
    public async Task A_coupon_that_does_not_apply_says_why()
    {
        var seller = app.NewUser();
        var (shopId, _) = await ShopWithPromotionAsync(owner: seller);
        var now = app.Clock.GetUtcNow();
        await seller.CreatePromotionAsync(Operations.PromotionInput(shopId, now, "LATER").With(("startsAt", now.AddDays(1))));
        await seller.CreatePromotionAsync(Operations.PromotionInput(shopId, now, "DRAFTY").With(("status", "DRAFT")));
        var (suspendedShopId, _) = await ShopWithPromotionAsync();
        (await app.NewAdmin().Client.MutateAsync(Operations.SetShopStatus, new { input = new { shopId = suspendedShopId, status = "SUSPENDED" } })).Succeeded();

        Assert.Equal(CouponRejections.NotFound, (await QuoteAsync(shopId, "NOPE", 500_000)).Reason);
        Assert.Equal(CouponRejections.NotFound, (await QuoteAsync(Guid.CreateVersion7(), "SALE10", 500_000)).Reason);
        Assert.Equal(CouponRejections.MinOrderNotMet, (await QuoteAsync(shopId, "SALE10", 99_999)).Reason);
        Assert.Equal(CouponRejections.NotActive, (await QuoteAsync(shopId, "LATER", 500_000)).Reason);
        Assert.Equal(CouponRejections.NotActive, (await QuoteAsync(shopId, "DRAFTY", 500_000)).Reason);
        Assert.Equal(CouponRejections.NotActive, (await QuoteAsync(suspendedShopId, "SALE10", 500_000)).Reason);
        var rejected = await QuoteAsync(shopId, "SALE10", 99_999);
        Assert.False(rejected.Applicable);
        Assert.Null(rejected.Discount);
        Assert.False(string.IsNullOrEmpty(rejected.Message));
    }

    [Fact]
    public async Task A_coupon_past_its_end_is_expired()
    {
        var (shopId, _) = await ShopWithPromotionAsync(p => p.With(("endsAt", app.Clock.GetUtcNow().AddMinutes(1))));

        var before = await QuoteAsync(shopId, "SALE10", 500_000);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await QuoteAsync(shopId, "SALE10", 500_000);

        Assert.True(before.Applicable);
        Assert.Equal(CouponRejections.Expired, after.Reason);
    }

    [Fact]
    public async Task A_coupon_of_a_campaign_applies_only_while_the_campaign_runs()
    {
        var seller = app.NewUser();
        var (shopId, promotionId) = await ShopWithPromotionAsync(owner: seller);
        var now = app.Clock.GetUtcNow();
        var campaign = (await seller.Client.MutateAsync(Operations.CreateCampaign,
            new { input = new { shopId, name = "Flash", startsAt = now.AddHours(-1), endsAt = now.AddDays(1), promotionIds = new[] { promotionId } } }))
            .Succeeded().GetProperty("campaign").Id();

        var whileRunning = await QuoteAsync(shopId, "SALE10", 500_000);
        (await seller.Client.MutateAsync(Operations.SetCampaignStatus, new { input = new { campaignId = campaign, status = "PAUSED" } })).Succeeded();
        var whilePaused = await QuoteAsync(shopId, "SALE10", 500_000);

        Assert.True(whileRunning.Applicable);
        Assert.Equal(CouponRejections.NotActive, whilePaused.Reason);
    }

    [Fact]
    public async Task Redeeming_twice_for_one_order_counts_once_and_answers_the_same_redemption()
    {
        var (shopId, promotionId) = await ShopWithPromotionAsync();
        var buyer = Guid.CreateVersion7();
        var order = Guid.CreateVersion7();

        var first = await RedeemAsync(shopId, buyer, order, 300_000);
        var again = await RedeemAsync(shopId, buyer, order, 300_000);

        Assert.True(first.Redeemed);
        Assert.Equal(Vnd(30_000), first.Quote.Discount);
        Assert.Equal(first.RedemptionId, again.RedemptionId);
        Assert.True(again.Redeemed);
        Assert.Equal(1, (await StoredPromotionAsync(promotionId)).RedemptionCount);
        Assert.Equal(1, await app.InDatabaseAsync(db => db.PromotionRedemptions.CountAsync(r => r.PromotionId == promotionId)));
    }

    [Fact]
    public async Task A_cancelled_order_gives_its_coupon_use_back_once()
    {
        await app.Factory.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var (shopId, promotionId) = await ShopWithPromotionAsync();
        var buyer = Guid.CreateVersion7();
        var order = TestOrders.Snapshot(buyer, shopId) with { Status = "CANCELLED" };
        Assert.True((await RedeemAsync(shopId, buyer, order.OrderId, 300_000)).Redeemed);
        Assert.Equal(1, (await StoredPromotionAsync(promotionId)).RedemptionCount);

        var cancelled = new OrderCancelled(order, new OrderActor("BUYER", buyer, "Changed my mind"), "PENDING", DateTimeOffset.UtcNow);
        var bus = app.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(cancelled);
        await bus.Publish(cancelled);
        await Eventually.HoldsAsync(async () => (await StoredPromotionAsync(promotionId)).RedemptionCount == 0, "OrderCancelled to give the coupon use back");
        await Task.Delay(300);

        Assert.Equal(0, (await StoredPromotionAsync(promotionId)).RedemptionCount);
        Assert.True((await RedeemAsync(shopId, buyer, Guid.CreateVersion7(), 300_000)).Redeemed);
    }

    [Fact]
    public async Task Parallel_redemptions_never_exceed_the_total_usage_limit()
    {
        var (shopId, promotionId) = await ShopWithPromotionAsync(p => p.With(("usageLimit", 5), ("usageLimitPerUser", null)));

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => RedeemAsync(shopId, Guid.CreateVersion7(), Guid.CreateVersion7(), 300_000)));

        Assert.Equal(5, results.Count(r => r.Redeemed));
        Assert.All(results.Where(r => !r.Redeemed), r => Assert.Equal(CouponRejections.UsageLimitReached, r.Quote.Reason));
        Assert.Equal(5, (await StoredPromotionAsync(promotionId)).RedemptionCount);
        Assert.Equal(5, await app.InDatabaseAsync(db => db.PromotionRedemptions.CountAsync(r => r.PromotionId == promotionId)));
    }

    [Fact]
    public async Task Parallel_redemptions_of_one_buyer_never_exceed_the_per_user_limit()
    {
        var (shopId, promotionId) = await ShopWithPromotionAsync(p => p.With(("usageLimit", null), ("usageLimitPerUser", 2)));
        var buyer = Guid.CreateVersion7();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => RedeemAsync(shopId, buyer, Guid.CreateVersion7(), 300_000)));
        var someoneElse = await RedeemAsync(shopId, Guid.CreateVersion7(), Guid.CreateVersion7(), 300_000);

        Assert.Equal(2, results.Count(r => r.Redeemed));
        Assert.All(results.Where(r => !r.Redeemed), r => Assert.Equal(CouponRejections.PerUserLimitReached, r.Quote.Reason));
        Assert.True(someoneElse.Redeemed);
        Assert.Equal(2, await app.InDatabaseAsync(db => db.PromotionRedemptions.CountAsync(r => r.PromotionId == promotionId && r.UserId == buyer)));
    }

    [Fact]
    public async Task Parallel_redemptions_for_one_order_record_exactly_one_use()
    {
        var (shopId, promotionId) = await ShopWithPromotionAsync();
        var buyer = Guid.CreateVersion7();
        var order = Guid.CreateVersion7();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => RedeemAsync(shopId, buyer, order, 300_000)));

        Assert.All(results, r => Assert.True(r.Redeemed));
        Assert.Single(results.Select(r => r.RedemptionId).Distinct());
        Assert.Equal(1, (await StoredPromotionAsync(promotionId)).RedemptionCount);
    }

    [Fact]
    public async Task Releasing_an_order_gives_its_use_back_once()
    {
        var (shopId, promotionId) = await ShopWithPromotionAsync(p => p.With(("usageLimit", 1), ("usageLimitPerUser", null)));
        var cancelledOrder = Guid.CreateVersion7();
        Assert.True((await RedeemAsync(shopId, Guid.CreateVersion7(), cancelledOrder, 300_000)).Redeemed);
        var whileUsedUp = await RedeemAsync(shopId, Guid.CreateVersion7(), Guid.CreateVersion7(), 300_000);

        var released = await app.Coupons().ReleaseAsync(new CouponReleaseRequest(cancelledOrder), CancellationToken.None);
        var releasedAgain = await app.Coupons().ReleaseAsync(new CouponReleaseRequest(cancelledOrder, promotionId), CancellationToken.None);
        var afterRelease = await RedeemAsync(shopId, Guid.CreateVersion7(), Guid.CreateVersion7(), 300_000);
        var sameOrderAgain = await RedeemAsync(shopId, Guid.CreateVersion7(), cancelledOrder, 300_000);

        Assert.Equal(CouponRejections.UsageLimitReached, whileUsedUp.Quote.Reason);
        Assert.Equal(1, released.Released);
        Assert.Equal(0, releasedAgain.Released);
        Assert.True(afterRelease.Redeemed);
        Assert.Equal(CouponRejections.AlreadyReleased, sameOrderAgain.Quote.Reason);
        Assert.Equal(1, (await StoredPromotionAsync(promotionId)).RedemptionCount);
    }

    [Fact]
    public async Task The_coupon_api_needs_the_internal_key_and_a_well_formed_request()
    {
        var withoutKey = await app.Factory.CreateClient().PostAsJsonAsync("/internal/coupons/quote",
            new CouponQuoteRequest(Guid.CreateVersion7(), "SALE10", Guid.CreateVersion7(), Vnd(1), []));
        var keyed = app.Factory.CreateClient();
        keyed.DefaultRequestHeaders.Add(BuildingBlocks.Internal.InternalApiOptions.KeyHeader, BuildingBlocks.Internal.InternalApiOptions.DevelopmentKey);
        var malformed = await keyed.PostAsJsonAsync("/internal/coupons/redemptions", new { shopId = Guid.CreateVersion7(), code = " ", subtotal = new { amount = -1, currency = "VND" } });

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var problems = await malformed.Content.ReadAsStringAsync();
        Assert.Contains("code", problems, StringComparison.Ordinal);
        Assert.Contains("subtotal", problems, StringComparison.Ordinal);
        Assert.Contains("lines", problems, StringComparison.Ordinal);
    }

    /// <summary>A fresh shop with one promotion, coupon code SALE10 (10% off, at most 50,000 VND, from 100,000 VND).</summary>
    private async Task<(Guid ShopId, Guid PromotionId)> ShopWithPromotionAsync(
        Func<Dictionary<string, object?>, Dictionary<string, object?>>? change = null, Person? owner = null)
    {
        var seller = owner ?? app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Phiếu {ShopMutationTests.Unique()}"));
        var input = Operations.PromotionInput(shopId, app.Clock.GetUtcNow(), "SALE10");
        var promotion = await seller.CreatePromotionAsync(change is null ? input : change(input));
        return (shopId, promotion.Id());
    }

    private Task<CouponQuote> QuoteAsync(Guid shopId, string code, decimal subtotal) =>
        app.Coupons().QuoteAsync(new CouponQuoteRequest(shopId, code, Guid.CreateVersion7(), Vnd(subtotal), []), CancellationToken.None);

    private Task<CouponRedemption> RedeemAsync(Guid shopId, Guid buyer, Guid order, decimal subtotal) =>
        app.Coupons().RedeemAsync(new CouponRedemptionRequest(shopId, "SALE10", buyer, order, Vnd(subtotal), []), CancellationToken.None);

    private Task<Promotion> StoredPromotionAsync(Guid id) => app.InDatabaseAsync(db => db.Promotions.AsNoTracking().SingleAsync(p => p.Id == id));
}
