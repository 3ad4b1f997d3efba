using GoShop.Catalog.Tests.Support;
using GoShop.Contracts.Catalog;
using GoShop.Testing;

namespace GoShop.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class InventoryTests(CatalogApp app)
{
    [Fact]
    public async Task Adjust_inventory_writes_an_adjustment_with_its_reason_and_actor()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("initialStock", 10));

        var payload = (await AdjustAsync(seller, id, 5, "Nhập hàng đợt 2")).Succeeded();

        Assert.Equal(15, payload.GetProperty("product").Number("inventory.onHand"));
        Assert.Equal(15, payload.GetProperty("product").Number("inventory.available"));
        var movement = payload.GetProperty("movement");
        Assert.Equal("ADJUSTMENT", movement.Text("kind"));
        Assert.Equal(5, movement.GetProperty("onHandDelta").GetInt32());
        Assert.Equal(15, movement.GetProperty("onHandAfter").GetInt32());
        Assert.Equal("Nhập hàng đợt 2", movement.Text("reason"));
        Assert.Equal(seller.Id.ToString(), movement.Text("actorId"));
        Assert.Equal((15, 0), await app.LedgerAgreesAsync(id));
        var announced = (await app.OutboxAsync("StockChanged")).Last(e => e.Text("productId") == id);
        Assert.Equal(15, announced.GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task Status_follows_availability_across_zero()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("initialStock", 2));

        var emptied = (await AdjustAsync(seller, id, -2, "Hàng lỗi")).Succeeded();
        var restocked = (await AdjustAsync(seller, id, 4, "Nhập hàng")).Succeeded();

        Assert.Equal("OUT_OF_STOCK", emptied.GetProperty("product").Text("status"));
        Assert.Equal("ACTIVE", restocked.GetProperty("product").Text("status"));
        var statuses = (await app.OutboxAsync("StockChanged")).Where(e => e.Text("productId") == id).Select(e => e.Text("productStatus"));
        Assert.Equal(["ACTIVE", "OUT_OF_STOCK", "ACTIVE"], statuses);
    }

    [Fact]
    public async Task Stock_on_hand_cannot_be_taken_below_what_checkouts_reserved()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("initialStock", 10));
        var held = await app.Reservations().ReserveAsync(new ReserveStockRequest(Guid.CreateVersion7(), [new StockLine(Guid.Parse(id), null, 6)], 600), default);
        Assert.Equal(ReservationStatuses.Held, held.Status);
        var counts = await app.CountsAsync();

        var belowReserved = await AdjustAsync(seller, id, -5, "Kiểm kho");
        var belowZero = await AdjustAsync(seller, id, -11, "Kiểm kho");

        Assert.Equal(["STOCK_BELOW_RESERVED"], belowReserved.UserErrorCodes());
        Assert.Equal(["input", "delta"], belowReserved.FirstErrorField());
        Assert.Equal(["STOCK_BELOW_ZERO"], belowZero.UserErrorCodes());
        Assert.Equal(counts, await app.CountsAsync());
        Assert.Equal((10, 6), await app.LedgerAgreesAsync(id));
        var downToReserved = (await AdjustAsync(seller, id, -4, "Kiểm kho")).Succeeded().GetProperty("product");
        Assert.Equal(6, downToReserved.Number("inventory.onHand"));
        Assert.Equal(0, downToReserved.Number("inventory.available"));
        Assert.Equal("OUT_OF_STOCK", downToReserved.Text("status"));
    }

    [Fact]
    public async Task Adjust_inventory_refuses_bad_input_strangers_and_anonymous_callers()
    {
        var seller = await app.SellerAsync();
        var stranger = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync();
        var counts = await app.CountsAsync();

        Assert.Equal(["OUT_OF_RANGE"], (await AdjustAsync(seller, id, 0, "Không đổi")).UserErrorCodes());
        Assert.Equal(["REQUIRED"], (await AdjustAsync(seller, id, 1, " ")).UserErrorCodes());
        Assert.Equal(["FORBIDDEN"], (await AdjustAsync(stranger, id, 1, "Của tôi")).UserErrorCodes());
        Assert.Equal(["PRODUCT_NOT_FOUND"], (await AdjustAsync(seller, Guid.CreateVersion7().ToString(), 1, "?")).UserErrorCodes());
        var unknownVariant = await seller.Client.MutateAsync(Operations.AdjustInventory,
            new { input = new { productId = id, variantId = Guid.CreateVersion7(), delta = 1, reason = "?" } });
        Assert.Equal(["VARIANT_NOT_FOUND"], unknownVariant.UserErrorCodes());
        var anonymous = await app.Client().SendAsync(Operations.AdjustInventory, new { input = new { productId = id, delta = 1, reason = "?" } });
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Fact]
    public async Task A_variants_stock_is_adjusted_on_its_own_row()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("initialStock", 3));
        var variantId = (await seller.Client.MutateAsync(Operations.CreateVariant, new
        {
            input = new { productId = id, sku = "V-" + Guid.NewGuid().ToString("N")[..8], options = new[] { new { name = "Size", value = "L" } }, price = 1_000m, initialStock = 2 },
        })).Succeeded().GetProperty("variant").Text("id");

        var payload = (await seller.Client.MutateAsync(Operations.AdjustInventory, new { input = new { productId = id, variantId, delta = 5, reason = "Nhập size L" } })).Succeeded();

        Assert.Equal(7, payload.GetProperty("variant").Number("inventory.onHand"));
        Assert.Equal(10, payload.GetProperty("product").Number("inventory.onHand"));
        Assert.Equal((10, 0), await app.LedgerAgreesAsync(id));
    }

    [Fact]
    public async Task The_ledger_and_low_stock_list_are_for_the_owner_and_admins()
    {
        var seller = await app.SellerAsync();
        var low = await seller.CreateProductIdAsync(("initialStock", 3));
        var plenty = await seller.CreateProductIdAsync(("initialStock", 30));
        var raised = await seller.CreateProductIdAsync(("initialStock", 8));
        (await seller.Client.MutateAsync(Operations.SetLowStockThreshold, new { input = new { productId = raised, threshold = 10 } })).Succeeded();

        var list = (await seller.Client.SendAsync(Operations.LowStock, new { shopId = seller.ShopId })).EnsureNoErrors().Get("lowStockProducts");
        var byAdmin = (await app.Admin().Client.SendAsync(Operations.LowStock, new { shopId = seller.ShopId })).EnsureNoErrors().Get("lowStockProducts");
        var byStranger = await app.SignIn("BUYER").Client.SendAsync(Operations.LowStock, new { shopId = seller.ShopId });
        var ledgerByStranger = await app.SignIn("BUYER").Client.SendAsync(Operations.Movements, new { id = low });

        Assert.Equal(new[] { low, raised }.Order(), list.Ids().Order());
        Assert.DoesNotContain(plenty, byAdmin.Ids());
        Assert.Equal(["FORBIDDEN"], byStranger.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], ledgerByStranger.ErrorCodes);
        Assert.Equal(3, (await app.ProductAsync(low)).Number("inventory.onHand"));
        Assert.Equal(["OUT_OF_RANGE"], (await seller.Client.MutateAsync(Operations.SetLowStockThreshold, new { input = new { productId = low, threshold = -1 } })).UserErrorCodes());
    }

    [Fact]
    public async Task Low_stock_is_announced_once_per_crossing_of_the_threshold()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("initialStock", 8));

        (await AdjustAsync(seller, id, -2, "Bán lẻ")).Succeeded();
        (await AdjustAsync(seller, id, -2, "Bán lẻ")).Succeeded();
        (await AdjustAsync(seller, id, -1, "Bán lẻ")).Succeeded();
        (await AdjustAsync(seller, id, 10, "Nhập hàng")).Succeeded();
        (await AdjustAsync(seller, id, -12, "Kiểm kho")).Succeeded();

        // 8 → 6 (above 5) → 4 (crossed) → 3 (still under) → 13 (above again) → 1 (crossed again).
        var announced = (await app.OutboxAsync("LowStockReached")).Where(e => e.Text("productId") == id).ToList();
        Assert.Equal([4, 1], announced.Select(e => e.GetProperty("available").GetInt32()));
        Assert.All(announced, e => Assert.Equal(5, e.GetProperty("threshold").GetInt32()));
        Assert.Equal(seller.ShopId.ToString(), announced[0].Text("shopId"));
        Assert.False(string.IsNullOrEmpty(announced[0].Text("title")));
    }

    [Fact]
    public async Task A_seller_taking_a_variants_stock_below_the_threshold_announces_low_stock_for_that_variant()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("initialStock", 20));
        var variantId = (await seller.Client.MutateAsync(Operations.CreateVariant, new
        {
            input = new { productId = id, sku = "V-" + Guid.NewGuid().ToString("N")[..8], options = new[] { new { name = "Size", value = "M" } }, price = 1_000m, initialStock = 9 },
        })).Succeeded().GetProperty("variant").Text("id");

        (await seller.Client.MutateAsync(Operations.AdjustInventory, new { input = new { productId = id, variantId, delta = -3, reason = "Kiểm kho" } })).Succeeded();
        (await seller.Client.MutateAsync(Operations.AdjustInventory, new { input = new { productId = id, variantId, delta = -3, reason = "Kiểm kho" } })).Succeeded();

        // The variant's row: 9 → 6 (above 5) → 3 (crossed); the product's own 20 units never moved.
        var announced = Assert.Single(await app.OutboxAsync("LowStockReached"), e => e.Text("productId") == id);
        Assert.Equal((variantId, 3, 5), (announced.Text("variantId"), announced.GetProperty("available").GetInt32(), announced.GetProperty("threshold").GetInt32()));
    }

    private static Task<System.Text.Json.JsonElement> AdjustAsync(Seller seller, string productId, int delta, string reason) =>
        seller.Client.MutateAsync(Operations.AdjustInventory, new { input = new { productId, delta, reason } });
}
