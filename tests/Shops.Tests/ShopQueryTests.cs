using System.Text.Json;
using GoShop.Testing;

namespace GoShop.Shops.Tests;

public sealed class ShopQueryTests(ShopsApp app) : IClassFixture<ShopsApp>
{
    [Fact]
    public async Task Shops_pages_newest_first_through_every_shop_exactly_once()
    {
        var seller = app.NewUser();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
            created.Add(await seller.CreateShopIdAsync(Operations.ShopInput($"Trang {ShopMutationTests.Unique()}")));

        var seen = new List<Guid>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var connection = await ShopsAsync(app.Client(), new { ownerId = seller.Id }, first: 2, after);
            pages++;
            Assert.Equal(5, connection.GetProperty("totalCount").GetInt32());
            seen.AddRange(connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Id()));
            var pageInfo = connection.GetProperty("pageInfo");
            Assert.Equal(after is not null, pageInfo.GetProperty("hasPreviousPage").GetBoolean());
            if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
                break;
            after = pageInfo.Text("endCursor");
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task Text_search_ignores_accents_and_letter_case_in_the_name_and_description()
    {
        var word = ShopMutationTests.Unique();
        var seller = app.NewUser();
        var byName = await seller.CreateShopIdAsync(Operations.ShopInput($"Cà Phê Tây Hồ {word}"));
        var byDescription = await seller.CreateShopIdAsync(Operations.ShopInput($"Quán Nhỏ {word}")
            .With(("description", $"Đồ uống: cà phê Tây Hồ rang xay ({word})")));
        await seller.CreateShopIdAsync(Operations.ShopInput($"Trà Đạo {word}"));

        var found = await ShopsAsync(app.Client(), new { text = "CA PHE tay ho" });

        var ids = Ids(found);
        Assert.Contains(byName, ids);
        Assert.Contains(byDescription, ids);
        Assert.Equal([byDescription, byName], Ids(await ShopsAsync(app.Client(), new { text = $"ca phe", ownerId = seller.Id })));
    }

    [Fact]
    public async Task Category_and_city_filters_narrow_the_list()
    {
        var seller = app.NewUser();
        var hanoiBooks = await seller.CreateShopIdAsync(Operations.ShopInput($"Sách {ShopMutationTests.Unique()}").With(("categories", new[] { "books" })));
        var saigonBooks = await seller.CreateShopIdAsync(Operations.ShopInput($"Sách {ShopMutationTests.Unique()}")
            .With(("categories", new[] { "books", "toys" }), ("city", "TP. Hồ Chí Minh")));
        await seller.CreateShopIdAsync(Operations.ShopInput($"Đồ Chơi {ShopMutationTests.Unique()}").With(("categories", new[] { "toys" })));

        Assert.Equal([saigonBooks, hanoiBooks], Ids(await ShopsAsync(app.Client(), new { ownerId = seller.Id, category = "books" })));
        Assert.Equal([hanoiBooks], Ids(await ShopsAsync(app.Client(), new { ownerId = seller.Id, category = "books", city = "ha noi" })));
    }

    [Fact]
    public async Task Shops_that_are_not_active_are_listed_only_for_admins_and_their_owner()
    {
        var seller = app.NewUser();
        var admin = app.NewAdmin();
        var open = await seller.CreateShopIdAsync(Operations.ShopInput($"Mở {ShopMutationTests.Unique()}"));
        var suspended = await seller.CreateShopIdAsync(Operations.ShopInput($"Treo {ShopMutationTests.Unique()}"));
        (await admin.Client.MutateAsync(Operations.SetShopStatus, new { input = new { shopId = suspended, status = "SUSPENDED" } })).Succeeded();

        var everyone = await ShopsAsync(app.Client(), new { ownerId = seller.Id });
        var buyerAsking = await app.NewUser().Client.SendAsync(Operations.Shops, new { where = new { ownerId = seller.Id, status = "SUSPENDED" } });
        var ownerAsking = await ShopsAsync(seller.Client, new { ownerId = seller.Id, status = "SUSPENDED" });
        var adminAsking = await ShopsAsync(admin.Client, new { status = "SUSPENDED" });

        Assert.Equal([open], Ids(everyone));
        Assert.Equal(["FORBIDDEN"], buyerAsking.ErrorCodes);
        Assert.Equal([suspended], Ids(ownerAsking));
        Assert.Contains(suspended, Ids(adminAsking));
        var byId = (await app.Client().SendAsync(Operations.ShopById, new { id = suspended })).EnsureNoErrors();
        Assert.Equal("SUSPENDED", byId.Get("shop.status").GetString());
    }

    [Fact]
    public async Task A_cursor_this_api_did_not_issue_is_bad_user_input()
    {
        var response = await app.Client().SendAsync(Operations.Shops, new { first = 2, after = "bm90LWEtY3Vyc29y" });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }

    [Fact]
    public async Task Unknown_ids_and_slugs_answer_null()
    {
        var byId = (await app.Client().SendAsync(Operations.ShopById, new { id = Guid.CreateVersion7() })).EnsureNoErrors();
        var bySlug = (await app.Client().SendAsync(Operations.ShopBySlug, new { slug = "no-such-shop" })).EnsureNoErrors();

        Assert.Equal(JsonValueKind.Null, byId.Get("shop").ValueKind);
        Assert.Equal(JsonValueKind.Null, bySlug.Get("shopBySlug").ValueKind);
    }

    private static async Task<JsonElement> ShopsAsync(GraphQLClient client, object where, int? first = null, string? after = null) =>
        (await client.SendAsync(Operations.Shops, new { where, first, after })).EnsureNoErrors().Get("shops");

    private static List<Guid> Ids(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Id()).ToList();
}
