using Npgsql;

namespace GoShop.Benchmarks;

/// <summary>
/// Removes what one bench run made from the development databases: its users (emails
/// <c>bench-&lt;tag&gt;-…@bench.goshop.dev</c>), their shops, those shops' products, and everything hanging off them
/// (carts, checkouts and orders, payments, escrows and ledger entries, shipments, reservations and stock, reviews,
/// notifications, and analytics' facts and rollups). The API has
/// no way to delete most of these (orders and payments are kept for good in a real shop), so this goes to each
/// subgraph's database directly: acceptable for a development tool, never for the platform itself.
/// </summary>
/// <remarks>
/// The run's rows are found from its users outwards. Databases are cleaned dependents first and identity last, one
/// transaction each, so a clean-up that stops midway can simply be run again: the users it starts from are still there.
/// </remarks>
public sealed class BenchCleanup(Func<string, string> connectionStringOf, TextWriter log)
{
    /// <summary>The development databases of <c>make up</c>, as the subgraphs' own defaults name them.</summary>
    public static BenchCleanup ForDevelopmentDatabases(TextWriter log) => new(DevelopmentDatabase, log);

    /// <summary>The connection string of <paramref name="subgraph"/>'s development database (GOSHOP_BENCH_POSTGRES names the server).</summary>
    public static string DevelopmentDatabase(string subgraph)
    {
        var server = Environment.GetEnvironmentVariable("GOSHOP_BENCH_POSTGRES") is { Length: > 0 } value
            ? value
            : "Host=127.0.0.1;Port=5432;Username=goshop;Password=goshop";
        return new NpgsqlConnectionStringBuilder(server) { Database = "goshop_" + subgraph }.ConnectionString;
    }

    public static string EmailPattern(string tag) => $"bench-{tag}-%@bench.goshop.dev";

