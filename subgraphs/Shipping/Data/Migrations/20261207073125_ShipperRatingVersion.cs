using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Shipping.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShipperRatingVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "rating_count",
                table: "shippers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "rating_version",
                table: "shippers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rating_count",
                table: "shippers");

            migrationBuilder.DropColumn(
                name: "rating_version",
                table: "shippers");
        }
    }
}
