using System.Text.Json;
using GoShop.Shops.Domain;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Tests;

public sealed class ShopMutationTests(ShopsApp app) : IClassFixture<ShopsApp>
{
    [Fact]
    public async Task Create_shop_opens_an_active_shop_of_the_caller_with_everything_it_was_given()
    {
        var seller = app.NewUser();
        var logo = app.Media.Upload(seller.Id);
        var banner = app.Media.Upload(seller.Id);

        var shop = await seller.CreateShopAsync(Operations.ShopInput($"Điện Máy {Unique()}")
            .With(("logoMediaId", logo), ("bannerMediaId", banner)));

        Assert.Equal("ACTIVE", shop.Text("status"));
        Assert.Equal(seller.Id, shop.GetProperty("owner").Id());
        Assert.Equal("Điện thoại và máy tính chính hãng.", shop.Text("description"));
        Assert.Equal("35 Hàng Bài, Hoàn Kiếm, Hà Nội", shop.Text("address"));
        Assert.Equal("Hà Nội", shop.Text("city"));
        Assert.Equal(21.0285, shop.GetProperty("location").GetProperty("lat").GetDouble(), 6);
        Assert.Equal(105.8542, shop.GetProperty("location").GetProperty("lng").GetDouble(), 6);
        Assert.Equal("+84 24 3825 1234", shop.GetProperty("contact").Text("phone"));
        Assert.Equal("shop@example.vn", shop.GetProperty("contact").Text("email"));
        Assert.Equal(logo, shop.GetProperty("logo").Id());
        Assert.Equal(banner, shop.GetProperty("banner").Id());
        Assert.Equal(["electronics", "home-appliances"], shop.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var stored = await StoredShopAsync(shop.Id());
        Assert.Equal(seller.Id, stored.OwnerId);
        Assert.Equal(4326, stored.Location.SRID);
    }

    [Fact]
    public async Task Shops_with_names_that_fold_to_one_slug_get_numbered_slugs()
    {
        var word = Unique();
        var first = await app.NewUser().CreateShopAsync(Operations.ShopInput($"Điện Máy Xanh {word}"));
        var second = await app.NewUser().CreateShopAsync(Operations.ShopInput($"ĐIỆN MÁY XANH {word}!"));
        var third = await app.NewUser().CreateShopAsync(Operations.ShopInput($"Dien  May  Xanh  {word}"));

        Assert.Equal($"dien-may-xanh-{word}", first.Text("slug"));
        Assert.Equal($"dien-may-xanh-{word}-2", second.Text("slug"));
        Assert.Equal($"dien-may-xanh-{word}-3", third.Text("slug"));
        var found = (await app.Client().SendAsync(Operations.ShopBySlug, new { slug = $"DIEN-MAY-XANH-{word}-2" })).EnsureNoErrors();
        Assert.Equal(second.Id(), found.Get("shopBySlug").Id());
    }

    [Fact]
    public async Task Create_shop_without_a_token_is_unauthenticated_and_writes_nothing()
    {
        var name = $"Anonymous {Unique()}";

        var response = await app.Client().SendAsync(Operations.CreateShop, new { input = Operations.ShopInput(name) });

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.False(await app.InDatabaseAsync(db => db.Shops.AnyAsync(s => s.Name == name)));
    }

    [Fact]
    public async Task Create_shop_lists_every_bad_field_and_writes_nothing()
    {
        var seller = app.NewUser();
        var input = Operations.ShopInput().With(
            ("name", " "), ("address", "HN"), ("email", "not-an-email"), ("phone", "12"), ("categories", new[] { "Điện tử", "ok" }),
            ("description", new string('x', 2001)));

        var payload = await seller.Client.MutateAsync(Operations.CreateShop, new { input });

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("shop").ValueKind);
        Assert.Equal(["REQUIRED", "TOO_LONG", "TOO_SHORT", "INVALID_PHONE", "INVALID_EMAIL", "INVALID_CATEGORY"], payload.UserErrorCodes());
        Assert.Equal(["name", "description", "address", "phone", "email", "categories"], payload.ErrorFields());
        await AssertNothingOwnedByAsync(seller.Id);
    }

    [Fact]
    public async Task Create_shop_refuses_a_location_off_the_globe()
    {
        var seller = app.NewUser();

        var response = await seller.Client.SendAsync(Operations.CreateShop,
            new { input = Operations.ShopInput().With(("location", new { lat = 91.0, lng = 105.8 })) });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        await AssertNothingOwnedByAsync(seller.Id);
    }

    [Fact]
    public async Task Create_shop_refuses_a_logo_that_is_unknown_someone_elses_or_not_an_image()
    {
        var seller = app.NewUser();
        var input = Operations.ShopInput().With(
            ("logoMediaId", app.Media.Upload(Guid.CreateVersion7())),
            ("bannerMediaId", app.Media.Upload(seller.Id, kind: "VIDEO")));

        var foreign = await seller.Client.MutateAsync(Operations.CreateShop, new { input });
        var unknown = await seller.Client.MutateAsync(Operations.CreateShop,
            new { input = Operations.ShopInput().With(("logoMediaId", Guid.CreateVersion7())) });

        Assert.Equal(["MEDIA_NOT_YOURS", "MEDIA_NOT_AN_IMAGE"], foreign.UserErrorCodes());
        Assert.Equal(["logoMediaId", "bannerMediaId"], foreign.ErrorFields());
        Assert.Equal(["MEDIA_NOT_FOUND"], unknown.UserErrorCodes());
        await AssertNothingOwnedByAsync(seller.Id);
    }