    private static readonly (string Subgraph, (string Table, string Delete)[] Steps)[] Databases =
    [
        // Analytics' facts of the run's shops (the analytics scenario's year of orders is written straight there, so it is
        // found by shop, not through ordering), their rollups (shop and product scopes; the run's products have no
        // category, so no category rollup counts them), and its copies of the shops and products.
        ("analytics",
        [
            ("rollups", "DELETE FROM rollups WHERE shop_id = ANY(@shops)"),
            ("order_line_facts", "DELETE FROM order_line_facts WHERE order_id IN (SELECT order_id FROM order_facts WHERE shop_id = ANY(@shops)) OR order_id = ANY(@orders)"),
            ("refund_facts", "DELETE FROM refund_facts WHERE order_id IN (SELECT order_id FROM order_facts WHERE shop_id = ANY(@shops)) OR order_id = ANY(@orders)"),
            ("escrow_facts", "DELETE FROM escrow_facts WHERE order_id IN (SELECT order_id FROM order_facts WHERE shop_id = ANY(@shops)) OR order_id = ANY(@orders)"),
            ("return_facts", "DELETE FROM return_facts WHERE order_id IN (SELECT order_id FROM order_facts WHERE shop_id = ANY(@shops)) OR order_id = ANY(@orders)"),
            ("shipment_facts", "DELETE FROM shipment_facts WHERE order_id IN (SELECT order_id FROM order_facts WHERE shop_id = ANY(@shops)) OR order_id = ANY(@orders)"),
            ("payment_facts", "DELETE FROM payment_facts WHERE order_id IN (SELECT order_id FROM order_facts WHERE shop_id = ANY(@shops)) OR order_id = ANY(@orders)"),
            ("order_facts", "DELETE FROM order_facts WHERE shop_id = ANY(@shops) OR order_id = ANY(@orders) OR buyer_id = ANY(@users)"),
            ("product_view_facts", "DELETE FROM product_view_facts WHERE shop_id = ANY(@shops) OR product_id = ANY(@products)"),
            ("cart_add_facts", "DELETE FROM cart_add_facts WHERE shop_id = ANY(@shops) OR product_id = ANY(@products) OR user_id = ANY(@users)"),
            ("products", "DELETE FROM products WHERE shop_id = ANY(@shops) OR product_id = ANY(@products)"),
            ("shops", "DELETE FROM shops WHERE shop_id = ANY(@shops)"),
        ]),
        // Reviews of the run's orders and products (their revisions, reports and votes go with them) and what reviews
        // knows of the run's deliveries; the rating summaries of the run's products and shops.
        ("reviews",
        [
            ("reviews", "DELETE FROM reviews WHERE shop_id = ANY(@shops) OR order_id = ANY(@orders) OR author_id = ANY(@users)"),
            ("rating_summaries", "DELETE FROM rating_summaries WHERE subject_id = ANY(@products) OR subject_id = ANY(@shops)"),
            ("purchases", "DELETE FROM purchases WHERE order_id = ANY(@orders) OR shop_id = ANY(@shops) OR buyer_id = ANY(@users)"),
            ("deliveries", "DELETE FROM deliveries WHERE order_id = ANY(@orders) OR shop_id = ANY(@shops) OR buyer_id = ANY(@users)"),
            ("deleted_products", "DELETE FROM deleted_products WHERE product_id = ANY(@products)"),
        ]),
        // The run's users' digests, notifications (their channel deliveries go with them), settings and devices, and
        // what notifications knows of the run's shops and orders.
        ("notifications",
        [
            ("notification_digests", "DELETE FROM notification_digests WHERE user_id = ANY(@users)"),
            ("notifications", "DELETE FROM notifications WHERE user_id = ANY(@users)"),
            ("channel_deliveries", "DELETE FROM channel_deliveries WHERE user_id = ANY(@users)"),
            ("notification_preferences", "DELETE FROM notification_preferences WHERE user_id = ANY(@users)"),
            ("push_devices", "DELETE FROM push_devices WHERE user_id = ANY(@users)"),
            ("recipients", "DELETE FROM recipients WHERE user_id = ANY(@users)"),
            ("order_parties", "DELETE FROM order_parties WHERE order_id = ANY(@orders) OR shop_id = ANY(@shops) OR buyer_id = ANY(@users)"),
            ("shop_owners", "DELETE FROM shop_owners WHERE shop_id = ANY(@shops)"),
        ]),
        ("cart",
        [
            ("carts", "DELETE FROM carts WHERE user_id = ANY(@users)"),
            ("saved_carts", "DELETE FROM saved_carts WHERE user_id = ANY(@users)"),
            ("lines_requests", "DELETE FROM lines_requests WHERE user_id = ANY(@users)"),
            ("variant_copies", "DELETE FROM variant_copies WHERE product_id = ANY(@products)"),
            ("product_copies", "DELETE FROM product_copies WHERE product_id = ANY(@products) OR shop_id = ANY(@shops)"),
        ]),
        ("shipping",
        [
            ("shipments", "DELETE FROM shipments WHERE order_id = ANY(@orders) OR shop_id = ANY(@shops) OR buyer_id = ANY(@users)"),
        ]),
        ("payments",
        [
            ("webhook_events", "DELETE FROM webhook_events WHERE payment_id IN (SELECT id FROM payments WHERE buyer_id = ANY(@users))"),
            ("refunds", "DELETE FROM refunds WHERE order_id = ANY(@orders) OR payment_id IN (SELECT id FROM payments WHERE buyer_id = ANY(@users))"),
            ("payment_transactions", "DELETE FROM payment_transactions WHERE order_id = ANY(@orders) OR payment_id IN (SELECT id FROM payments WHERE buyer_id = ANY(@users))"),
            ("disputes", "DELETE FROM disputes WHERE order_id = ANY(@orders) OR buyer_id = ANY(@users)"),
            ("cod_debts", "DELETE FROM cod_debts WHERE order_id = ANY(@orders)"),
            ("escrows", "DELETE FROM escrows WHERE order_id = ANY(@orders) OR shop_id = ANY(@shops) OR buyer_id = ANY(@users)"),
            ("payment_orders", "DELETE FROM payment_orders WHERE order_id = ANY(@orders) OR shop_id = ANY(@shops)"),
            ("payments", "DELETE FROM payments WHERE buyer_id = ANY(@users)"),
            ("shop_ledger_entries", "DELETE FROM shop_ledger_entries WHERE shop_id = ANY(@shops)"),
            ("payouts", "DELETE FROM payouts WHERE shop_id = ANY(@shops)"),
            ("order_records", "DELETE FROM order_records WHERE order_id = ANY(@orders) OR shop_id = ANY(@shops) OR buyer_id = ANY(@users)"),
            ("saved_payment_methods", "DELETE FROM saved_payment_methods WHERE user_id = ANY(@users)"),
        ]),
        ("ordering",
        [
            ("orders", "DELETE FROM orders WHERE id = ANY(@orders)"),
            ("checkouts", "DELETE FROM checkouts WHERE buyer_id = ANY(@users)"),
        ]),
        ("catalog",
        [
            // A reservation holds stock of the run's products only: the bench orders nothing else.
            ("reservations", "DELETE FROM reservations WHERE id IN (SELECT reservation_id FROM reservation_lines WHERE product_id = ANY(@products))"),
            ("products", "DELETE FROM products WHERE id = ANY(@products)"),
            ("shops", "DELETE FROM shops WHERE id = ANY(@shops)"),
        ]),
        ("shops",
        [
            ("promotion_redemptions", "DELETE FROM promotion_redemptions WHERE promotion_id IN (SELECT id FROM promotions WHERE shop_id = ANY(@shops))"),
            ("promotions", "DELETE FROM promotions WHERE shop_id = ANY(@shops)"),
            ("campaigns", "DELETE FROM campaigns WHERE shop_id = ANY(@shops)"),
            ("shops", "DELETE FROM shops WHERE id = ANY(@shops)"),
        ]),
        ("identity",
        [
            // Addresses, sessions and shipper profiles go with their user.
            ("users", "DELETE FROM users WHERE id = ANY(@users)"),
        ]),
    ];

