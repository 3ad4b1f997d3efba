using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProductRatingVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "rating_version",
                table: "products",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rating_version",
                table: "products");
        }
    }
}
