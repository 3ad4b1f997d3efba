using System.Text.Json;
using GoShop.Catalog.Tests.Support;
using GoShop.Testing;

namespace GoShop.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class CategoryTests(CatalogApp app)
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task Categories_form_a_tree_with_children_and_ancestors()
    {
        var admin = app.Admin();
        var top = (await admin.Client.MutateAsync(Operations.CreateCategory, new { input = new { name = Unique("Điện tử"), nameEn = Unique("Electronics") } }))
            .Succeeded().GetProperty("category");
        var phones = (await admin.Client.MutateAsync(Operations.CreateCategory, new { input = new { name = "Điện thoại", slug = Unique("phones"), parentId = top.Text("id") } }))
            .Succeeded().GetProperty("category");
        var android = (await admin.Client.MutateAsync(Operations.CreateCategory, new { input = new { name = "Android", slug = Unique("android"), parentId = phones.Text("id") } }))
            .Succeeded().GetProperty("category");

        Assert.StartsWith("electronics-", top.Text("slug"));
        Assert.Equal(3, android.GetProperty("depth").GetInt32());
        Assert.Equal([top.Text("id"), phones.Text("id")], android.GetProperty("ancestors").EnumerateArray().Select(a => a.Text("id")));
        var roots = (await app.Client().SendAsync(Operations.Categories)).EnsureNoErrors().Get("categories");
        var root = roots.EnumerateArray().Single(c => c.Text("id") == top.Text("id"));
        Assert.Equal(android.Text("id"), root.GetProperty("children")[0].GetProperty("children")[0].Text("id"));
    }

    [Fact]
    public async Task Moving_a_category_moves_its_subtree_and_moving_it_under_itself_is_refused()
    {
        var a = await app.CreateCategoryAsync("A");
        var b = await app.CreateCategoryAsync("B", a);
        var c = await app.CreateCategoryAsync("C", b);
        var target = await app.CreateCategoryAsync("Target");
        var admin = app.Admin().Client;

        var underItself = await admin.MutateAsync(Operations.UpdateCategory, new { input = new { categoryId = a, parentId = a } });
        var underDescendant = await admin.MutateAsync(Operations.UpdateCategory, new { input = new { categoryId = a, parentId = c } });
        var moved = await admin.MutateAsync(Operations.UpdateCategory, new { input = new { categoryId = b, parentId = target } });

        Assert.Equal(["CATEGORY_CYCLE"], underItself.UserErrorCodes());
        Assert.Equal(["CATEGORY_CYCLE"], underDescendant.UserErrorCodes());
        Assert.Equal(["input", "parentId"], underDescendant.FirstErrorField());
        Assert.Equal(target, moved.Succeeded().GetProperty("category").GetProperty("parent").Text("id"));
        var movedChild = (await app.Client().SendAsync(Operations.Category, new { id = c })).EnsureNoErrors().Get("category");
        Assert.Equal([target, b], movedChild.GetProperty("ancestors").EnumerateArray().Select(x => x.Text("id")));
        var toTop = await admin.MutateAsync(Operations.UpdateCategory, new { input = new { categoryId = b, moveToTopLevel = true, name = "B mới" } });
        Assert.Equal(JsonValueKind.Null, toTop.Succeeded().GetProperty("category").GetProperty("parent").ValueKind);
        Assert.Equal("B mới", toTop.GetProperty("category").Text("name"));
    }

    [Fact]
    public async Task Renaming_or_moving_a_category_announces_it_with_its_subtree()
    {
        var a = await app.CreateCategoryAsync("Gốc");
        var b = await app.CreateCategoryAsync("Nhánh", a);
        var c = await app.CreateCategoryAsync("Lá", b);
        var target = await app.CreateCategoryAsync("Đích");
        var admin = app.Admin().Client;

        (await admin.MutateAsync(Operations.UpdateCategory, new { input = new { categoryId = b, name = "Nhánh mới", nameEn = "New branch" } })).Succeeded();
        (await admin.MutateAsync(Operations.UpdateCategory, new { input = new { categoryId = b, parentId = target } })).Succeeded();
        var counts = await app.CountsAsync();
        var refused = await admin.MutateAsync(Operations.UpdateCategory, new { input = new { categoryId = b, parentId = c } });

        var announced = (await app.OutboxAsync("CategoryUpdated")).Where(e => e.GetProperty("category").Text("id") == b).ToList();
        Assert.Equal(2, announced.Count);
        Assert.Equal(("Nhánh mới", "New branch"), (announced[0].GetProperty("category").Text("name"), announced[0].GetProperty("category").Text("nameEn")));
        Assert.Equal([a, b], announced[0].GetProperty("category").GetProperty("path").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([target, b], announced[1].GetProperty("category").GetProperty("path").EnumerateArray().Select(x => x.GetString()));
        var leaf = Assert.Single(announced[1].GetProperty("descendants").EnumerateArray());
        Assert.Equal([target, b, c], leaf.GetProperty("path").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(["CATEGORY_CYCLE"], refused.UserErrorCodes());
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Fact]
    public async Task Creating_a_category_announces_it_with_its_path_and_a_refused_one_announces_nothing()
    {
        var parent = await app.CreateCategoryAsync("Nhà cửa");
        var child = await app.CreateCategoryAsync("Đèn ngủ", parent);
        var slug = (await app.Client().SendAsync(Operations.Category, new { id = child })).EnsureNoErrors().Get("category").Text("slug");
        var counts = await app.CountsAsync();

        var taken = await app.Admin().Client.MutateAsync(Operations.CreateCategory, new { input = new { name = "Trùng", slug } });

        var announced = (await app.OutboxAsync("CategoryCreated")).Select(e => e.GetProperty("category")).ToList();
        var top = Assert.Single(announced, c => c.Text("id") == parent);
        Assert.Equal(JsonValueKind.Null, top.GetProperty("parentId").ValueKind);
        var leaf = Assert.Single(announced, c => c.Text("id") == child);
        Assert.Equal(("Đèn ngủ", parent), (leaf.Text("name"), leaf.Text("parentId")));
        Assert.Equal([parent, child], leaf.GetProperty("path").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(["SLUG_TAKEN"], taken.UserErrorCodes());
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Fact]
    public async Task Only_an_empty_category_can_be_deleted()
    {
        var parent = await app.CreateCategoryAsync("Cha");
        var child = await app.CreateCategoryAsync("Con", parent);
        var seller = await app.SellerAsync();
        await seller.CreateProductIdAsync(("categoryId", child));
        var admin = app.Admin().Client;
        var counts = await app.CountsAsync();

        var withChildren = await admin.MutateAsync(Operations.DeleteCategory, new { input = new { categoryId = parent } });
        var withProducts = await admin.MutateAsync(Operations.DeleteCategory, new { input = new { categoryId = child } });
        var unknown = await admin.MutateAsync(Operations.DeleteCategory, new { input = new { categoryId = Guid.CreateVersion7() } });

        Assert.Equal(["CATEGORY_NOT_EMPTY"], withChildren.UserErrorCodes());
        Assert.Equal(["CATEGORY_NOT_EMPTY"], withProducts.UserErrorCodes());
        Assert.Equal(["CATEGORY_NOT_FOUND"], unknown.UserErrorCodes());
        Assert.Equal(counts, await app.CountsAsync());
        var empty = await app.CreateCategoryAsync("Trống", parent);
        Assert.Equal(empty, (await admin.MutateAsync(Operations.DeleteCategory, new { input = new { categoryId = empty } })).Succeeded().Text("deletedCategoryId"));
    }

    [Fact]
    public async Task Category_mutations_are_for_admins_and_refuse_bad_input()
    {
        var seller = await app.SellerAsync();
        var admin = app.Admin().Client;
        var existing = await app.CreateCategoryAsync("Đã có");
        var slug = (await app.Client().SendAsync(Operations.Category, new { id = existing })).EnsureNoErrors().Get("category").Text("slug");
        var counts = await app.CountsAsync();

        var bySeller = await seller.Client.SendAsync(Operations.CreateCategory, new { input = new { name = "Không được" } });
        var anonymous = await app.Client().SendAsync(Operations.DeleteCategory, new { input = new { categoryId = existing } });
        var blank = await admin.MutateAsync(Operations.CreateCategory, new { input = new { name = " " } });
        var taken = await admin.MutateAsync(Operations.CreateCategory, new { input = new { name = "Trùng", slug } });
        var noParent = await admin.MutateAsync(Operations.CreateCategory, new { input = new { name = Unique("Mồ côi"), parentId = Guid.CreateVersion7() } });
        var symbols = await admin.MutateAsync(Operations.CreateCategory, new { input = new { name = "!!!" } });

        Assert.Equal(["FORBIDDEN"], bySeller.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Contains("REQUIRED", blank.UserErrorCodes());
        Assert.Equal(["SLUG_TAKEN"], taken.UserErrorCodes());
        Assert.Equal(["CATEGORY_NOT_FOUND"], noParent.UserErrorCodes());
        Assert.Equal(["INVALID_SLUG"], symbols.UserErrorCodes());
        Assert.Equal(counts, await app.CountsAsync());
    }
}
