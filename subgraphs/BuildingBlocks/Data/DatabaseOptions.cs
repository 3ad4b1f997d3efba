namespace GoShop.BuildingBlocks.Data;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations when the subgraph starts (on by default in Development).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Insert the demo accounts and data after migrating (what <c>make up</c> asks for).</summary>
    public bool SeedDemoData { get; set; }
}
