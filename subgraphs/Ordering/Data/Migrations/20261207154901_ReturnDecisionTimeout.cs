using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Ordering.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReturnDecisionTimeout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_returns_requested_awaiting_decision",
                table: "returns",
                column: "requested_at",
                filter: "status = 'Requested'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_returns_requested_awaiting_decision",
                table: "returns");
        }
    }
}
