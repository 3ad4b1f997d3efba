using GoShop.BuildingBlocks.Hosting;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Payments.Escrows;

/// <summary>
/// The clock's part of payments, every <c>Payments:SweepInterval</c>: releases held money whose release time after
/// delivery has passed, unless the buyer asked to return the order (claimed with <c>FOR UPDATE SKIP LOCKED</c>, so instances share the work), and sends the
/// refunds events queued (a cancellation, an approved return, a late payment) or that could not reach their provider.
/// </summary>
public sealed class PaymentsSweeper(IServiceScopeFactory scopes, IOptions<PaymentsOptions> options, TimeProvider clock, ILogger<PaymentsSweeper> logger)
    : PeriodicSweeper(clock, logger)
{
    public const int BatchSize = 50;

    /// <summary>How long a refund sent to its provider may stay unanswered before it is asked again (with the same reference).</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(5);

    /// <summary>Does what is due now; answers how many escrows were released and refunds sent.</summary>
    public async Task<(int Released, int RefundsSent)> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var released = await ReleaseDueAsync(cancellationToken);
        var sent = await SendRefundsAsync(cancellationToken);
        return (released, sent);
    }

    private async Task<int> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        var released = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
            var releases = scope.ServiceProvider.GetRequiredService<EscrowReleases>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = Clock.GetUtcNow();
            var ids = await db.Database.SqlQuery<Guid>($"""
                SELECT id AS "Value" FROM escrows
                WHERE status = 'Held' AND release_due_at <= {now}
                  AND NOT EXISTS (SELECT 1 FROM order_records r WHERE r.order_id = escrows.order_id AND r.status = 'RETURN_REQUESTED')
                ORDER BY release_due_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            // Shop by shop, so two sweepers always take the shops' balance locks in the same order.
            var escrows = await db.Escrows.Where(e => ids.Contains(e.Id)).OrderBy(e => e.ShopId).ToListAsync(cancellationToken);
            foreach (var escrow in escrows)
                await releases.ReleaseAsync(escrow, EscrowReleases.ReleaseTimeReached, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            released += escrows.Count;
            if (escrows.Count < BatchSize)
                return released;
        }
    }

    private async Task<int> SendRefundsAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
            var before = Clock.GetUtcNow() - ResendAfter;
            due = await db.Refunds.Where(r => r.Status == RefundStatus.Pending && (r.SentAt == null || r.SentAt < before))
                .OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }
        foreach (var refundId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RefundDesk>().SendAsync(refundId, cancellationToken);
        }
        return due.Count;
    }

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string Subject => "payments";

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        var (released, sent) = await SweepOnceAsync(cancellationToken);
        if (released + sent > 0)
            Logger.LogInformation("Released {Released} escrow(s), sent {Sent} refund(s)", released, sent);
    }
}
