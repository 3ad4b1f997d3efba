using System.Diagnostics;
using System.Text.Json;
using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GoShop.BuildingBlocks.Data;

/// <summary>
/// Base of every subgraph's DbContext: adds the outbox and inbox tables, and <see cref="Publish"/>, which writes an
/// integration event into the outbox so it commits (or rolls back) with the change it reports.
/// </summary>
public abstract class GoShopDbContext(DbContextOptions options) : DbContext(options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Outbox messages were saved but their transaction has not committed yet.</summary>
    internal bool PendingOutboxSignal { get; set; }

    /// <summary>Queues an integration event for publication when this unit of work is saved.</summary>
    public void Publish(IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        OutboxMessages.Add(OutboxMessage.Create(
            IntegrationEventTypes.NameOf(type),
            JsonSerializer.Serialize(integrationEvent, type, Json),
            integrationEvent.OccurredAt,
            Activity.Current?.Id));
    }

    /// <summary>
    /// Serialises, until the current transaction ends, the work on one key of one scope (a buyer's idempotency key, an
    /// order's reservation, a return's restock): a PostgreSQL advisory lock on the two names' hashes, so scopes never
    /// block each other.
    /// </summary>
    public Task LockAsync(string scope, string key, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({scope}), hashtext({key}))", cancellationToken);

    /// <summary>
    /// The shared form of <see cref="LockAsync"/>: any number of transactions hold it together, and it waits for (and
    /// holds off) one that takes the same key with <see cref="LockAsync"/>.
    /// </summary>
    public Task LockSharedAsync(string scope, string key, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared(hashtext({scope}), hashtext({key}))", cancellationToken);

    /// <summary>Live updates waiting for this unit of work to commit (<see cref="Subscriptions.LiveUpdatesInterceptor"/> sends them).</summary>
    internal List<(string Topic, object Message)> PendingLive { get; } = [];

    /// <summary>Queues a live update on a topic, sent once the change it reports is committed and dropped if it rolls back.</summary>
    public void AnnounceLive(string topic, object message) => PendingLive.Add((topic, message));

    internal static object? Deserialize(string payload, Type type) => JsonSerializer.Deserialize(payload, type, Json);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money: 4 decimals covers every currency's minor unit with room for rounding of rates.
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
    }
}
