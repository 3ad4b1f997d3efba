using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Shops.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShopRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "rating_average",
                table: "shops",
                type: "numeric(3,2)",
                precision: 3,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "rating_count",
                table: "shops",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "rating_version",
                table: "shops",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rating_average",
                table: "shops");

            migrationBuilder.DropColumn(
                name: "rating_count",
                table: "shops");

            migrationBuilder.DropColumn(
                name: "rating_version",
                table: "shops");
        }
    }
}
