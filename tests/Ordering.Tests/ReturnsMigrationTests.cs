using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GoShop.Ordering.Tests;

/// <summary>
/// The migration that gave returns their tables: an order whose return was asked for before returns went by line
/// (RETURN_REQUESTED, no return row) gets a whole-order return, priced as the domain prices one, so its seller can still
/// decide on it; any other order gets none.
/// </summary>
public sealed class ReturnsMigrationTests : IAsyncLifetime
{
    private static readonly Guid Asked = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Kept = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly DateTimeOffset AskedAt = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("ordmig");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_order_waiting_for_its_return_decision_gets_a_whole_order_return()
    {
        await using var db = Context();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261207022616_Initial");
        await db.Database.ExecuteSqlRawAsync(OrdersBeforeReturnsWentByLine);

        await migrator.MigrateAsync();

        var @return = Assert.Single(await db.Returns.Include(r => r.Lines).AsNoTracking().ToListAsync());
        Assert.Equal((Asked, ReturnStatus.Requested, "Sai màu", true, 259_334m, AskedAt),
            (@return.OrderId, @return.Status, @return.Reason, @return.WholeOrder, @return.RefundAmount, @return.RequestedAt));
        var fees = new OrderFees(Subtotal: 250_000m, ShippingFee: 21_000m, Tax: 21_667m, Discount: 33_333m, Total: 259_334m);
        Assert.Equal(ReturnRefunds.OfWholeOrder(fees, [(50_000m, 3), (100_000m, 1)]), @return.Lines.OrderBy(l => l.Position).Select(l => l.RefundAmount));
        Assert.Equal([3, 1], @return.Lines.OrderBy(l => l.Position).Select(l => l.Quantity));
        // Time-ordered like the domain's ids: version 7, the request's time in its first 48 bits.
        Assert.Equal(7, @return.Id.Version);
        Assert.Equal(AskedAt.ToUnixTimeMilliseconds(), Convert.ToInt64(@return.Id.ToString("N")[..12], 16));
        Assert.False(await db.Returns.AnyAsync(r => r.OrderId == Kept));
    }

    private OrderingDbContext Context() => new(new DbContextOptionsBuilder<OrderingDbContext>()
        .UseNpgsql(_database.ConnectionString, npgsql =>
        {
            npgsql.UseNetTopologySuite();
            npgsql.MigrationsHistoryTable("__ef_migrations_history");
        })
        .UseSnakeCaseNamingConvention()
        .Options);

    /// <summary>
    /// Two orders of 3 × 50,000 and 1 × 100,000 with a 33,333 coupon: one RETURN_REQUESTED since 1 December ("Sai màu"),
    /// one DELIVERED.
    /// </summary>
    private const string OrdersBeforeReturnsWentByLine = """
        INSERT INTO checkouts (id, buyer_id, payment_method, created_at)
        VALUES ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000b1', 'Card', '2026-11-25T10:00:00Z');
        INSERT INTO orders (id, checkout_id, number, buyer_id, shop_id, seller_id, status, payment_method, currency, coupon_codes, weight_grams,
            placed_at, updated_at, version, delivery_address_city, delivery_address_country, delivery_address_district, delivery_address_line1,
            delivery_address_phone, delivery_address_recipient_name, fees_discount, fees_shipping_fee, fees_subtotal, fees_tax, fees_total,
            shop_location_lat, shop_location_lng)
        VALUES
            ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1', 'GS-261125-AAAAAA', '00000000-0000-0000-0000-0000000000b1',
             '00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000e1', 'ReturnRequested', 'Card', 'VND', ARRAY['GIAM33K'], 2100,
             '2026-11-25T10:00:00Z', '2026-12-01T10:00:00Z', 5, 'Hà Nội', 'VN', 'Hoàn Kiếm', '1 Tràng Tiền', '0901234567', 'An',
             33333, 21000, 250000, 21667, 259334, 21.0245, 105.857),
            ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', 'GS-261125-BBBBBB', '00000000-0000-0000-0000-0000000000b1',
             '00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000e1', 'Delivered', 'Card', 'VND', ARRAY[]::text[], 500,
             '2026-11-25T10:00:00Z', '2026-11-28T10:00:00Z', 4, 'Hà Nội', 'VN', 'Hoàn Kiếm', '1 Tràng Tiền', '0901234567', 'An',
             0, 21000, 100000, 10000, 131000, 21.0245, 105.857);
        INSERT INTO order_lines (id, order_id, position, product_id, title, quantity, unit_price, line_total, weight_grams) VALUES
            ('00000000-0000-0000-0000-0000000001a1', '00000000-0000-0000-0000-0000000000a1', 0, gen_random_uuid(), 'Áo thun', 3, 50000, 150000, 300),
            ('00000000-0000-0000-0000-0000000001a2', '00000000-0000-0000-0000-0000000000a1', 1, gen_random_uuid(), 'Giày', 1, 100000, 100000, 1200),
            ('00000000-0000-0000-0000-0000000001a3', '00000000-0000-0000-0000-0000000000a2', 0, gen_random_uuid(), 'Mũ', 1, 100000, 100000, 500);
        INSERT INTO order_status_changes (id, order_id, sequence, from_status, to_status, actor_role, actor_id, reason, at) VALUES
            (gen_random_uuid(), '00000000-0000-0000-0000-0000000000a1', 4, 'Delivered', 'ReturnRequested', 'Buyer',
             '00000000-0000-0000-0000-0000000000b1', 'Sai màu', '2026-12-01T10:00:00Z');
        """;
}
