using GoShop.BuildingBlocks.Hosting;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Ordering.Workflow;

/// <summary>
/// The clock's part of the order process, every <c>Ordering:SweepInterval</c>: cancels online orders still unpaid at
/// their payment deadline (SYSTEM, PAYMENT_TIMEOUT) and completes delivered orders whose return window has passed
/// (SYSTEM). Each batch claims its rows with <c>FOR UPDATE SKIP LOCKED</c>, so several instances share the work and
/// never wait on a row someone is moving; the status is checked again under the lock, so running twice does nothing twice.
/// </summary>
public sealed class OrderSweeper(
    IServiceScopeFactory scopes,
    IOptions<OrderingOptions> options,
    TimeProvider clock,
    ILogger<OrderSweeper> logger) : PeriodicSweeper(clock, logger)
{
    public const int BatchSize = 50;
    public const string PaymentTimeoutReason = "PAYMENT_TIMEOUT";

    /// <summary>Sweeps what is due now; answers how many orders were cancelled and completed.</summary>
    public async Task<(int Cancelled, int Completed)> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var cancelled = await SweepAsync(now =>
            $"""
            SELECT id AS "Value" FROM orders
            WHERE status = 'PendingPayment' AND payment_due_at <= {now}
            ORDER BY payment_due_at
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """, OrderAction.Cancel, PaymentTimeoutReason, cancellationToken);
        var completed = await SweepAsync(now =>
            $"""
            SELECT id AS "Value" FROM orders
            WHERE status = 'Delivered' AND return_deadline <= {now}
            ORDER BY return_deadline
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """, OrderAction.Complete, null, cancellationToken);
        return (cancelled, completed);
    }

    private async Task<int> SweepAsync(Func<DateTimeOffset, FormattableString> due, OrderAction action, string? reason, CancellationToken cancellationToken)
    {
        var swept = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
            var workflow = scope.ServiceProvider.GetRequiredService<OrderWorkflow>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var orders = await db.ClaimOrdersAsync(due(Clock.GetUtcNow()), cancellationToken);
            var movedNow = 0;
            foreach (var order in orders)
            {
                var moved = workflow.Move(order, action, Actor.System, reason);
                if (moved.Succeeded)
                    movedNow++;
                else
                    Logger.LogError("The sweeper could not {Action} order {OrderId}: {Error}", action, order.Id, moved.Error.Message);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            swept += movedNow;
            // A batch that moved nothing would come back the same: leave it for the next tick.
            if (orders.Count < BatchSize || movedNow == 0)
                return swept;
        }
    }

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string Subject => "orders";

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        var (cancelled, completed) = await SweepOnceAsync(cancellationToken);
        if (cancelled + completed > 0)
            Logger.LogInformation("Cancelled {Cancelled} unpaid order(s), completed {Completed} delivered order(s)", cancelled, completed);
    }
}
