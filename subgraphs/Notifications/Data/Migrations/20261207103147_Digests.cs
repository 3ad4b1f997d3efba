using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class Digests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "digest_categories",
                table: "recipients",
                type: "character varying(20)[]",
                nullable: false,
                defaultValue: Array.Empty<string>());

            migrationBuilder.AddColumn<List<Guid>>(
                name: "accepted_devices",
                table: "channel_deliveries",
                type: "uuid[]",
                nullable: false,
                defaultValue: new List<Guid>());

            migrationBuilder.AddColumn<DateOnly>(
                name: "digest_day",
                table: "channel_deliveries",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notification_digests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notification_count = table.Column<int>(type: "integer", nullable: false),
                    accepted_devices = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_digests", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_channel_deliveries_user_id_channel_digest_day",
                table: "channel_deliveries",
                columns: new[] { "user_id", "channel", "digest_day" },
                filter: "status = 'InDigest'");

            migrationBuilder.CreateIndex(
                name: "ix_notification_digests_next_attempt_at",
                table: "notification_digests",
                column: "next_attempt_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_notification_digests_user_id_category_channel_day",
                table: "notification_digests",
                columns: new[] { "user_id", "category", "channel", "day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_digests");

            migrationBuilder.DropIndex(
                name: "ix_channel_deliveries_user_id_channel_digest_day",
                table: "channel_deliveries");

            migrationBuilder.DropColumn(
                name: "digest_categories",
                table: "recipients");

            migrationBuilder.DropColumn(
                name: "accepted_devices",
                table: "channel_deliveries");

            migrationBuilder.DropColumn(
                name: "digest_day",
                table: "channel_deliveries");
        }
    }
}
