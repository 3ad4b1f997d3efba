using GoShop.BuildingBlocks.Data;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;
using GoShop.Ordering.Live;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Ordering.Data;

public sealed class OrderingDbContext(DbContextOptions<OrderingDbContext> options) : GoShopDbContext(options)
{
    public DbSet<Checkout> Checkouts => Set<Checkout>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<OrderStatusChange> OrderStatusChanges => Set<OrderStatusChange>();

    public DbSet<OrderTimelineEntry> OrderTimelineEntries => Set<OrderTimelineEntry>();

    public DbSet<Return> Returns => Set<Return>();

    public DbSet<ReturnLine> ReturnLines => Set<ReturnLine>();

    /// <summary>
    /// Queues a live update on the order's topic and on its buyer's and seller's, sent once the change it reports is
    /// committed and dropped if it rolls back (<see cref="GoShopDbContext.AnnounceLive"/>).
    /// </summary>
    public void Announce(OrderStatusUpdateMessage update)
    {
        AnnounceLive(OrderTopics.Order(update.OrderId), update);
        AnnounceLive(OrderTopics.User(update.BuyerId), update);
        if (update.SellerId != update.BuyerId)
            AnnounceLive(OrderTopics.User(update.SellerId), update);
    }

    /// <summary>
    /// Locks an order's row until the current transaction ends and reads it fresh with its lines (what its events carry):
    /// moves of one order run one after another, and the second of two racing moves sees the first one's result.
    /// </summary>
    public async Task<Order?> LockOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        // Lock first, then read: the read sees the row as the transaction that held the lock before left it.
        var locked = await Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM orders WHERE id = {orderId} FOR UPDATE").ToListAsync(cancellationToken);
        return locked.Count == 0 ? null : await Orders.Include(o => o.Lines).SingleAsync(o => o.Id == orderId, cancellationToken);
    }

    /// <summary>
    /// The return of an order locked with <see cref="LockOrderAsync"/>, with its lines, tracked: a return changes only
    /// under its order's lock, beside the order's move.
    /// </summary>
    public Task<Return?> ReturnOfLockedOrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        Returns.Include(r => r.Lines).SingleOrDefaultAsync(r => r.OrderId == orderId, cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> orders of <paramref name="dueIds"/>'s query, locked until the current
    /// transaction ends and skipping rows someone else holds (several sweepers share the work), read with their lines.
    /// </summary>
    public async Task<List<Order>> ClaimOrdersAsync(FormattableString dueIds, CancellationToken cancellationToken)
    {
        var ids = await Database.SqlQuery<Guid>(dueIds).ToListAsync(cancellationToken);
        return await Orders.Include(o => o.Lines).Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrderingDbContext).Assembly);
    }
}
