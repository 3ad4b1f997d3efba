using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using GoShop.Catalog.Tests.Support;
using GoShop.Testing;

namespace GoShop.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class ProductTests(CatalogApp app)
{
    [Fact]
    public async Task Create_product_lists_it_with_its_price_stock_brand_and_opening_ledger_entry()
    {
        var seller = await app.SellerAsync();
        var categoryId = await app.CreateCategoryAsync("Điện thoại");

        var product = await seller.CreateProductAsync(
            ("title", "Điện thoại Samsung Galaxy A55"), ("categoryId", categoryId), ("brand", "Samsung"), ("model", "Galaxy A55"),
            ("price", 9_990_000m), ("initialStock", 12), ("weightGrams", 213),
            ("attributes", new[] { new { name = "Màu", value = "Xanh" }, new { name = "Bộ nhớ", value = "128GB" } }),
            ("dimensions", new { lengthCm = 16.1m, widthCm = 7.7m, heightCm = 0.8m }));

        Assert.Equal("Điện thoại Samsung Galaxy A55", product.Text("title"));
        Assert.Equal("ACTIVE", product.Text("status"));
        Assert.Equal(seller.ShopId.ToString(), product.GetProperty("shop").Text("id"));
        Assert.Equal(9_990_000m, product.Amount("price"));
        Assert.Equal("VND", product.GetProperty("price").Text("currency"));
        Assert.Equal(9_990_000m, product.Amount("effectivePrice"));
        Assert.Equal(12, product.Number("inventory.onHand"));
        Assert.Equal(0, product.Number("inventory.reserved"));
        Assert.Equal(12, product.Number("inventory.available"));
        Assert.Equal("Samsung", product.GetProperty("brand").Text("name"));
        Assert.Equal(categoryId, product.GetProperty("category").Text("id"));
        Assert.Equal(["Màu", "Bộ nhớ"], product.GetProperty("attributes").EnumerateArray().Select(a => a.Text("name")));
        Assert.Equal(16.1m, product.GetProperty("dimensions").GetProperty("lengthCm").GetDecimal());
        var ledger = (await seller.Client.SendAsync(Operations.Movements, new { id = product.Text("id") })).EnsureNoErrors().Get("product.inventory.movements");
        var opening = Assert.Single(ledger.GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal("ADJUSTMENT", opening.Text("kind"));
        Assert.Equal(12, opening.GetProperty("onHandDelta").GetInt32());
        var created = (await app.OutboxAsync("ProductCreated")).Last(e => e.GetProperty("product").Text("productId") == product.Text("id"));
        Assert.Equal("Samsung", created.GetProperty("product").Text("brand"));
    }

    [Fact]
    public async Task Brands_named_with_other_case_or_spacing_are_one_brand()
    {
        var seller = await app.SellerAsync();
        var brand = "Biti's Hunter " + Guid.NewGuid().ToString("N")[..6];

        var first = await seller.CreateProductAsync(("brand", brand));
        var second = await seller.CreateProductAsync(("brand", "  " + brand.ToUpperInvariant() + " "));

        Assert.Equal(first.GetProperty("brand").Text("id"), second.GetProperty("brand").Text("id"));
        Assert.Equal(brand, second.GetProperty("brand").Text("name"));
    }

    [Fact]
    public async Task A_product_created_with_no_stock_is_out_of_stock_and_a_draft_stays_hidden_from_buyers()
    {
        var seller = await app.SellerAsync();

        var empty = await seller.CreateProductAsync(("initialStock", 0));
        var draft = await seller.CreateProductAsync(("status", "DRAFT"));

        Assert.Equal("OUT_OF_STOCK", empty.Text("status"));
        Assert.Equal("DRAFT", draft.Text("status"));
        Assert.Equal(JsonValueKind.Null, (await app.ProductAsync(draft.Text("id"))).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await app.ProductAsync(draft.Text("id"), app.SignIn("BUYER").Client)).ValueKind);
        Assert.Equal("DRAFT", (await app.ProductAsync(draft.Text("id"), seller.Client)).Text("status"));
        Assert.Equal("DRAFT", (await app.ProductAsync(draft.Text("id"), app.Admin().Client)).Text("status"));
    }

