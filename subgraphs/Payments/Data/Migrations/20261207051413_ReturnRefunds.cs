using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Payments.Data.Migrations
{
    /// <summary>
    /// Returns by line (issue 20, item 3): a refund names the return it pays for, so RefundCompleted can tell ordering and
    /// a re-sent ReturnReceived finds it.
    /// </summary>
    public partial class ReturnRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "return_id",
                table: "refunds",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_refunds_return_id",
                table: "refunds",
                column: "return_id",
                filter: "return_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_refunds_return_id",
                table: "refunds");

            migrationBuilder.DropColumn(
                name: "return_id",
                table: "refunds");
        }
    }
}
