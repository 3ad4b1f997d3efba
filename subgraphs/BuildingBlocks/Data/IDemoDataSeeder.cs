namespace GoShop.BuildingBlocks.Data;

/// <summary>Inserts a subgraph's demo data. Must be idempotent: it runs on every start with seeding on.</summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