    public static TheoryData<string, object?, string, string> BadProducts => new()
    {
        { "price", 0m, "INVALID_PRICE", "price" },
        { "price", -5_000m, "INVALID_PRICE", "price" },
        { "price", 10.123m, "INVALID_PRICE", "price" },
        { "price", 199_000.5m, "INVALID_PRICE", "price" },
        { "title", "   ", "REQUIRED", "title" },
        { "title", new string('t', 201), "TOO_LONG", "title" },
        { "weightGrams", 0, "OUT_OF_RANGE", "weightGrams" },
        { "initialStock", -1, "OUT_OF_RANGE", "initialStock" },
        { "brand", "!!!", "INVALID_BRAND", "brand" },
        { "status", "OUT_OF_STOCK", "INVALID_STATUS", "status" },
        { "categoryId", "01900000-0000-7000-8000-00000000dead", "CATEGORY_NOT_FOUND", "categoryId" },
        { "dimensions", new { lengthCm = 0m, widthCm = 1m, heightCm = 1m }, "OUT_OF_RANGE", "dimensions" },
        { "attributes", new[] { new { name = "Màu", value = "Đỏ" }, new { name = "màu", value = "Xanh" } }, "DUPLICATE_NAME", "attributes" },
    };

    [Theory]
    [MemberData(nameof(BadProducts))]
    public async Task Create_product_refuses_bad_input_and_writes_nothing(string field, object? value, string code, string errorField)
    {
        var seller = await app.SellerAsync();
        var before = await app.CountsAsync();

        var payload = await seller.Client.MutateAsync(Operations.CreateProduct,
            new { input = CatalogAppExtensions.ProductInput(seller.ShopId, (field, value), ("brand", field == "brand" ? value : "Brand " + Guid.NewGuid().ToString("N"))) });

        Assert.Equal([code], payload.UserErrorCodes());
        Assert.Equal(["input", errorField], payload.FirstErrorField());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("product").ValueKind);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task Only_the_shops_owner_or_an_admin_lists_products_and_only_in_an_active_shop_catalog_knows()
    {
        var seller = await app.SellerAsync();
        var stranger = await app.SellerAsync();
        var suspended = await app.SellerAsync(status: "SUSPENDED");
        var before = await app.CountsAsync();

        var notOwner = await stranger.Client.MutateAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(seller.ShopId) });
        var unknownShop = await seller.Client.MutateAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(Guid.CreateVersion7()) });
        var notActive = await suspended.Client.MutateAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(suspended.ShopId) });
        var anonymous = await app.Client().SendAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(seller.ShopId) });

        Assert.Equal(["FORBIDDEN"], notOwner.UserErrorCodes());
        Assert.Equal(["SHOP_NOT_FOUND"], unknownShop.UserErrorCodes());
        Assert.Equal(["SHOP_NOT_ACTIVE"], notActive.UserErrorCodes());
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(before, await app.CountsAsync());
        var byAdmin = await app.Admin().Client.MutateAsync(Operations.CreateProduct, new { input = CatalogAppExtensions.ProductInput(seller.ShopId) });
        Assert.Equal(seller.ShopId.ToString(), byAdmin.Succeeded().GetProperty("product").GetProperty("shop").Text("id"));
    }

    [Fact]
    public async Task Update_product_changes_only_what_is_sent_and_an_empty_string_removes_a_field()
    {
        var seller = await app.SellerAsync();
        var product = await seller.CreateProductAsync(("brand", "Coolmate"), ("model", "Basic"));
        var id = product.Text("id");

        var payload = await seller.Client.MutateAsync(Operations.UpdateProduct,
            new { input = new { productId = id, title = "Áo thun cotton nam cổ tròn", model = "", weightGrams = 300 } });

        var updated = payload.Succeeded().GetProperty("product");
        Assert.Equal("Áo thun cotton nam cổ tròn", updated.Text("title"));
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("model").ValueKind);
        Assert.Equal(300, updated.GetProperty("weightGrams").GetInt32());
        Assert.Equal("Coolmate", updated.GetProperty("brand").Text("name"));
        Assert.Equal(product.Text("description"), updated.Text("description"));
        Assert.Equal(199_000m, updated.Amount("price"));
    }

    [Fact]
    public async Task A_seller_moves_a_product_between_draft_active_and_archived_but_not_to_out_of_stock()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync();

        async Task<JsonElement> SetAsync(string status) =>
            await seller.Client.MutateAsync(Operations.UpdateProduct, new { input = new { productId = id, status } });

        Assert.Equal("DRAFT", (await SetAsync("DRAFT")).Succeeded().GetProperty("product").Text("status"));
        Assert.Equal("ARCHIVED", (await SetAsync("ARCHIVED")).Succeeded().GetProperty("product").Text("status"));
        Assert.Equal("ACTIVE", (await SetAsync("ACTIVE")).Succeeded().GetProperty("product").Text("status"));
        var refused = await SetAsync("OUT_OF_STOCK");
        Assert.Equal(["INVALID_STATUS"], refused.UserErrorCodes());
        Assert.Equal("ACTIVE", (await app.ProductAsync(id)).Text("status"));
    }

    [Fact]
    public async Task Update_product_by_someone_else_or_with_bad_input_changes_nothing()
    {
        var seller = await app.SellerAsync();
        var stranger = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("brand", "Owen"));
        var before = (await app.ProductAsync(id)).GetRawText();
        var counts = await app.CountsAsync();

        var notOwner = await stranger.Client.MutateAsync(Operations.UpdateProduct, new { input = new { productId = id, title = "Của tôi", brand = "Stranger brand " + Guid.NewGuid() } });
        var blank = await seller.Client.MutateAsync(Operations.UpdateProduct, new { input = new { productId = id, title = " " } });
        var badCategory = await seller.Client.MutateAsync(Operations.UpdateProduct, new { input = new { productId = id, categoryId = Guid.CreateVersion7() } });
        var unknown = await seller.Client.MutateAsync(Operations.UpdateProduct, new { input = new { productId = Guid.CreateVersion7(), title = "X" } });
        var anonymous = await app.Client().SendAsync(Operations.UpdateProduct, new { input = new { productId = id, title = "X" } });

        Assert.Equal(["FORBIDDEN"], notOwner.UserErrorCodes());
        Assert.Equal(["REQUIRED"], blank.UserErrorCodes());
        Assert.Equal(["CATEGORY_NOT_FOUND"], badCategory.UserErrorCodes());
        Assert.Equal(["PRODUCT_NOT_FOUND"], unknown.UserErrorCodes());
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(before, (await app.ProductAsync(id)).GetRawText());
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Fact]
    public async Task A_deleted_product_is_gone_for_buyers_and_announced()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync();
        var stranger = await app.SellerAsync();

        var refused = await stranger.Client.MutateAsync(Operations.DeleteProduct, new { input = new { productId = id } });
        var deleted = await seller.Client.MutateAsync(Operations.DeleteProduct, new { input = new { productId = id } });
        var again = await seller.Client.MutateAsync(Operations.DeleteProduct, new { input = new { productId = id } });

        Assert.Equal(["FORBIDDEN"], refused.UserErrorCodes());
        Assert.Equal(id, deleted.Succeeded().Text("deletedProductId"));
        Assert.Equal(["PRODUCT_NOT_FOUND"], again.UserErrorCodes());
        Assert.Equal(JsonValueKind.Null, (await app.ProductAsync(id, seller.Client)).ValueKind);
        Assert.Contains(await app.OutboxAsync("ProductDeleted"), e => e.Text("productId") == id);
    }

    [Fact]
    public async Task A_variant_s_sku_and_options_change_and_bad_updates_change_nothing()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync();
        async Task<string> VariantAsync(string sku, string size) => (await seller.Client.MutateAsync(Operations.CreateVariant, new
        {
            input = new { productId = id, sku, options = new[] { new { name = "Size", value = size } }, price = 150_000m, initialStock = 2 },
        })).Succeeded().GetProperty("variant").Text("id");
        var small = await VariantAsync("AO-S", "S");
        await VariantAsync("AO-M", "M");

        var renamed = (await seller.Client.MutateAsync(Operations.UpdateVariant, new
        {
            input = new { variantId = small, sku = " AO-S-2026 ", options = new[] { new { name = "Size", value = "S" }, new { name = "Màu", value = "Trắng" } } },
        })).Succeeded().GetProperty("variant");
        Assert.Equal(("AO-S-2026", "S / Trắng", 150_000m), (renamed.Text("sku"), renamed.Text("title"), renamed.Amount("price")));
        Assert.Contains(await app.OutboxAsync("ProductUpdated"), e => e.GetProperty("product").Text("productId") == id);

        var counts = await app.CountsAsync();
        var stranger = await app.SellerAsync();
        var taken = await seller.Client.MutateAsync(Operations.UpdateVariant, new { input = new { variantId = small, sku = "AO-M" } });
        var noOptions = await seller.Client.MutateAsync(Operations.UpdateVariant, new { input = new { variantId = small, options = Array.Empty<object>() } });
        var blankSku = await seller.Client.MutateAsync(Operations.UpdateVariant, new { input = new { variantId = small, sku = "  " } });
        var unknown = await seller.Client.MutateAsync(Operations.UpdateVariant, new { input = new { variantId = Guid.CreateVersion7(), sku = "AO-X" } });
        var notTheirs = await stranger.Client.MutateAsync(Operations.UpdateVariant, new { input = new { variantId = small, sku = "AO-HACK" } });
        var anonymous = await app.Client().SendAsync(Operations.UpdateVariant, new { input = new { variantId = small, sku = "AO-ANON" } });

        Assert.Equal(["SKU_TAKEN"], taken.UserErrorCodes());
        Assert.Equal(["REQUIRED"], noOptions.UserErrorCodes());
        Assert.Equal(["REQUIRED"], blankSku.UserErrorCodes());
        Assert.Equal(["VARIANT_NOT_FOUND"], unknown.UserErrorCodes());
        Assert.Equal(["FORBIDDEN"], notTheirs.UserErrorCodes());
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(counts, await app.CountsAsync());
        var stored = await app.InDatabaseAsync(db => db.Variants.AsNoTracking().SingleAsync(v => v.Id == Guid.Parse(small)));
        Assert.Equal(("AO-S-2026", "S / Trắng"), (stored.Sku, stored.Title));
    }

    [Fact]
    public async Task A_variant_has_its_own_sku_price_and_stock_and_a_sku_is_unique_within_the_shop()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("initialStock", 0));
        var other = await seller.CreateProductIdAsync();

        var payload = await seller.Client.MutateAsync(Operations.CreateVariant, new
        {
            input = new { productId = id, sku = "AT-DO-XL", options = new[] { new { name = "Màu", value = "Đỏ" }, new { name = "Size", value = "XL" } }, price = 219_000m, initialStock = 7 },
        });
        var counts = await app.CountsAsync();
        var duplicate = await seller.Client.MutateAsync(Operations.CreateVariant, new
        {
            input = new { productId = other, sku = "AT-DO-XL", options = new[] { new { name = "Size", value = "L" } }, price = 1_000m, initialStock = 1 },
        });
        var noOptions = await seller.Client.MutateAsync(Operations.CreateVariant, new
        {
            input = new { productId = other, sku = "AT-NONE", options = Array.Empty<object>(), price = 1_000m, initialStock = 1 },
        });

        var variant = payload.Succeeded().GetProperty("variant");
        Assert.Equal("Đỏ / XL", variant.Text("title"));
        Assert.Equal(219_000m, variant.Amount("price"));
        Assert.Equal(7, variant.Number("inventory.available"));
        Assert.Equal(7, payload.GetProperty("product").Number("inventory.available"));
        Assert.Equal("ACTIVE", (await app.ProductAsync(id)).Text("status"));
        Assert.Equal(["SKU_TAKEN"], duplicate.UserErrorCodes());
        Assert.Equal(["REQUIRED"], noOptions.UserErrorCodes());
        Assert.Equal(counts, await app.CountsAsync());
        var anotherShop = await app.SellerAsync();
        var sameSkuElsewhere = await anotherShop.Client.MutateAsync(Operations.CreateVariant, new
        {
            input = new { productId = await anotherShop.CreateProductIdAsync(), sku = "AT-DO-XL", options = new[] { new { name = "Size", value = "XL" } }, price = 1_000m, initialStock = 1 },
        });
        sameSkuElsewhere.Succeeded();
    }
}
