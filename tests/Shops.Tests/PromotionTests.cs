using System.Text.Json;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Tests;

public sealed class PromotionTests(ShopsApp app) : IClassFixture<ShopsApp>
{
    [Fact]
    public async Task Create_promotion_keeps_every_term_and_is_active_unless_told_otherwise()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Khuyến Mãi {ShopMutationTests.Unique()}"));

        var promotion = await seller.CreatePromotionAsync(Operations.PromotionInput(shopId, app.Clock.GetUtcNow(), "Sale10"));

        Assert.Equal("ACTIVE", promotion.Text("status"));
        Assert.Equal("Sale10", promotion.Text("couponCode"));
        Assert.Equal("PERCENTAGE", promotion.Text("type"));
        Assert.Equal(10m, promotion.GetProperty("value").GetDecimal());
        Assert.Equal(100_000m, promotion.GetProperty("minOrderValue").GetProperty("amount").GetDecimal());
        Assert.Equal("VND", promotion.GetProperty("minOrderValue").Text("currency"));
        Assert.Equal(50_000m, promotion.GetProperty("maxDiscount").GetProperty("amount").GetDecimal());
        Assert.Equal(100, promotion.GetProperty("usageLimit").GetInt32());
        Assert.Equal(2, promotion.GetProperty("usageLimitPerUser").GetInt32());
        Assert.Equal(0, promotion.GetProperty("usageCount").GetInt32());
        Assert.Equal("WHOLE_SHOP", promotion.Text("scope"));
        Assert.Equal(shopId, promotion.GetProperty("shop").Id());
        Assert.Equal(JsonValueKind.Null, promotion.GetProperty("campaign").ValueKind);
    }

    [Fact]
    public async Task A_coupon_code_is_unique_in_its_shop_whatever_the_letter_case()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Mã Giảm {ShopMutationTests.Unique()}"));
        var otherShopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Mã Giảm {ShopMutationTests.Unique()}"));
        var now = app.Clock.GetUtcNow();
        var first = await seller.CreatePromotionAsync(Operations.PromotionInput(shopId, now, "GoShop10"));
        var second = await seller.CreatePromotionAsync(Operations.PromotionInput(shopId, now, "OTHER"));

        var duplicate = await seller.Client.MutateAsync(Operations.CreatePromotion, new { input = Operations.PromotionInput(shopId, now, "goshop10") });
        var renamed = await seller.Client.MutateAsync(Operations.UpdatePromotion, new { input = new { promotionId = second.Id(), couponCode = "GOSHOP10" } });
        var elsewhere = await seller.Client.MutateAsync(Operations.CreatePromotion, new { input = Operations.PromotionInput(otherShopId, now, "goshop10") });

        Assert.Equal(["COUPON_CODE_TAKEN"], duplicate.UserErrorCodes());
        Assert.Equal(["couponCode"], duplicate.ErrorFields());
        Assert.Equal(["COUPON_CODE_TAKEN"], renamed.UserErrorCodes());
        elsewhere.Succeeded();
        Assert.Equal(2, await app.InDatabaseAsync(db => db.Promotions.CountAsync(p => p.ShopId == shopId)));
        Assert.Equal("OTHER", await app.InDatabaseAsync(db => db.Promotions.Where(p => p.Id == second.Id()).Select(p => p.CouponCode).SingleAsync()));

        (await seller.Client.MutateAsync(Operations.DeletePromotion, new { input = new { promotionId = first.Id() } })).Succeeded();
        var reused = await seller.Client.MutateAsync(Operations.CreatePromotion, new { input = Operations.PromotionInput(shopId, now, "GOSHOP10") });
        reused.Succeeded();
    }

    public static TheoryData<string, object?, string, string> BadTerms => new()
    {
        { "value", 0, "INVALID_VALUE", "value" },
        { "value", 101, "INVALID_VALUE", "value" },
        { "minOrderValue", -1, "INVALID_MIN_ORDER_VALUE", "minOrderValue" },
        { "maxDiscount", 0, "INVALID_MAX_DISCOUNT", "maxDiscount" },
        { "usageLimit", 0, "INVALID_USAGE_LIMIT", "usageLimit" },
        { "usageLimitPerUser", 101, "INVALID_USAGE_LIMIT", "usageLimitPerUser" },
        { "couponCode", "NO SPACES", "INVALID_COUPON_CODE", "couponCode" },
        { "couponCode", "AB", "INVALID_COUPON_CODE", "couponCode" },
        { "name", " ", "REQUIRED", "name" },
        { "status", "EXPIRED", "INVALID_STATUS", "status" },
        { "productIds", new[] { Guid.CreateVersion7() }, "PRODUCTS_NOT_ALLOWED", "productIds" },
        { "scope", "PRODUCTS", "PRODUCTS_REQUIRED", "productIds" },
    };

    [Theory]
    [MemberData(nameof(BadTerms))]
    public async Task Create_promotion_refuses_bad_terms_and_writes_nothing(string field, object? value, string code, string errorField)
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Sai {ShopMutationTests.Unique()}"));

        var payload = await seller.Client.MutateAsync(Operations.CreatePromotion,
            new { input = Operations.PromotionInput(shopId, app.Clock.GetUtcNow()).With((field, value)) });

        Assert.Equal([code], payload.UserErrorCodes());
        Assert.Equal([errorField], payload.ErrorFields());
        Assert.False(await app.InDatabaseAsync(db => db.Promotions.AnyAsync(p => p.ShopId == shopId)));
    }

    [Fact]
    public async Task A_promotion_must_start_before_it_ends_and_end_in_the_future()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Thời Gian {ShopMutationTests.Unique()}"));
        var now = app.Clock.GetUtcNow();

        var reversed = await seller.Client.MutateAsync(Operations.CreatePromotion,
            new { input = Operations.PromotionInput(shopId, now).With(("startsAt", now.AddDays(2)), ("endsAt", now.AddDays(1))) });
        var past = await seller.Client.MutateAsync(Operations.CreatePromotion,
            new { input = Operations.PromotionInput(shopId, now).With(("startsAt", now.AddDays(-2)), ("endsAt", now.AddDays(-1))) });

        Assert.Equal(["INVALID_WINDOW"], reversed.UserErrorCodes());
        Assert.Equal(["INVALID_WINDOW"], past.UserErrorCodes());
        Assert.Equal(["endsAt"], past.ErrorFields());
        Assert.False(await app.InDatabaseAsync(db => db.Promotions.AnyAsync(p => p.ShopId == shopId)));
    }

    [Fact]
    public async Task Only_the_shop_owner_or_an_admin_manages_its_promotions()
    {
        var owner = app.NewUser();
        var stranger = app.NewUser();
        var shopId = await owner.CreateShopIdAsync(Operations.ShopInput($"Riêng {ShopMutationTests.Unique()}"));
        var now = app.Clock.GetUtcNow();
        var promotionId = (await owner.CreatePromotionAsync(Operations.PromotionInput(shopId, now, null))).Id();

        var create = await stranger.Client.MutateAsync(Operations.CreatePromotion, new { input = Operations.PromotionInput(shopId, now, "MINE") });
        var update = await stranger.Client.MutateAsync(Operations.UpdatePromotion, new { input = new { promotionId, value = 99 } });
        var delete = await stranger.Client.MutateAsync(Operations.DeletePromotion, new { input = new { promotionId } });
        var anonymous = await app.Client().SendAsync(Operations.DeletePromotion, new { input = new { promotionId } });
        var byAdmin = await app.NewAdmin().Client.MutateAsync(Operations.UpdatePromotion, new { input = new { promotionId, value = 15 } });

        Assert.Equal(["FORBIDDEN"], create.UserErrorCodes());
        Assert.Equal(["FORBIDDEN"], update.UserErrorCodes());
        Assert.Equal(["promotionId"], update.ErrorFields());
        Assert.Equal(["FORBIDDEN"], delete.UserErrorCodes());
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(15m, byAdmin.Succeeded().GetProperty("promotion").GetProperty("value").GetDecimal());
        var stored = await app.InDatabaseAsync(db => db.Promotions.AsNoTracking().Where(p => p.ShopId == shopId).ToListAsync());
        Assert.Equal(promotionId, Assert.Single(stored).Id);
        Assert.Null(stored[0].DeletedAt);
    }

    [Fact]
    public async Task Update_promotion_changes_what_is_sent_removes_named_limits_and_guards_its_status()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Cập Nhật {ShopMutationTests.Unique()}"));
        var promotionId = (await seller.CreatePromotionAsync(Operations.PromotionInput(shopId, app.Clock.GetUtcNow()))).Id();

        var changed = (await seller.Client.MutateAsync(Operations.UpdatePromotion, new
        {
            input = new { promotionId, type = "FIXED_AMOUNT", value = 30_000, removeLimits = new[] { "MAX_DISCOUNT", "USAGE_LIMIT" }, status = "PAUSED" },
        })).Succeeded().GetProperty("promotion");
        var toDraft = await seller.Client.MutateAsync(Operations.UpdatePromotion, new { input = new { promotionId, status = "DRAFT" } });
        var resumed = await seller.Client.MutateAsync(Operations.UpdatePromotion, new { input = new { promotionId, status = "ACTIVE" } });
        var badLimit = await seller.Client.MutateAsync(Operations.UpdatePromotion, new { input = new { promotionId, usageLimitPerUser = 0 } });

        Assert.Equal("FIXED_AMOUNT", changed.Text("type"));
        Assert.Equal(30_000m, changed.GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("maxDiscount").ValueKind);
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("usageLimit").ValueKind);
        Assert.Equal(2, changed.GetProperty("usageLimitPerUser").GetInt32());
        Assert.Equal(100_000m, changed.GetProperty("minOrderValue").GetProperty("amount").GetDecimal());
        Assert.Equal("PAUSED", changed.Text("status"));
        Assert.Equal(["INVALID_TRANSITION"], toDraft.UserErrorCodes());
        Assert.Equal("ACTIVE", resumed.Succeeded().GetProperty("promotion").Text("status"));
        Assert.Equal(["INVALID_USAGE_LIMIT"], badLimit.UserErrorCodes());
        Assert.Equal(2, await app.InDatabaseAsync(db => db.Promotions.Where(p => p.Id == promotionId).Select(p => p.UsageLimitPerUser).SingleAsync()));
    }

    [Fact]
    public async Task A_promotion_past_its_end_reads_as_expired_and_cannot_change()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Hết Hạn {ShopMutationTests.Unique()}"));
        var now = app.Clock.GetUtcNow();
        var promotionId = (await seller.CreatePromotionAsync(Operations.PromotionInput(shopId, now, null).With(("endsAt", now.AddMinutes(1))))).Id();

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var update = await seller.Client.MutateAsync(Operations.UpdatePromotion, new { input = new { promotionId, name = "Gia hạn" } });
        var listed = (await seller.Client.SendAsync(Operations.ShopPromotions, new { id = shopId, status = "EXPIRED" })).EnsureNoErrors();
        var buyerView = (await app.Client().SendAsync(Operations.ShopPromotions, new { id = shopId })).EnsureNoErrors();

        Assert.Equal(["PROMOTION_EXPIRED"], update.UserErrorCodes());
        var expired = Assert.Single(listed.Get("shop.promotions.edges").EnumerateArray()).GetProperty("node");
        Assert.Equal("EXPIRED", expired.Text("status"));
        Assert.Equal(0, buyerView.Get("shop.promotions.totalCount").GetInt32());
    }

    [Fact]
    public async Task Buyers_see_only_active_promotions_and_the_owner_sees_all_but_deleted_ones()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Danh Sách {ShopMutationTests.Unique()}"));
        var now = app.Clock.GetUtcNow();
        var active = (await seller.CreatePromotionAsync(Operations.PromotionInput(shopId, now, "LIVE1"))).Id();
        var draft = (await seller.CreatePromotionAsync(Operations.PromotionInput(shopId, now, "DRAFT1").With(("status", "DRAFT")))).Id();
        var deleted = (await seller.CreatePromotionAsync(Operations.PromotionInput(shopId, now, "GONE1"))).Id();
        (await seller.Client.MutateAsync(Operations.DeletePromotion, new { input = new { promotionId = deleted } })).Succeeded();

        var asBuyer = (await app.NewUser().Client.SendAsync(Operations.ShopPromotions, new { id = shopId })).EnsureNoErrors();
        var asOwner = (await seller.Client.SendAsync(Operations.ShopPromotions, new { id = shopId })).EnsureNoErrors();
        var drafts = (await seller.Client.SendAsync(Operations.ShopPromotions, new { id = shopId, status = "DRAFT" })).EnsureNoErrors();
        var deleteAgain = await seller.Client.MutateAsync(Operations.DeletePromotion, new { input = new { promotionId = deleted } });

        Assert.Equal([active], Ids(asBuyer));
        Assert.Equal([draft, active], Ids(asOwner));
        Assert.Equal([draft], Ids(drafts));
        Assert.Equal(["PROMOTION_NOT_FOUND"], deleteAgain.UserErrorCodes());
    }

    private static List<Guid> Ids(GraphQLResponse response) =>
        response.Get("shop.promotions.edges").EnumerateArray().Select(e => e.GetProperty("node").Id()).ToList();
}
