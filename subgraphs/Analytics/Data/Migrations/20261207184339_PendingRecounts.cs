using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GoShop.Analytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingRecounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pending_recounts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    shop_id = table.Column<Guid>(type: "uuid", nullable: true),
                    day = table.Column<DateOnly>(type: "date", nullable: true),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_recounts", x => x.id);
                    table.CheckConstraint("ck_pending_recounts_day_or_order", "(shop_id IS NOT NULL AND day IS NOT NULL) <> (order_id IS NOT NULL)");
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_recounts");
        }
    }
}
