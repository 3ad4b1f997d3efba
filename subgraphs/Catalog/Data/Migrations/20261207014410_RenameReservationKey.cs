using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class RenameReservationKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "checkout_id",
                table: "reservations",
                newName: "order_id");

            migrationBuilder.RenameIndex(
                name: "ix_reservations_checkout_id",
                table: "reservations",
                newName: "ix_reservations_order_id");

            migrationBuilder.RenameColumn(
                name: "checkout_id",
                table: "inventory_movements",
                newName: "order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "order_id",
                table: "reservations",
                newName: "checkout_id");

            migrationBuilder.RenameIndex(
                name: "ix_reservations_order_id",
                table: "reservations",
                newName: "ix_reservations_checkout_id");

            migrationBuilder.RenameColumn(
                name: "order_id",
                table: "inventory_movements",
                newName: "checkout_id");
        }
    }
}
