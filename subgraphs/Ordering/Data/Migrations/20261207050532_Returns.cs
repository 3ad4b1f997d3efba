using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Ordering.Data.Migrations
{
    /// <summary>
    /// Returns get tables of their own (a return by line, with its parcel and refund). An order whose return was asked
    /// for before this (RETURN_REQUESTED, whole order) gets its return row here, so its seller can still decide on it.
    /// </summary>
    public partial class Returns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "returns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shop_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    whole_order = table.Column<bool>(type: "boolean", nullable: false),
                    refund_amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    weight_grams = table.Column<int>(type: "integer", nullable: false),
                    media_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    shipment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    picked_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    refunded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_returns", x => x.id);
                    table.CheckConstraint("ck_returns_refund_not_negative", "refund_amount >= 0");
                    table.ForeignKey(
                        name: "fk_returns_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "return_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    return_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    order_line_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    variant_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    refund_amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    weight_grams = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_return_lines", x => x.id);
                    table.CheckConstraint("ck_return_lines_quantity_positive", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_return_lines_order_lines_order_line_id",
                        column: x => x.order_line_id,
                        principalTable: "order_lines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_return_lines_returns_return_id",
                        column: x => x.return_id,
                        principalTable: "returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_return_lines_order_line_id",
                table: "return_lines",
                column: "order_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_return_lines_return_id_position",
                table: "return_lines",
                columns: new[] { "return_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_returns_buyer_id_id",
                table: "returns",
                columns: new[] { "buyer_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_returns_order_id",
                table: "returns",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_returns_shop_id_id",
                table: "returns",
                columns: new[] { "shop_id", "id" });

            migrationBuilder.Sql(BackfillRequestedReturns);
        }

        /// <summary>
        /// A whole-order return for each order waiting for its seller's answer: the reason and time of its request, the
        /// order's total as refund, every line priced as <c>ReturnRefunds</c> does (the last line takes the rounding
        /// left over). Ids are time-ordered like the domain's: the request's time in milliseconds, version 7.
        /// </summary>
        private const string BackfillRequestedReturns = """
            INSERT INTO returns (id, order_id, buyer_id, shop_id, seller_id, status, reason, whole_order, refund_amount, currency, weight_grams,
                                 media_ids, requested_at, updated_at, version)
            SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                       PLACING substring(int8send(floor(extract(epoch FROM asked.at) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid,
                   o.id, o.buyer_id, o.shop_id, o.seller_id, 'Requested', left(coalesce(nullif(trim(asked.reason), ''), 'Return requested'), 500), TRUE,
                   o.fees_total, o.currency, o.weight_grams, '{}', asked.at, asked.at, 1
            FROM orders o
            CROSS JOIN LATERAL (
                SELECT h.reason, h.at FROM order_status_changes h
                WHERE h.order_id = o.id AND h.to_status = 'ReturnRequested'
                ORDER BY h.sequence DESC LIMIT 1) asked
            WHERE o.status = 'ReturnRequested' AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.order_id = o.id);

            INSERT INTO return_lines (id, return_id, position, order_line_id, product_id, variant_id, title, variant_title, quantity, unit_price,
                                      refund_amount, weight_grams)
            SELECT gen_random_uuid(), priced.return_id, priced.position, priced.id, priced.product_id, priced.variant_id, priced.title,
                   priced.variant_title, priced.quantity, priced.unit_price,
                   CASE WHEN priced.position = max(priced.position) OVER (PARTITION BY priced.return_id)
                        THEN priced.fees_total - priced.fees_shipping_fee - (sum(priced.refund) OVER (PARTITION BY priced.return_id) - priced.refund)
                        ELSE priced.refund END,
                   priced.weight_grams
            FROM (
                SELECT r.id AS return_id, l.*, o.fees_total, o.fees_shipping_fee,
                       round(share.goods - share.discount
                             + CASE WHEN o.fees_subtotal - o.fees_discount = 0 THEN 0
                                    ELSE o.fees_tax * (share.goods - share.discount) / (o.fees_subtotal - o.fees_discount) END, 0) AS refund
                FROM returns r
                JOIN orders o ON o.id = r.order_id
                JOIN order_lines l ON l.order_id = o.id
                CROSS JOIN LATERAL (
                    SELECT l.unit_price * l.quantity AS goods,
                           CASE WHEN o.fees_subtotal = 0 THEN 0 ELSE o.fees_discount * l.unit_price * l.quantity / o.fees_subtotal END AS discount) share
                WHERE NOT EXISTS (SELECT 1 FROM return_lines x WHERE x.return_id = r.id)) priced;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "return_lines");

            migrationBuilder.DropTable(
                name: "returns");
        }
    }
}
