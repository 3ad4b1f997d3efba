using GoShop.Analytics.Domain;

namespace GoShop.Analytics.Facts;

/// <summary>
/// The SQL that recomputes rollups from the facts for the shop-days listed in the temporary table <c>rollup_days</c>
/// and, for categories, the category-days listed in <c>rollup_category_days</c> (over every shop). The incremental path
/// lists the shop-days and category-days an event touched; a rebuild lists every day that has a fact, with every
/// category, so both run the very same statements.
/// </summary>
internal static class RollupSql
{
    private const string Zone = "'" + AnalyticsCalendar.TimeZoneName + "'";

    public const string CreateWorkTables =
        $"""
        CREATE TEMP TABLE rollup_days (shop_id uuid NOT NULL, day date NOT NULL, day_start timestamptz NOT NULL,
            day_end timestamptz NOT NULL, PRIMARY KEY (shop_id, day)) ON COMMIT DROP;
        CREATE TEMP TABLE rollup_category_days (category_id uuid NOT NULL, day date NOT NULL, day_start timestamptz NOT NULL,
            day_end timestamptz NOT NULL, PRIMARY KEY (category_id, day)) ON COMMIT DROP;
        """;

    /// <summary>Lists the shop-days given as two parallel arrays (@shops, @days).</summary>
    public const string ListDays =
        $"""
        INSERT INTO rollup_days (shop_id, day, day_start, day_end)
        SELECT DISTINCT x.shop_id, x.day, x.day::timestamp AT TIME ZONE {Zone}, (x.day + 1)::timestamp AT TIME ZONE {Zone}
        FROM unnest(@shops, @days) AS x(shop_id, day)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Lists the categories of the lines of orders @orders, each on the order's placement day (as products' categories are now).</summary>
    public const string ListCategoryDaysOfOrders =
        $"""
        INSERT INTO rollup_category_days (category_id, day, day_start, day_end)
        SELECT DISTINCT p.category_id, x.day, x.day::timestamp AT TIME ZONE {Zone}, (x.day + 1)::timestamp AT TIME ZONE {Zone}
        FROM order_facts o
        CROSS JOIN LATERAL (SELECT (o.placed_at AT TIME ZONE {Zone})::date AS day) AS x
        JOIN order_line_facts l ON l.order_id = o.order_id
        JOIN products p ON p.product_id = l.product_id AND p.category_id IS NOT NULL
        WHERE o.order_id = ANY(@orders)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// Lists every day with a fact of product @product under its previous category @previous (null: none) and its
    /// category now: its facts move from one to the other.
    /// </summary>
    public const string ListCategoryDaysOfRecategorised =
        $"""
        INSERT INTO rollup_category_days (category_id, day, day_start, day_end)
        SELECT DISTINCT c.category_id, x.day, x.day::timestamp AT TIME ZONE {Zone}, (x.day + 1)::timestamp AT TIME ZONE {Zone}
        FROM (
            SELECT (o.placed_at AT TIME ZONE {Zone})::date AS day
            FROM order_line_facts l JOIN order_facts o ON o.order_id = l.order_id WHERE l.product_id = @product
            UNION SELECT (v.viewed_at AT TIME ZONE {Zone})::date FROM product_view_facts v WHERE v.product_id = @product
            UNION SELECT (a.occurred_at AT TIME ZONE {Zone})::date FROM cart_add_facts a WHERE a.product_id = @product
        ) AS x
        CROSS JOIN (SELECT @previous::uuid AS category_id UNION SELECT category_id FROM products WHERE product_id = @product) AS c
        WHERE c.category_id IS NOT NULL
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Lists every shop-day with a fact between local days @from and @to (both included).</summary>
    public const string ListAllDays =
        $"""
        INSERT INTO rollup_days (shop_id, day, day_start, day_end)
        SELECT x.shop_id, x.day, x.day::timestamp AT TIME ZONE {Zone}, (x.day + 1)::timestamp AT TIME ZONE {Zone}
        FROM (
            SELECT shop_id, (placed_at AT TIME ZONE {Zone})::date AS day FROM order_facts
            UNION SELECT shop_id, (viewed_at AT TIME ZONE {Zone})::date FROM product_view_facts
            UNION SELECT shop_id, (occurred_at AT TIME ZONE {Zone})::date FROM cart_add_facts
        ) AS x
        WHERE x.day BETWEEN @from AND @to
        """;

    /// <summary>A rebuild's categories: every category a product has, on every listed day.</summary>
    public const string ListAllCategoryDays =
        """
        INSERT INTO rollup_category_days (category_id, day, day_start, day_end)
        SELECT c.category_id, d.day, d.day_start, d.day_end
        FROM (SELECT DISTINCT category_id FROM products WHERE category_id IS NOT NULL) AS c
        CROSS JOIN (SELECT DISTINCT day, day_start, day_end FROM rollup_days) AS d
        """;

    /// <summary>Rollups of the listed days, rebuilt: the days a rebuild covers lose every rollup, with a fact left or not.</summary>
    public const string DeleteRangeForRebuild =
        $"""
        DELETE FROM rollups WHERE bucket_start >= @from::timestamp AT TIME ZONE {Zone} AND bucket_start < (@to + 1)::timestamp AT TIME ZONE {Zone}
        """;

    public const string DeleteListed =
        """
        DELETE FROM rollups r USING rollup_days t
        WHERE r.shop_id = t.shop_id AND r.scope IN ('Shop', 'Product') AND r.bucket_start >= t.day_start AND r.bucket_start < t.day_end;
        DELETE FROM rollups r USING rollup_category_days t
        WHERE r.scope = 'Category' AND r.scope_id = t.category_id AND r.bucket_start >= t.day_start AND r.bucket_start < t.day_end;
        """;

    private const string Columns =
        """
        scope, scope_id, grain, bucket_start, shop_id, placed_orders, cancelled_orders, orders, units, gross_sales, discounts,
        commission, refunds, cod_orders, delivered_orders, returned_orders, confirm_count, confirm_seconds, handover_count,
        handover_seconds, delivery_count, delivery_seconds, shipments, failed_shipments, views, cart_adds
        """;

    private const string Sums =
        """
        sum(placed_orders), sum(cancelled_orders), sum(orders), sum(units), sum(gross_sales), sum(discounts), sum(commission),
        sum(refunds), sum(cod_orders), sum(delivered_orders), sum(returned_orders), sum(confirm_count), sum(confirm_seconds),
        sum(handover_count), sum(handover_seconds), sum(delivery_count), sum(delivery_seconds), sum(shipments),
        sum(failed_shipments), sum(views), sum(cart_adds)
        """;

    /// <summary>The bucket an instant falls in for grain g.grain: its UTC hour, or its local day.</summary>
    private static string Bucket(string instant) =>
        $"CASE g.grain WHEN 'Hour' THEN date_trunc('hour', {instant}, 'UTC') ELSE date_trunc('day', {instant} AT TIME ZONE {Zone}) AT TIME ZONE {Zone} END";

    /// <summary>The figures only a shop's own orders have, named: a product's or a category's first branch leaves them at zero.</summary>
    private const string OrderOnlyZeros =
        """
        0 AS discounts, 0 AS commission, 0 AS refunds, 0 AS cod_orders, 0 AS delivered_orders, 0 AS returned_orders, 0 AS confirm_count,
        0::float8 AS confirm_seconds, 0 AS handover_count, 0::float8 AS handover_seconds, 0 AS delivery_count, 0::float8 AS delivery_seconds,
        0 AS shipments, 0 AS failed_shipments
        """;

    private const string Grains = "CROSS JOIN (VALUES ('Hour'), ('Day')) AS g(grain)";

    /// <summary>A fact row's share of every figure besides the ones given (zeros), in <see cref="Columns"/>' order after shop_id.</summary>
    private static string Zeros(int count) => string.Join(", ", Enumerable.Repeat("0", count));

    /// <summary>The orders of the listed shop-days, each with whether it has an accepted return, its refunds, its commission and how its delivery went.</summary>
    private const string ListedOrders =
        $"""
        listed_orders AS (
            SELECT o.*, o.status <> 'CANCELLED' AS live,
                EXISTS (SELECT 1 FROM return_facts rf WHERE rf.order_id = o.order_id AND rf.accepted) AS returned,
                coalesce((SELECT sum(rf.amount) FROM refund_facts rf WHERE rf.order_id = o.order_id), 0) AS refunded,
                coalesce((SELECT ef.commission FROM escrow_facts ef WHERE ef.order_id = o.order_id), 0) AS commission,
                s.shipments, s.failed
            FROM order_facts o
            JOIN rollup_days t ON t.shop_id = o.shop_id AND (o.placed_at AT TIME ZONE {Zone})::date = t.day
                AND o.placed_at >= t.day_start AND o.placed_at < t.day_end
            CROSS JOIN LATERAL (
                SELECT count(*) AS shipments, coalesce(bool_or(sf.attempt_failed), false) AS failed
                FROM shipment_facts sf WHERE sf.order_id = o.order_id) AS s
        )
        """;

    public static readonly string InsertShops =
        $"""
        WITH {ListedOrders},
        parts AS (
            SELECT o.shop_id AS scope_id, g.grain, {Bucket("o.placed_at")} AS bucket_start,
                1 AS placed_orders,
                (NOT o.live)::int AS cancelled_orders,
                o.live::int AS orders,
                CASE WHEN o.live THEN o.units ELSE 0 END AS units,
                CASE WHEN o.live THEN o.subtotal ELSE 0 END AS gross_sales,
                CASE WHEN o.live THEN o.discount ELSE 0 END AS discounts,
                CASE WHEN o.live THEN o.commission ELSE 0 END AS commission,
                CASE WHEN o.live THEN o.refunded ELSE 0 END AS refunds,
                (o.live AND o.payment_method = 'COD')::int AS cod_orders,
                (o.delivered_at IS NOT NULL)::int AS delivered_orders,
                (o.returned AND o.delivered_at IS NOT NULL)::int AS returned_orders,
                (o.confirmed_at IS NOT NULL)::int AS confirm_count,
                coalesce(extract(epoch FROM o.confirmed_at - o.placed_at), 0)::float8 AS confirm_seconds,
                (o.shipped_at IS NOT NULL AND o.confirmed_at IS NOT NULL)::int AS handover_count,
                coalesce(extract(epoch FROM o.shipped_at - o.confirmed_at), 0)::float8 AS handover_seconds,
                (o.delivered_at IS NOT NULL AND o.shipped_at IS NOT NULL)::int AS delivery_count,
                coalesce(extract(epoch FROM o.delivered_at - o.shipped_at), 0)::float8 AS delivery_seconds,
                (o.shipments > 0)::int AS shipments,
                (o.shipments > 0 AND o.failed)::int AS failed_shipments,
                0 AS views, 0 AS cart_adds
            FROM listed_orders o {Grains}
            UNION ALL
            SELECT v.shop_id, g.grain, {Bucket("v.viewed_at")}, {Zeros(19)}, 1, 0
            FROM product_view_facts v JOIN rollup_days t ON t.shop_id = v.shop_id AND v.viewed_at >= t.day_start AND v.viewed_at < t.day_end {Grains}
            UNION ALL
            SELECT c.shop_id, g.grain, {Bucket("c.occurred_at")}, {Zeros(19)}, 0, 1
            FROM cart_add_facts c JOIN rollup_days t ON t.shop_id = c.shop_id AND c.occurred_at >= t.day_start AND c.occurred_at < t.day_end {Grains}
        )
        INSERT INTO rollups ({Columns})
        SELECT 'Shop', scope_id, grain, bucket_start, scope_id, {Sums}
        FROM parts GROUP BY scope_id, grain, bucket_start
        """;

    /// <summary>A product's figures: orders with a line of it (several lines of one product count one order), its units and line totals.</summary>
    public static readonly string InsertProducts =
        $"""
        WITH {ListedOrders},
        product_lines AS (
            SELECT o.order_id, o.shop_id, o.placed_at, o.live, l.product_id, sum(l.quantity) AS quantity, sum(l.line_total) AS line_total
            FROM listed_orders o JOIN order_line_facts l ON l.order_id = o.order_id
            GROUP BY o.order_id, o.shop_id, o.placed_at, o.live, l.product_id
        ),
        parts AS (
            SELECT p.product_id AS scope_id, p.shop_id, g.grain, {Bucket("p.placed_at")} AS bucket_start,
                1 AS placed_orders, (NOT p.live)::int AS cancelled_orders, p.live::int AS orders,
                CASE WHEN p.live THEN p.quantity ELSE 0 END AS units,
                CASE WHEN p.live THEN p.line_total ELSE 0 END AS gross_sales,
                {OrderOnlyZeros}, 0 AS views, 0 AS cart_adds
            FROM product_lines p {Grains}
            UNION ALL
            SELECT v.product_id, v.shop_id, g.grain, {Bucket("v.viewed_at")}, {Zeros(19)}, 1, 0
            FROM product_view_facts v JOIN rollup_days t ON t.shop_id = v.shop_id AND v.viewed_at >= t.day_start AND v.viewed_at < t.day_end {Grains}
            UNION ALL
            SELECT c.product_id, c.shop_id, g.grain, {Bucket("c.occurred_at")}, {Zeros(19)}, 0, 1
            FROM cart_add_facts c JOIN rollup_days t ON t.shop_id = c.shop_id AND c.occurred_at >= t.day_start AND c.occurred_at < t.day_end {Grains}
        )
        INSERT INTO rollups ({Columns})
        SELECT 'Product', scope_id, grain, bucket_start, shop_id, {Sums}
        FROM parts GROUP BY scope_id, shop_id, grain, bucket_start
        """;

    /// <summary>
    /// The listed categories' figures over every shop on their listed days, from their products' lines, views and cart
    /// adds (products of unknown category are left out).
    /// </summary>
    public static readonly string InsertCategories =
        $"""
        WITH listed_days AS MATERIALIZED (SELECT DISTINCT day, day_start, day_end FROM rollup_category_days),
        -- The listed days' facts first, by their time indexes, then their products' categories: reached the other way
        -- round (a category's products, then every line, view or cart add of them ever) a recount would cost the
        -- products' whole history instead of the day's facts. MATERIALIZED keeps the planner from that order.
        day_orders AS MATERIALIZED (
            SELECT o.order_id, o.placed_at, o.status <> 'CANCELLED' AS live, d.day
            FROM listed_days d JOIN order_facts o ON o.placed_at >= d.day_start AND o.placed_at < d.day_end
        ),
        day_views AS MATERIALIZED (
            SELECT v.product_id, v.viewed_at, d.day
            FROM listed_days d JOIN product_view_facts v ON v.viewed_at >= d.day_start AND v.viewed_at < d.day_end
        ),
        day_cart_adds AS MATERIALIZED (
            SELECT a.product_id, a.occurred_at, d.day
            FROM listed_days d JOIN cart_add_facts a ON a.occurred_at >= d.day_start AND a.occurred_at < d.day_end
        ),
        category_lines AS (
            SELECT o.order_id, o.placed_at, o.live, p.category_id, sum(l.quantity) AS quantity, sum(l.line_total) AS line_total
            FROM day_orders o
            JOIN order_line_facts l ON l.order_id = o.order_id
            JOIN products p ON p.product_id = l.product_id
            JOIN rollup_category_days t ON t.category_id = p.category_id AND t.day = o.day
            GROUP BY o.order_id, o.placed_at, o.live, p.category_id
        ),
        parts AS (
            SELECT c.category_id AS scope_id, g.grain, {Bucket("c.placed_at")} AS bucket_start,
                1 AS placed_orders, (NOT c.live)::int AS cancelled_orders, c.live::int AS orders,
                CASE WHEN c.live THEN c.quantity ELSE 0 END AS units,
                CASE WHEN c.live THEN c.line_total ELSE 0 END AS gross_sales,
                {OrderOnlyZeros}, 0 AS views, 0 AS cart_adds
            FROM category_lines c {Grains}
            UNION ALL
            SELECT p.category_id, g.grain, {Bucket("v.viewed_at")}, {Zeros(19)}, 1, 0
            FROM day_views v
            JOIN products p ON p.product_id = v.product_id
            JOIN rollup_category_days t ON t.category_id = p.category_id AND t.day = v.day {Grains}
            UNION ALL
            SELECT p.category_id, g.grain, {Bucket("a.occurred_at")}, {Zeros(19)}, 0, 1
            FROM day_cart_adds a
            JOIN products p ON p.product_id = a.product_id
            JOIN rollup_category_days t ON t.category_id = p.category_id AND t.day = a.day {Grains}
        )
        INSERT INTO rollups ({Columns})
        SELECT 'Category', scope_id, grain, bucket_start, NULL, {Sums}
        FROM parts GROUP BY scope_id, grain, bucket_start
        """;

    /// <summary>
    /// The added facts that need no recount (views, cart adds: appended, never changed), one row each, with the day and
    /// the category (as products' categories are now) they count in.
    /// </summary>
    public const string CreateDeltaTable =
        $"""
        CREATE TEMP TABLE rollup_deltas ON COMMIT DROP AS
        SELECT x.shop_id, x.product_id, p.category_id, x.at, (x.at AT TIME ZONE {Zone})::date AS day, x.views, x.cart_adds
        FROM unnest(@shops, @products, @ats, @views, @adds) AS x(shop_id, product_id, at, views, cart_adds)
        LEFT JOIN products p ON p.product_id = x.product_id
        """;

    /// <summary>
    /// Adds the delta facts' views and cart adds to their shop's, product's and category's hour and day, except where a
    /// listed recount of the same shop-day or category-day counts them already (it reads the facts this transaction wrote).
    /// The caller holds the shop-day and category-day locks, so a concurrent recount either counted a fact or runs after
    /// its delta.
    /// </summary>
    public static readonly string AddDeltas =
        $"""
        WITH parts AS (
            SELECT 'Shop' AS scope, d.shop_id AS scope_id, d.shop_id, d.at, d.views, d.cart_adds FROM rollup_deltas d
            WHERE NOT EXISTS (SELECT 1 FROM rollup_days t WHERE t.shop_id = d.shop_id AND t.day = d.day)
            UNION ALL
            SELECT 'Product', d.product_id, d.shop_id, d.at, d.views, d.cart_adds FROM rollup_deltas d
            WHERE NOT EXISTS (SELECT 1 FROM rollup_days t WHERE t.shop_id = d.shop_id AND t.day = d.day)
            UNION ALL
            SELECT 'Category', d.category_id, NULL, d.at, d.views, d.cart_adds FROM rollup_deltas d
            WHERE d.category_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM rollup_category_days t WHERE t.category_id = d.category_id AND t.day = d.day)
        ),
        sums AS (
            SELECT p.scope, p.scope_id, p.shop_id, g.grain, {Bucket("p.at")} AS bucket_start, sum(p.views) AS views, sum(p.cart_adds) AS cart_adds
            FROM parts p {Grains}
            GROUP BY p.scope, p.scope_id, p.shop_id, g.grain, 5
        )
        INSERT INTO rollups ({Columns})
        SELECT scope, scope_id, grain, bucket_start, shop_id, {Zeros(19)}, views, cart_adds FROM sums
        ON CONFLICT (scope, scope_id, grain, bucket_start)
        DO UPDATE SET views = rollups.views + excluded.views, cart_adds = rollups.cart_adds + excluded.cart_adds
        """;

    /// <summary>The shops whose figures a delta changed: their cached reports are stale (see <see cref="BumpListedReportVersions"/>).</summary>
    public const string BumpDeltaReportVersions =
        """
        INSERT INTO shop_report_versions (shop_id, version)
        SELECT DISTINCT shop_id, 1 FROM rollup_deltas
        ON CONFLICT (shop_id) DO UPDATE SET version = shop_report_versions.version + 1
        """;

    /// <summary>
    /// Moves on the report version of every shop with a listed day (ShopReportVersion): run with every recount, in its
    /// transaction, so a cached report of the shop is never read after the facts it was computed from changed.
    /// </summary>
    public const string BumpListedReportVersions =
        """
        INSERT INTO shop_report_versions (shop_id, version)
        SELECT DISTINCT shop_id, 1 FROM rollup_days
        ON CONFLICT (shop_id) DO UPDATE SET version = shop_report_versions.version + 1
        """;

    /// <summary>A rebuild may empty days no fact lists any more: every shop's reports are recomputed after it.</summary>
    public const string BumpAllReportVersions = "UPDATE shop_report_versions SET version = version + 1";
}
