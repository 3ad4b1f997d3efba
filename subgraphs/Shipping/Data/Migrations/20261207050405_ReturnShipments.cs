using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Shipping.Data.Migrations
{
    /// <summary>
    /// Return shipments (issue 20, item 3): a kind on every shipment (the existing ones are deliveries), the return it
    /// brings back, and where it is picked up; one delivery per order and one return shipment per return instead of one
    /// shipment per order.
    /// </summary>
    public partial class ReturnShipments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_shipments_order_id",
                table: "shipments");

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "shipments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Delivery");

            migrationBuilder.AddColumn<string>(
                name: "pickup_address",
                table: "shipments",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "return_id",
                table: "shipments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_shipments_delivery_order_id",
                table: "shipments",
                column: "order_id",
                unique: true,
                filter: "kind = 'Delivery'");

            migrationBuilder.CreateIndex(
                name: "ix_shipments_order_id_kind",
                table: "shipments",
                columns: new[] { "order_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_shipments_return_id",
                table: "shipments",
                column: "return_id",
                unique: true,
                filter: "return_id IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_shipments_return_kind",
                table: "shipments",
                sql: "(kind = 'Return' AND return_id IS NOT NULL AND cod_amount = 0) OR (kind = 'Delivery' AND return_id IS NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_shipments_delivery_order_id",
                table: "shipments");

            migrationBuilder.DropIndex(
                name: "ix_shipments_order_id_kind",
                table: "shipments");

            migrationBuilder.DropIndex(
                name: "ix_shipments_return_id",
                table: "shipments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_shipments_return_kind",
                table: "shipments");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "shipments");

            migrationBuilder.DropColumn(
                name: "pickup_address",
                table: "shipments");

            migrationBuilder.DropColumn(
                name: "return_id",
                table: "shipments");

            migrationBuilder.CreateIndex(
                name: "ix_shipments_order_id",
                table: "shipments",
                column: "order_id",
                unique: true);
        }
    }
}
