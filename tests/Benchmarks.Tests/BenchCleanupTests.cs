namespace GoShop.Benchmarks.Tests;

/// <summary>
/// The bench's clean-up removes what its run made, with everything hanging off it, and nothing else: not the demo
/// data, not another run's.
/// </summary>
public sealed class BenchCleanupTests(MigratedDatabases databases) : IClassFixture<MigratedDatabases>
{
    private const string Tag = "20261207020000";

    [Fact]
    public async Task Clean_up_removes_the_runs_users_shops_products_and_what_hangs_off_them_and_nothing_else()
    {
        var run = await MarketAsync($"bench-{Tag}-buyer-0@bench.goshop.dev", $"bench-{Tag}-seller-0@bench.goshop.dev");
        var demo = await MarketAsync("buyer@goshop.dev", "seller@goshop.dev");
        var otherRun = await MarketAsync("bench-20261101000000-buyer-0@bench.goshop.dev", "bench-20261101000000-seller-0@bench.goshop.dev");
        var log = new StringWriter();

        await new BenchCleanup(databases.ConnectionString, log).RemoveRunAsync(Tag, CancellationToken.None);

        await ExpectAsync("identity", "SELECT id FROM users", m => m.Buyer);
        await ExpectAsync("identity", "SELECT id FROM users", m => m.Seller);
        await ExpectAsync("identity", "SELECT user_id FROM addresses", m => m.Buyer);
        await ExpectAsync("shops", "SELECT id FROM shops", m => m.Shop);
        await ExpectAsync("shops", "SELECT shop_id FROM promotions", m => m.Shop);
        await ExpectAsync("shops", "SELECT user_id FROM promotion_redemptions", m => m.Buyer);
        await ExpectAsync("catalog", "SELECT id FROM shops", m => m.Shop);
        await ExpectAsync("catalog", "SELECT id FROM products", m => m.Product);
        await ExpectAsync("catalog", "SELECT product_id FROM stock_items", m => m.Product);
        await ExpectAsync("catalog", "SELECT product_id FROM inventory_movements", m => m.Product);
        await ExpectAsync("catalog", "SELECT product_id FROM reservation_lines", m => m.Product);
        await ExpectAsync("cart", "SELECT user_id FROM carts", m => m.Buyer);
        await ExpectAsync("cart", "SELECT product_id FROM cart_items", m => m.Product);
        await ExpectAsync("cart", "SELECT product_id FROM product_copies", m => m.Product);
        await ExpectAsync("ordering", "SELECT buyer_id FROM checkouts", m => m.Buyer);
        await ExpectAsync("ordering", "SELECT id FROM orders", m => m.Order);
        await ExpectAsync("ordering", "SELECT order_id FROM order_lines", m => m.Order);
        await ExpectAsync("payments", "SELECT buyer_id FROM payments", m => m.Buyer);
        await ExpectAsync("payments", "SELECT order_id FROM payment_orders", m => m.Order);
        await ExpectAsync("payments", "SELECT order_id FROM payment_transactions", m => m.Order);
        await ExpectAsync("payments", "SELECT order_id FROM escrows", m => m.Order);
        await ExpectAsync("payments", "SELECT order_id FROM order_records", m => m.Order);
        await ExpectAsync("payments", "SELECT shop_id FROM shop_ledger_entries", m => m.Shop);
        await ExpectAsync("shipping", "SELECT order_id FROM shipments", m => m.Order);
        await ExpectAsync("shipping", "SELECT actor_id FROM shipment_history", m => m.Seller);
        await ExpectAsync("reviews", "SELECT order_id FROM reviews", m => m.Order);
        await ExpectAsync("reviews", "SELECT review_id FROM review_revisions", m => m.Review);
        await ExpectAsync("reviews", "SELECT subject_id FROM rating_summaries", m => m.Product);
        await ExpectAsync("reviews", "SELECT order_id FROM purchases", m => m.Order);
        await ExpectAsync("reviews", "SELECT order_id FROM deliveries", m => m.Order);
        await ExpectAsync("notifications", "SELECT user_id FROM notifications", m => m.Buyer);
        await ExpectAsync("notifications", "SELECT user_id FROM channel_deliveries", m => m.Buyer);
        await ExpectAsync("notifications", "SELECT user_id FROM notification_preferences", m => m.Buyer);
        await ExpectAsync("notifications", "SELECT user_id FROM recipients", m => m.Buyer);
        await ExpectAsync("notifications", "SELECT order_id FROM order_parties", m => m.Order);
        await ExpectAsync("notifications", "SELECT shop_id FROM shop_owners", m => m.Shop);
        await ExpectAsync("analytics", "SELECT order_id FROM order_facts", m => m.Order);
        await ExpectAsync("analytics", "SELECT order_id FROM order_facts", m => m.LoadedOrder);
        await ExpectAsync("analytics", "SELECT order_id FROM order_line_facts", m => m.LoadedOrder);
        await ExpectAsync("analytics", "SELECT order_id FROM payment_facts", m => m.Order);
        await ExpectAsync("analytics", "SELECT order_id FROM refund_facts", m => m.LoadedOrder);
        await ExpectAsync("analytics", "SELECT order_id FROM shipment_facts", m => m.Order);
        await ExpectAsync("analytics", "SELECT product_id FROM product_view_facts", m => m.Product);
        await ExpectAsync("analytics", "SELECT user_id FROM cart_add_facts", m => m.Buyer);
        await ExpectAsync("analytics", "SELECT scope_id FROM rollups", m => m.Shop);
        await ExpectAsync("analytics", "SELECT product_id FROM products", m => m.Product);
        await ExpectAsync("analytics", "SELECT shop_id FROM shops", m => m.Shop);

        // What the query finds still holds the kept markets' rows and none of the run's.
        async Task ExpectAsync(string subgraph, string query, Func<Market, Guid> key)
        {
            var found = await databases.IdsAsync(subgraph, query);
            Assert.All(new[] { demo, otherRun }, market => Assert.Contains(key(market), found));
            Assert.DoesNotContain(key(run), found);
        }

        Assert.Contains($"removing bench run {Tag}: 2 users, 1 shops, 1 products, 1 orders", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_up_of_a_run_that_left_nothing_changes_nothing()
    {
        var demo = await MarketAsync("admin@goshop.dev", "shipper@goshop.dev");
        var log = new StringWriter();

        await new BenchCleanup(databases.ConnectionString, log).RemoveRunAsync("19990101000000", CancellationToken.None);

        Assert.Contains(demo.Order, await databases.IdsAsync("ordering", "SELECT id FROM orders"));
        Assert.Contains(demo.Buyer, await databases.IdsAsync("identity", "SELECT id FROM users"));
        Assert.Contains("removing bench run 19990101000000: 0 users, 0 shops, 0 products, 0 orders", log.ToString(), StringComparison.Ordinal);
    }

    /// <param name="LoadedOrder">An order analytics alone knows (the analytics scenario writes a year of them straight into its facts).</param>
    /// <param name="Review">The buyer's review of the order.</param>
    private sealed record Market(Guid Buyer, Guid Seller, Guid Shop, Guid Product, Guid Order, Guid LoadedOrder, Guid Review);

    /// <summary>A buyer who ordered from a seller's shop, in every database, as the events and the API would have left it.</summary>
    private async Task<Market> MarketAsync(string buyerEmail, string sellerEmail)
    {
        var m = new Market(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var checkout = Guid.CreateVersion7();
        var payment = Guid.CreateVersion7();
        var stock = Guid.CreateVersion7();
        var reservation = Guid.CreateVersion7();
        var cart = Guid.CreateVersion7();
        var shipment = Guid.CreateVersion7();
        var promotion = Guid.CreateVersion7();

        await databases.InsertAsync("identity", "users", ("id", m.Buyer), ("email", buyerEmail), ("normalized_email", buyerEmail));
        await databases.InsertAsync("identity", "users", ("id", m.Seller), ("email", sellerEmail), ("normalized_email", sellerEmail));
        await databases.InsertAsync("identity", "addresses", ("user_id", m.Buyer));

        await databases.InsertAsync("shops", "shops", ("id", m.Shop), ("owner_id", m.Seller));
        await databases.InsertAsync("shops", "promotions", ("id", promotion), ("shop_id", m.Shop),
            ("starts_at", DateTimeOffset.UtcNow.AddDays(-1)), ("ends_at", DateTimeOffset.UtcNow.AddDays(1)));
        await databases.InsertAsync("shops", "promotion_redemptions", ("promotion_id", promotion), ("user_id", m.Buyer), ("order_id", m.Order));

        await databases.InsertAsync("catalog", "shops", ("id", m.Shop), ("owner_id", m.Seller));
        await databases.InsertAsync("catalog", "products", ("id", m.Product), ("shop_id", m.Shop), ("title", "Áo thun"));
        await databases.InsertAsync("catalog", "stock_items", ("id", stock), ("product_id", m.Product), ("shop_id", m.Shop));
        await databases.InsertAsync("catalog", "inventory_movements", ("stock_item_id", stock), ("product_id", m.Product));
        await databases.InsertAsync("catalog", "reservations", ("id", reservation));
        await databases.InsertAsync("catalog", "reservation_lines", ("reservation_id", reservation), ("stock_item_id", stock), ("product_id", m.Product));

        await databases.InsertAsync("cart", "carts", ("id", cart), ("user_id", m.Buyer));
        await databases.InsertAsync("cart", "cart_items", ("cart_id", cart), ("product_id", m.Product), ("shop_id", m.Shop));
        await databases.InsertAsync("cart", "product_copies", ("product_id", m.Product), ("shop_id", m.Shop));

        await databases.InsertAsync("ordering", "checkouts", ("id", checkout), ("buyer_id", m.Buyer));
        await databases.InsertAsync("ordering", "orders", ("id", m.Order), ("checkout_id", checkout), ("buyer_id", m.Buyer), ("shop_id", m.Shop), ("seller_id", m.Seller));
        await databases.InsertAsync("ordering", "order_lines", ("order_id", m.Order), ("product_id", m.Product));

        await databases.InsertAsync("payments", "payments", ("id", payment), ("buyer_id", m.Buyer), ("checkout_id", checkout));
        await databases.InsertAsync("payments", "payment_orders", ("payment_id", payment), ("order_id", m.Order), ("shop_id", m.Shop), ("seller_id", m.Seller));
        await databases.InsertAsync("payments", "payment_transactions", ("payment_id", payment), ("order_id", m.Order));
        await databases.InsertAsync("payments", "escrows", ("order_id", m.Order), ("payment_id", payment), ("buyer_id", m.Buyer), ("shop_id", m.Shop), ("seller_id", m.Seller));
        await databases.InsertAsync("payments", "order_records", ("order_id", m.Order), ("checkout_id", checkout), ("buyer_id", m.Buyer), ("shop_id", m.Shop), ("seller_id", m.Seller));
        await databases.InsertAsync("payments", "shop_ledger_entries", ("shop_id", m.Shop), ("order_id", m.Order));

        await databases.InsertAsync("shipping", "shipments", ("id", shipment), ("order_id", m.Order), ("shop_id", m.Shop), ("buyer_id", m.Buyer), ("seller_id", m.Seller));
        await databases.InsertAsync("shipping", "shipment_history", ("shipment_id", shipment), ("actor_id", m.Seller));

        await databases.InsertAsync("reviews", "reviews", ("id", m.Review), ("order_id", m.Order), ("shop_id", m.Shop), ("product_id", m.Product),
            ("subject_id", m.Product), ("author_id", m.Buyer));
        await databases.InsertAsync("reviews", "review_revisions", ("review_id", m.Review));
        await databases.InsertAsync("reviews", "rating_summaries", ("subject_id", m.Product));
        await databases.InsertAsync("reviews", "purchases", ("order_id", m.Order), ("buyer_id", m.Buyer), ("shop_id", m.Shop));
        await databases.InsertAsync("reviews", "deliveries", ("order_id", m.Order), ("buyer_id", m.Buyer), ("shop_id", m.Shop));

        var notification = Guid.CreateVersion7();
        await databases.InsertAsync("notifications", "recipients", ("user_id", m.Buyer), ("email", buyerEmail));
        await databases.InsertAsync("notifications", "notifications", ("id", notification), ("user_id", m.Buyer));
        await databases.InsertAsync("notifications", "channel_deliveries", ("notification_id", notification), ("user_id", m.Buyer), ("channel", "Email"));
        await databases.InsertAsync("notifications", "notification_preferences", ("user_id", m.Buyer), ("category", "Orders"), ("channel", "Email"));
        await databases.InsertAsync("notifications", "order_parties", ("order_id", m.Order), ("buyer_id", m.Buyer), ("seller_id", m.Seller), ("shop_id", m.Shop));
        await databases.InsertAsync("notifications", "shop_owners", ("shop_id", m.Shop), ("owner_id", m.Seller));

        await databases.InsertAsync("analytics", "shops", ("shop_id", m.Shop));
        await databases.InsertAsync("analytics", "products", ("product_id", m.Product), ("shop_id", m.Shop));
        await databases.InsertAsync("analytics", "order_facts", ("order_id", m.Order), ("shop_id", m.Shop), ("buyer_id", m.Buyer));
        await databases.InsertAsync("analytics", "order_facts", ("order_id", m.LoadedOrder), ("shop_id", m.Shop));
        await databases.InsertAsync("analytics", "order_line_facts", ("order_id", m.LoadedOrder), ("product_id", m.Product));
        await databases.InsertAsync("analytics", "payment_facts", ("order_id", m.Order));
        await databases.InsertAsync("analytics", "refund_facts", ("order_id", m.LoadedOrder));
        await databases.InsertAsync("analytics", "shipment_facts", ("order_id", m.Order));
        await databases.InsertAsync("analytics", "product_view_facts", ("product_id", m.Product), ("shop_id", m.Shop));
        await databases.InsertAsync("analytics", "cart_add_facts", ("user_id", m.Buyer), ("product_id", m.Product), ("shop_id", m.Shop));
        await databases.InsertAsync("analytics", "rollups", ("scope", "Shop"), ("scope_id", m.Shop), ("shop_id", m.Shop), ("grain", "Day"));
        return m;
    }
}
