using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GoShop.BuildingBlocks.Tests.Data;

/// <summary>
/// The smallest context with a migration of its own, for the migrator's specifications: one table, created by
/// <see cref="NotesInitial"/>, with the history table every subgraph uses.
/// </summary>
public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    public static void Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .UseSnakeCaseNamingConvention()
        // The migration is written by hand, without a model snapshot to compare the model with.
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}

public sealed class Note
{
    public required Guid Id { get; init; }

    public required string Text { get; init; }
}

[DbContext(typeof(NotesDbContext))]
[Migration(Id)]
public sealed class NotesInitial : Migration
{
    public const string Id = "20261201000000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "notes",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                text = table.Column<string>(type: "text", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_notes", x => x.id));
}
