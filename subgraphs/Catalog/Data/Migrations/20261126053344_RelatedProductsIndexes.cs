using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class RelatedProductsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_products_category_best_selling",
                table: "products",
                columns: new[] { "category_id", "sold_count", "id" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_products_category_brand_best_selling",
                table: "products",
                columns: new[] { "category_id", "brand_id", "sold_count", "id" },
                filter: "deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_products_category_best_selling",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_category_brand_best_selling",
                table: "products");
        }
    }
}
