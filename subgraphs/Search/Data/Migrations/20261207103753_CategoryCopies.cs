using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoShop.Search.Data.Migrations
{
    /// <inheritdoc />
    public partial class CategoryCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "category_copies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    path = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_copies", x => x.id);
                });

            // Stamped like product_copies (Initial), so each instance's index feed reads the categories renamed or moved
            // since its last read, with the products the same transaction touched (Index/IndexFeed.cs).
            migrationBuilder.Sql("""
                ALTER TABLE category_copies ADD COLUMN change_txid xid8 NOT NULL DEFAULT pg_current_xact_id();
                CREATE INDEX ix_category_copies_change_txid ON category_copies (change_txid);
                CREATE TRIGGER category_copies_stamp_change BEFORE UPDATE ON category_copies
                    FOR EACH ROW EXECUTE FUNCTION product_copies_stamp_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER category_copies_stamp_change ON category_copies;");

            migrationBuilder.DropTable(
                name: "category_copies");
        }
    }
}
