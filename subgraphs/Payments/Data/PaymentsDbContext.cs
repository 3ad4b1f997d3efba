using GoShop.BuildingBlocks.Data;
using GoShop.Payments.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Data;

public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : GoShopDbContext(options)
{
    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<PaymentOrder> PaymentOrders => Set<PaymentOrder>();

    public DbSet<PaymentTransaction> Transactions => Set<PaymentTransaction>();

    public DbSet<Escrow> Escrows => Set<Escrow>();

    public DbSet<ShopLedgerEntry> ShopLedger => Set<ShopLedgerEntry>();

    public DbSet<Payout> Payouts => Set<Payout>();

    public DbSet<ShopDebt> ShopDebts => Set<ShopDebt>();

    public DbSet<Refund> Refunds => Set<Refund>();

    public DbSet<Dispute> Disputes => Set<Dispute>();

    public DbSet<SavedPaymentMethod> SavedPaymentMethods => Set<SavedPaymentMethod>();

    public DbSet<OrderRecord> OrderRecords => Set<OrderRecord>();

    public DbSet<CodDebt> CodDebts => Set<CodDebt>();

    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    /// <summary>
    /// Locks a payment's row until the current transaction ends, then reads it fresh with its orders and ledger: two
    /// notifications, refunds or events about one payment run one after the other.
    /// </summary>
    public async Task<Payment?> LockPaymentAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        var locked = await Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM payments WHERE id = {paymentId} FOR UPDATE").ToListAsync(cancellationToken);
        return locked.Count == 0 ? null : await WithLedger().SingleAsync(p => p.Id == paymentId, cancellationToken);
    }

    /// <summary>The captured payment of an order (the one its escrow holds), locked, or null.</summary>
    public async Task<Payment?> LockPaymentOfEscrowAsync(Guid orderId, CancellationToken cancellationToken) =>
        await Escrows.Where(e => e.OrderId == orderId).Select(e => (Guid?)e.PaymentId).SingleOrDefaultAsync(cancellationToken) is { } paymentId
            ? await LockPaymentAsync(paymentId, cancellationToken)
            : null;

    public IQueryable<Payment> WithLedger() => Payments.Include(p => p.Orders).Include(p => p.Transactions);

    /// <summary>
    /// Serialises the work on some orders with everyone else's until the current transaction ends (events about them,
    /// payments of them), taking them in one order. Locks are taken payments first, then orders.
    /// </summary>
    public async Task LockOrdersAsync(IEnumerable<Guid> orderIds, CancellationToken cancellationToken)
    {
        foreach (var orderId in orderIds.Distinct().Order())
            await LockAsync("order", orderId.ToString(), cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaymentsDbContext).Assembly);
    }
}
