using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Ordering.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConfirmationDeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmation_due_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_pending_confirmation_due",
                table: "orders",
                column: "confirmation_due_at",
                filter: "status = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_pending_confirmation_due",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "confirmation_due_at",
                table: "orders");
        }
    }
}
