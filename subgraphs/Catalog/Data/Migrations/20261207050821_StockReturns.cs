using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Catalog.Data.Migrations
{
    /// <summary>
    /// Returns by line (issue 20, item 3): a RETURN movement names the return that brought its units back, and a return
    /// puts each stock row back once.
    /// </summary>
    public partial class StockReturns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "return_id",
                table: "inventory_movements",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_movements_return_id_stock_item_id",
                table: "inventory_movements",
                columns: new[] { "return_id", "stock_item_id" },
                unique: true,
                filter: "return_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inventory_movements_return_id_stock_item_id",
                table: "inventory_movements");

            migrationBuilder.DropColumn(
                name: "return_id",
                table: "inventory_movements");
        }
    }
}
