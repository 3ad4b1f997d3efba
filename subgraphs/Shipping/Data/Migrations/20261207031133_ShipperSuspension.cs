using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Shipping.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShipperSuspension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "standing_decided_at",
                table: "shippers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "suspended",
                table: "shippers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "standing_decided_at",
                table: "shippers");

            migrationBuilder.DropColumn(
                name: "suspended",
                table: "shippers");
        }
    }
}