    public async Task RemoveRunAsync(string tag, CancellationToken cancellationToken)
    {
        var users = await IdsAsync("identity", "SELECT id FROM users WHERE email LIKE @pattern", new() { ["pattern"] = EmailPattern(tag) }, cancellationToken);
        var shops = await IdsAsync("shops", "SELECT id FROM shops WHERE owner_id = ANY(@users)", new() { ["users"] = users }, cancellationToken);
        var products = await IdsAsync("catalog", "SELECT id FROM products WHERE shop_id = ANY(@shops)", new() { ["shops"] = shops }, cancellationToken);
        var orders = await IdsAsync("ordering", "SELECT id FROM orders WHERE buyer_id = ANY(@users) OR shop_id = ANY(@shops)",
            new() { ["users"] = users, ["shops"] = shops }, cancellationToken);
        var ids = new Dictionary<string, object> { ["users"] = users, ["shops"] = shops, ["products"] = products, ["orders"] = orders };

        log.WriteLine($"==> removing bench run {tag}: {users.Length} users, {shops.Length} shops, {products.Length} products, {orders.Length} orders");
        foreach (var (subgraph, steps) in Databases)
        {
            await using var connection = new NpgsqlConnection(connectionStringOf(subgraph));
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var removed = new List<string>();
            foreach (var (table, delete) in steps)
            {
                await using var command = Command(connection, delete, ids);
                command.Transaction = transaction;
                var count = await command.ExecuteNonQueryAsync(cancellationToken);
                if (count > 0)
                    removed.Add($"{count} {table}");
            }
            await transaction.CommitAsync(cancellationToken);
            log.WriteLine($"  {subgraph}: {(removed.Count > 0 ? string.Join(", ", removed) : "nothing")}");
        }
    }

    private async Task<Guid[]> IdsAsync(string subgraph, string query, Dictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionStringOf(subgraph));
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, query, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetGuid(0));
        return [.. ids];
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, Dictionary<string, object> parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains("@" + name, StringComparison.Ordinal))
                command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}