    [Fact]
    public async Task Create_shop_with_a_logo_while_media_cannot_be_reached_asks_to_try_again_and_opens_nothing()
    {
        var seller = app.NewUser();
        var logo = app.Media.Upload(seller.Id);
        app.Media.Down = true;
        try
        {
            var payload = await seller.Client.MutateAsync(Operations.CreateShop, new { input = Operations.ShopInput().With(("logoMediaId", logo)) });

            Assert.Equal(["MEDIA_UNAVAILABLE"], payload.UserErrorCodes());
            Assert.Equal(["logoMediaId"], payload.ErrorFields());
        }
        finally
        {
            app.Media.Down = false;
        }
        await AssertNothingOwnedByAsync(seller.Id);
    }

    [Fact]
    public async Task One_person_runs_at_most_five_open_shops_and_closing_one_frees_a_place()
    {
        var seller = app.NewUser();
        var shops = new List<Guid>();
        for (var i = 0; i < 5; i++)
            shops.Add(await seller.CreateShopIdAsync(Operations.ShopInput($"Chuỗi {Unique()}")));

        var sixth = await seller.Client.MutateAsync(Operations.CreateShop, new { input = Operations.ShopInput($"Chuỗi {Unique()}") });
        (await seller.Client.MutateAsync(Operations.DeleteShop, new { input = new { shopId = shops[0] } })).Succeeded();
        var afterClosing = await seller.Client.MutateAsync(Operations.CreateShop, new { input = Operations.ShopInput($"Chuỗi {Unique()}") });

        Assert.Equal(["SHOP_LIMIT_REACHED"], sixth.UserErrorCodes());
        afterClosing.Succeeded();
        Assert.Equal(6, await app.InDatabaseAsync(db => db.Shops.CountAsync(s => s.OwnerId == seller.Id)));
    }

    [Fact]
    public async Task Update_shop_changes_the_fields_sent_keeps_the_slug_and_an_empty_string_removes_an_optional_field()
    {
        var seller = app.NewUser();
        var created = await seller.CreateShopAsync(Operations.ShopInput($"Cũ {Unique()}"));

        var payload = await seller.Client.MutateAsync(Operations.UpdateShop, new
        {
            input = new { shopId = created.Id(), name = "Tên Mới", description = "", phone = "", location = new { lat = 21.03, lng = 105.85 }, categories = new[] { "books" } },
        });

        var shop = payload.Succeeded().GetProperty("shop");
        Assert.Equal("Tên Mới", shop.Text("name"));
        Assert.Equal(created.Text("slug"), shop.Text("slug"));
        Assert.Equal(JsonValueKind.Null, shop.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, shop.GetProperty("contact").GetProperty("phone").ValueKind);
        Assert.Equal("shop@example.vn", shop.GetProperty("contact").Text("email"));
        Assert.Equal(created.Text("address"), shop.Text("address"));
        Assert.Equal(21.03, shop.GetProperty("location").GetProperty("lat").GetDouble(), 6);
        Assert.Equal(["books"], shop.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var stored = await StoredShopAsync(created.Id());
        Assert.Null(stored.Description);
        Assert.Equal("Tên Mới", stored.Name);
    }

    [Fact]
    public async Task Update_shop_with_bad_input_changes_nothing()
    {
        var seller = app.NewUser();
        var shopId = await seller.CreateShopIdAsync(Operations.ShopInput($"Giữ Nguyên {Unique()}"));
        var before = await StoredShopAsync(shopId);

        var payload = await seller.Client.MutateAsync(Operations.UpdateShop, new
        {
            input = new { shopId, name = "", address = "Hà Nội mới", email = "x@", categories = Enumerable.Range(1, 11).Select(i => $"c{i}").ToArray() },
        });

        Assert.Equal(["REQUIRED", "INVALID_EMAIL", "TOO_MANY_CATEGORIES"], payload.UserErrorCodes());
        var after = await StoredShopAsync(shopId);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Address, after.Address);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_may_change_or_close_a_shop()
    {
        var owner = app.NewUser();
        var stranger = app.NewUser();
        var shopId = await owner.CreateShopIdAsync(Operations.ShopInput($"Của Tôi {Unique()}"));

        var update = await stranger.Client.MutateAsync(Operations.UpdateShop, new { input = new { shopId, name = "Chiếm" } });
        var delete = await stranger.Client.MutateAsync(Operations.DeleteShop, new { input = new { shopId } });
        var byAdmin = await app.NewAdmin().Client.MutateAsync(Operations.UpdateShop, new { input = new { shopId, name = "Sửa bởi admin" } });

        Assert.Equal(["FORBIDDEN"], update.UserErrorCodes());
        Assert.Equal(["FORBIDDEN"], delete.UserErrorCodes());
        Assert.Equal("Sửa bởi admin", byAdmin.Succeeded().GetProperty("shop").Text("name"));
        Assert.Equal(ShopStatus.Active, (await StoredShopAsync(shopId)).Status);
    }

    [Fact]
    public async Task Changes_to_an_unknown_shop_answer_shop_not_found()
    {
        var seller = app.NewUser();

        var update = await seller.Client.MutateAsync(Operations.UpdateShop, new { input = new { shopId = Guid.CreateVersion7(), name = "X Y" } });
        var delete = await seller.Client.MutateAsync(Operations.DeleteShop, new { input = new { shopId = Guid.CreateVersion7() } });

        Assert.Equal(["SHOP_NOT_FOUND"], update.UserErrorCodes());
        Assert.Equal(["shopId"], update.ErrorFields());
        Assert.Equal(["SHOP_NOT_FOUND"], delete.UserErrorCodes());
    }

    [Fact]
    public async Task Delete_shop_closes_it_for_good()
    {
        var owner = app.NewUser();
        var shopId = await owner.CreateShopIdAsync(Operations.ShopInput($"Đóng Cửa {Unique()}"));

        var closed = (await owner.Client.MutateAsync(Operations.DeleteShop, new { input = new { shopId } })).Succeeded().GetProperty("shop");
        var update = await owner.Client.MutateAsync(Operations.UpdateShop, new { input = new { shopId, name = "Mở lại" } });
        var again = await owner.Client.MutateAsync(Operations.DeleteShop, new { input = new { shopId } });
        var reactivate = await app.NewAdmin().Client.MutateAsync(Operations.SetShopStatus, new { input = new { shopId, status = "ACTIVE" } });
        var promotion = await owner.Client.MutateAsync(Operations.CreatePromotion, new { input = Operations.PromotionInput(shopId, app.Clock.GetUtcNow()) });

        Assert.Equal("CLOSED", closed.Text("status"));
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("closedAt").ValueKind);
        Assert.Equal(["SHOP_CLOSED"], update.UserErrorCodes());
        Assert.Equal(["SHOP_CLOSED"], again.UserErrorCodes());
        Assert.Equal(["SHOP_CLOSED"], reactivate.UserErrorCodes());
        Assert.Equal(["SHOP_CLOSED"], promotion.UserErrorCodes());
        var stored = await StoredShopAsync(shopId);
        Assert.Equal(ShopStatus.Closed, stored.Status);
        Assert.NotEqual("Mở lại", stored.Name);
        Assert.False(await app.InDatabaseAsync(db => db.Promotions.AnyAsync(p => p.ShopId == shopId)));
    }

