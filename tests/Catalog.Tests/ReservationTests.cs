using System.Net;
using System.Net.Http.Json;
using GoShop.Catalog.Inventory;
using GoShop.Catalog.Tests.Support;
using GoShop.Contracts.Catalog;
using GoShop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class ReservationTests(CatalogApp app)
{
    private static ReserveStockRequest Request(Guid orderId, params StockLine[] lines) => new(orderId, lines, HoldSeconds: 900);

    [Fact]
    public async Task Fifty_orders_racing_for_ten_units_leave_exactly_ten_reserved_and_none_oversold()
    {
        var seller = await app.SellerAsync();
        var id = Guid.Parse(await seller.CreateProductIdAsync(("initialStock", 10)));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            app.Reservations().ReserveAsync(Request(Guid.CreateVersion7(), new StockLine(id, null, 1)), default)));

        Assert.Equal(10, outcomes.Count(o => o.Status == ReservationStatuses.Held));
        Assert.Equal(40, outcomes.Count(o => o.Status == ReservationStatuses.Rejected));
        Assert.All(outcomes.Where(o => o.Status == ReservationStatuses.Rejected),
            o => Assert.Equal("OUT_OF_STOCK", Assert.Single(o.Shortages).Reason));
        Assert.Equal((10, 10), await app.LedgerAgreesAsync(id.ToString()));
        var product = await app.ProductAsync(id.ToString());
        Assert.Equal(0, product.Number("inventory.available"));
        Assert.Equal("OUT_OF_STOCK", product.Text("status"));
    }

    [Fact]
    public async Task Multi_line_reservations_in_opposite_orders_never_deadlock_or_oversell()
    {
        var seller = await app.SellerAsync();
        var first = Guid.Parse(await seller.CreateProductIdAsync(("initialStock", 15)));
        var second = Guid.Parse(await seller.CreateProductIdAsync(("initialStock", 15)));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => app.Reservations().ReserveAsync(i % 2 == 0
            ? Request(Guid.CreateVersion7(), new StockLine(first, null, 1), new StockLine(second, null, 1))
            : Request(Guid.CreateVersion7(), new StockLine(second, null, 1), new StockLine(first, null, 1)), default)));

        Assert.Equal(15, outcomes.Count(o => o.Status == ReservationStatuses.Held));
        Assert.Equal((15, 15), await app.LedgerAgreesAsync(first.ToString()));
        Assert.Equal((15, 15), await app.LedgerAgreesAsync(second.ToString()));
    }

    [Fact]
    public async Task A_reservation_holds_all_lines_or_none()
    {
        var seller = await app.SellerAsync();
        var plenty = Guid.Parse(await seller.CreateProductIdAsync(("initialStock", 10)));
        var scarce = Guid.Parse(await seller.CreateProductIdAsync(("initialStock", 1)));
        var counts = await app.CountsAsync();

        var outcome = await app.Reservations().ReserveAsync(Request(Guid.CreateVersion7(), new StockLine(plenty, null, 3), new StockLine(scarce, null, 2)), default);

        Assert.Equal(ReservationStatuses.Rejected, outcome.Status);
        var shortage = Assert.Single(outcome.Shortages);
        Assert.Equal((scarce, 2, 1, "OUT_OF_STOCK"), (shortage.ProductId, shortage.Requested, shortage.Available, shortage.Reason));
        Assert.Equal(counts.Movements, (await app.CountsAsync()).Movements);
        Assert.Equal((10, 0), await app.LedgerAgreesAsync(plenty.ToString()));
    }

    [Fact]
    public async Task Unknown_draft_and_other_shops_unsellable_products_are_shortages()
    {
        var seller = await app.SellerAsync();
        var draft = Guid.Parse(await seller.CreateProductIdAsync(("status", "DRAFT")));
        var unknown = Guid.CreateVersion7();

        var outcome = await app.Reservations().ReserveAsync(Request(Guid.CreateVersion7(), new StockLine(draft, null, 1), new StockLine(unknown, null, 1)), default);

        Assert.Equal(ReservationStatuses.Rejected, outcome.Status);
        Assert.Equal(["NOT_FOR_SALE", "PRODUCT_NOT_FOUND"], outcome.Shortages.OrderBy(s => s.Reason).Select(s => s.Reason));
    }

    [Fact]
    public async Task Reserve_commit_and_release_are_idempotent_per_order()
    {
        var seller = await app.SellerAsync();
        var id = Guid.Parse(await seller.CreateProductIdAsync(("initialStock", 10)));
        var order = Guid.CreateVersion7();
        var reservations = app.Reservations();

        var reserved = await reservations.ReserveAsync(Request(order, new StockLine(id, null, 4)), default);
        var reservedAgain = await reservations.ReserveAsync(Request(order, new StockLine(id, null, 4)), default);
        var committed = await reservations.CommitAsync(order, default);
        var committedAgain = await reservations.CommitAsync(order, default);
        var releasedAfterSale = await reservations.ReleaseAsync(order, default);

        Assert.Equal(ReservationStatuses.Held, reserved.Status);
        Assert.Equal(reserved.ExpiresAt, reservedAgain.ExpiresAt);
        Assert.Equal(ReservationStatuses.Committed, committed!.Status);
        Assert.Equal(ReservationStatuses.Committed, committedAgain!.Status);
        Assert.Equal(ReservationStatuses.Committed, releasedAfterSale!.Status);
        Assert.Equal((6, 0), await app.LedgerAgreesAsync(id.ToString()));
        var product = await app.ProductAsync(id.ToString());
        Assert.Equal(4, product.GetProperty("soldCount").GetInt32());
        var movements = (await seller.Client.SendAsync(Operations.Movements, new { id })).EnsureNoErrors()
            .Get("product.inventory.movements.edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(["SALE", "RESERVATION", "ADJUSTMENT"], movements.Select(m => m.Text("kind")));
        Assert.Equal([order.ToString(), order.ToString(), null], movements.Select(m => m.GetProperty("orderId").GetString()));
        Assert.Equal(movements.Select(m => m.GetProperty("orderId").GetString()), movements.Select(m => m.GetProperty("checkoutId").GetString()));
    }

    [Fact]
    public async Task Release_puts_stock_back_once_and_a_released_reservation_cannot_be_committed()
    {
        var seller = await app.SellerAsync();
        var id = Guid.Parse(await seller.CreateProductIdAsync(("initialStock", 5)));
        var order = Guid.CreateVersion7();
        var reservations = app.Reservations();
        await reservations.ReserveAsync(Request(order, new StockLine(id, null, 5)), default);
        Assert.Equal("OUT_OF_STOCK", (await app.ProductAsync(id.ToString())).Text("status"));

        var released = await reservations.ReleaseAsync(order, default);
        var releasedAgain = await reservations.ReleaseAsync(order, default);
        var committed = await reservations.CommitAsync(order, default);

        Assert.Equal(ReservationStatuses.Released, released!.Status);
        Assert.Equal(ReservationStatuses.Released, releasedAgain!.Status);
        Assert.Equal(ReservationStatuses.Released, committed!.Status);
        Assert.Equal((5, 0), await app.LedgerAgreesAsync(id.ToString()));
        Assert.Equal("ACTIVE", (await app.ProductAsync(id.ToString())).Text("status"));
    }

    [Fact]
    public async Task A_repeat_answers_the_first_outcome_even_a_rejection_and_other_lines_conflict()
    {
        var seller = await app.SellerAsync();
        var id = Guid.Parse(await seller.CreateProductIdAsync(("initialStock", 1)));
        var order = Guid.CreateVersion7();

        var rejected = await app.Reservations().ReserveAsync(Request(order, new StockLine(id, null, 2)), default);
        (await seller.Client.MutateAsync(Operations.AdjustInventory, new { input = new { productId = id, delta = 10, reason = "Nhập hàng" } })).Succeeded();
        var repeated = await app.Reservations().ReserveAsync(Request(order, new StockLine(id, null, 2)), default);
        var conflict = await app.InternalHttp().PostAsJsonAsync(StockReservations.Route, Request(order, new StockLine(id, null, 3)));

        Assert.Equal(ReservationStatuses.Rejected, rejected.Status);
        Assert.Equal(ReservationStatuses.Rejected, repeated.Status);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal((11, 0), await app.LedgerAgreesAsync(id.ToString()));
    }

    [Fact]
    public async Task An_expired_reservation_stops_counting_at_once_and_the_sweeper_releases_it()
    {
        var seller = await app.SellerAsync();
        var id = Guid.Parse(await seller.CreateProductIdAsync(("initialStock", 3)));
        var expiring = Guid.CreateVersion7();
        var reservations = app.Reservations();
        await reservations.ReserveAsync(new ReserveStockRequest(expiring, [new StockLine(id, null, 3)], HoldSeconds: 60), default);
        Assert.Equal(0, (await app.ProductAsync(id.ToString())).Number("inventory.available"));

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var seen = await app.ProductAsync(id.ToString());
        var next = await reservations.ReserveAsync(Request(Guid.CreateVersion7(), new StockLine(id, null, 3)), default);
        var lateCommit = await reservations.CommitAsync(expiring, default);

        Assert.Equal(3, seen.Number("inventory.available"));
        Assert.Equal(0, seen.Number("inventory.reserved"));
        Assert.Equal(ReservationStatuses.Held, next.Status);
        Assert.Equal(ReservationStatuses.Expired, lateCommit!.Status);
        Assert.Equal((3, 3), await app.LedgerAgreesAsync(id.ToString()));
        Assert.Equal(0, (await app.ProductAsync(id.ToString())).GetProperty("soldCount").GetInt32());
    }

    [Fact]
    public async Task The_sweeper_releases_expired_holds_and_the_product_is_for_sale_again()
    {
        var seller = await app.SellerAsync();
        var id = Guid.Parse(await seller.CreateProductIdAsync(("initialStock", 2)));
        var order = Guid.CreateVersion7();
        await app.Reservations().ReserveAsync(new ReserveStockRequest(order, [new StockLine(id, null, 2)], HoldSeconds: 30), default);
        Assert.Equal("OUT_OF_STOCK", (await app.ProductAsync(id.ToString())).Text("status"));

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var released = await app.Service<ReservationSweeper>().SweepOnceAsync(default);

        Assert.True(released >= 1);
        Assert.Equal(ReservationStatuses.Expired, (await app.Reservations().FindAsync(order, default))!.Status);
        Assert.Equal((2, 0), await app.LedgerAgreesAsync(id.ToString()));
        Assert.Equal("ACTIVE", (await app.ProductAsync(id.ToString())).Text("status"));
        Assert.Equal(0, await app.Service<ReservationSweeper>().SweepOnceAsync(default));
    }

    [Fact]
    public async Task Variant_lines_reserve_the_variants_own_stock()
    {
        var seller = await app.SellerAsync();
        var id = await seller.CreateProductIdAsync(("initialStock", 0));
        var variantId = Guid.Parse((await seller.Client.MutateAsync(Operations.CreateVariant, new
        {
            input = new { productId = id, sku = "R-" + Guid.NewGuid().ToString("N")[..8], options = new[] { new { name = "Size", value = "M" } }, price = 99_000m, initialStock = 2 },
        })).Succeeded().GetProperty("variant").Text("id"));

        var tooMany = await app.Reservations().ReserveAsync(Request(Guid.CreateVersion7(), new StockLine(Guid.Parse(id), variantId, 3)), default);
        var enough = await app.Reservations().ReserveAsync(Request(Guid.CreateVersion7(), new StockLine(Guid.Parse(id), variantId, 2)), default);

        Assert.Equal(ReservationStatuses.Rejected, tooMany.Status);
        Assert.Equal(ReservationStatuses.Held, enough.Status);
        Assert.Equal((2, 2), await app.LedgerAgreesAsync(id));
    }

    [Fact]
    public async Task The_internal_api_needs_the_key_and_refuses_bad_requests()
    {
        var withoutKey = await app.InternalHttp(key: null).PostAsJsonAsync(StockReservations.Route, Request(Guid.CreateVersion7(), new StockLine(Guid.CreateVersion7(), null, 1)));
        var noLines = await app.InternalHttp().PostAsJsonAsync(StockReservations.Route, new ReserveStockRequest(Guid.CreateVersion7(), [], 900));
        var zero = await app.InternalHttp().PostAsJsonAsync(StockReservations.Route, Request(Guid.CreateVersion7(), new StockLine(Guid.CreateVersion7(), null, 0)));
        var unknown = await app.Reservations().CommitAsync(Guid.CreateVersion7(), default);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noLines.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task The_product_lookup_answers_price_status_availability_and_shop_for_cart()
    {
        var seller = await app.SellerAsync();
        var id = Guid.Parse(await seller.CreateProductIdAsync(("price", 100_000m), ("initialStock", 8)));
        var now = app.Clock.GetUtcNow();
        (await seller.Client.MutateAsync(Operations.SetDiscount, new { input = new { productId = id, salePrice = 90_000m, endsAt = now.AddDays(1) } })).Succeeded();
        await app.Reservations().ReserveAsync(Request(Guid.CreateVersion7(), new StockLine(id, null, 3)), default);

        var found = await app.Products().LookupAsync([new ProductKey(id), new ProductKey(Guid.CreateVersion7())], default);

        var summary = Assert.Single(found);
        Assert.Equal((seller.ShopId, "ACTIVE", 100_000m, 90_000m, "VND", 5), (summary.ShopId, summary.Status, summary.Price, summary.EffectivePrice, summary.Currency, summary.Available));
    }
}
