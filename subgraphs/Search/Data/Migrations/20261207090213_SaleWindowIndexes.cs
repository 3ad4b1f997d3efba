using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Search.Data.Migrations
{
    /// <inheritdoc />
    public partial class SaleWindowIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_product_copies_sale_ends_at",
                table: "product_copies",
                column: "sale_ends_at",
                filter: "sale_ends_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_product_copies_sale_starts_at",
                table: "product_copies",
                column: "sale_starts_at",
                filter: "sale_starts_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_product_copies_sale_ends_at",
                table: "product_copies");

            migrationBuilder.DropIndex(
                name: "ix_product_copies_sale_starts_at",
                table: "product_copies");
        }
    }
}