    [Fact]
    public async Task An_admin_suspends_and_reactivates_a_shop_and_nobody_else_may()
    {
        var owner = app.NewUser();
        var admin = app.NewAdmin();
        var shopId = await owner.CreateShopIdAsync(Operations.ShopInput($"Tạm Dừng {Unique()}"));

        var byOwner = await owner.Client.SendAsync(Operations.SetShopStatus, new { input = new { shopId, status = "SUSPENDED" } });
        var suspended = await admin.Client.MutateAsync(Operations.SetShopStatus, new { input = new { shopId, status = "SUSPENDED" } });
        var twice = await admin.Client.MutateAsync(Operations.SetShopStatus, new { input = new { shopId, status = "SUSPENDED" } });
        var toClosed = await admin.Client.MutateAsync(Operations.SetShopStatus, new { input = new { shopId, status = "CLOSED" } });
        var reactivated = await admin.Client.MutateAsync(Operations.SetShopStatus, new { input = new { shopId, status = "ACTIVE" } });

        Assert.Equal(["FORBIDDEN"], byOwner.ErrorCodes);
        Assert.Equal("SUSPENDED", suspended.Succeeded().GetProperty("shop").Text("status"));
        Assert.Equal(["SHOP_ALREADY_SUSPENDED"], twice.UserErrorCodes());
        Assert.Equal(["INVALID_STATUS"], toClosed.UserErrorCodes());
        Assert.Equal("ACTIVE", reactivated.Succeeded().GetProperty("shop").Text("status"));
        Assert.Equal(ShopStatus.Active, (await StoredShopAsync(shopId)).Status);
    }

    private Task<Shop> StoredShopAsync(Guid id) => app.InDatabaseAsync(db => db.Shops.AsNoTracking().SingleAsync(s => s.Id == id));

    private async Task AssertNothingOwnedByAsync(Guid ownerId)
    {
        Assert.False(await app.InDatabaseAsync(db => db.Shops.AnyAsync(s => s.OwnerId == ownerId)));
        var outbox = await app.InDatabaseAsync(db => db.OutboxMessages.AsNoTracking().Select(m => m.Payload).ToListAsync());
        Assert.DoesNotContain(outbox, payload => payload.Contains(ownerId.ToString(), StringComparison.Ordinal));
    }

    /// <summary>A word of letters no other test uses, so names (and their slugs) never collide across tests.</summary>
    internal static string Unique() => string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8));
}
