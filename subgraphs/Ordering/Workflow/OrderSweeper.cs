using System.Globalization;
using GoShop.BuildingBlocks.Hosting;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Ordering.Workflow;

/// <summary>
/// The clock's part of the order process, every <c>Ordering:SweepInterval</c>: cancels online orders still unpaid at
/// their payment deadline (SYSTEM, PAYMENT_TIMEOUT) and pending orders their shop has not confirmed in time (SYSTEM,
/// CONFIRMATION_TIMEOUT: catalog puts the stock back and payments refunds a paid one on <c>OrderCancelled</c>),
/// approves returns their shop has not answered in time (SYSTEM; shipping then sends a shipper for the parcel), and
/// completes delivered orders whose return window has passed (SYSTEM). Each batch claims its rows with <c>FOR UPDATE SKIP LOCKED</c>, so several instances share the work and
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
    public const string ConfirmationTimeoutReason = "CONFIRMATION_TIMEOUT";

    /// <summary>Sweeps what is due now; answers how many orders it cancelled (unpaid, unconfirmed), whose return it approved, and completed.</summary>
    public async Task<SweepOutcome> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var unpaid = await SweepAsync(now =>
            $"""
            SELECT id AS "Value" FROM orders
            WHERE status = 'PendingPayment' AND payment_due_at <= {now}
            ORDER BY payment_due_at
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """, Move(OrderAction.Cancel, PaymentTimeoutReason, null), cancellationToken);
        var unconfirmed = await SweepAsync(now =>
            $"""
            SELECT id AS "Value" FROM orders
            WHERE status = 'Pending' AND confirmation_due_at <= {now}
            ORDER BY confirmation_due_at
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """, Move(OrderAction.Cancel, ConfirmationTimeoutReason, UnconfirmedExplanation()), cancellationToken);
        var decisionTimeout = options.Value.ReturnDecisionTimeout;
        var returnsApproved = await SweepAsync(now =>
            $"""
            SELECT o.id AS "Value" FROM returns r JOIN orders o ON o.id = r.order_id
            WHERE r.status = 'Requested' AND r.requested_at <= {now - decisionTimeout} AND o.status = 'ReturnRequested'
            ORDER BY r.requested_at
            LIMIT {BatchSize}
            FOR UPDATE OF o SKIP LOCKED
            """, (services, order) => services.GetRequiredService<ReturnWorkflow>().ApproveUnansweredAsync(order, decisionTimeout, cancellationToken),
            cancellationToken);
        var completed = await SweepAsync(now =>
            $"""
            SELECT id AS "Value" FROM orders
            WHERE status = 'Delivered' AND return_deadline <= {now}
            ORDER BY return_deadline
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """, Move(OrderAction.Complete, null, null), cancellationToken);
        return new SweepOutcome(unpaid, unconfirmed, returnsApproved, completed);
    }

    private string UnconfirmedExplanation() =>
        $"The shop did not confirm the order within {Span(options.Value.ConfirmationTimeout)}; its items are back on sale and anything paid is refunded.";

    /// <summary>A timeout as a buyer reads it, in the largest unit it is a whole number of: "3 days", "36 hours", "90 minutes".</summary>
    internal static string Span(TimeSpan timeout) => timeout switch
    {
        { TotalDays: >= 1 } when timeout.TotalDays % 1 == 0 => Count(timeout.TotalDays, "day"),
        { TotalHours: >= 1 } when timeout.TotalHours % 1 == 0 => Count(timeout.TotalHours, "hour"),
        { TotalMinutes: >= 1 } when timeout.TotalMinutes % 1 == 0 => Count(timeout.TotalMinutes, "minute"),
        _ => Count(Math.Round(timeout.TotalSeconds), "second"),
    };

    private static string Count(double amount, string unit) =>
        amount == 1 ? $"1 {unit}" : $"{amount.ToString(CultureInfo.InvariantCulture)} {unit}s";

    /// <summary>One of the sweeps' moves, made on a claimed order; false (logged) when the order refuses it.</summary>
    private Func<IServiceProvider, Order, Task<bool>> Move(OrderAction action, string? reason, string? explanation) => (services, order) =>
    {
        var moved = services.GetRequiredService<OrderWorkflow>().Move(order, action, Actor.System, reason, explanation: explanation);
        if (!moved.Succeeded)
            Logger.LogError("The sweeper could not {Action} order {OrderId}: {Error}", action, order.Id, moved.Error.Message);
        return Task.FromResult(moved.Succeeded);
    };

    private async Task<int> SweepAsync(Func<DateTimeOffset, FormattableString> due, Func<IServiceProvider, Order, Task<bool>> move,
        CancellationToken cancellationToken)
    {
        var swept = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var orders = await db.ClaimOrdersAsync(due(Clock.GetUtcNow()), cancellationToken);
            var movedNow = 0;
            foreach (var order in orders)
            {
                if (await move(scope.ServiceProvider, order))
                    movedNow++;
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
        var (unpaid, unconfirmed, returnsApproved, completed) = await SweepOnceAsync(cancellationToken);
        if (unpaid + unconfirmed + returnsApproved + completed > 0)
            Logger.LogInformation(
                "Cancelled {Unpaid} unpaid and {Unconfirmed} unconfirmed order(s), approved {ReturnsApproved} unanswered return(s), completed {Completed} delivered order(s)",
                unpaid, unconfirmed, returnsApproved, completed);
    }
}

/// <summary>
/// What one sweep did: orders cancelled unpaid, cancelled unconfirmed, whose return was approved unanswered, and
/// completed after their return window.
/// </summary>
public readonly record struct SweepOutcome(int UnpaidCancelled, int UnconfirmedCancelled, int ReturnsApproved, int Completed);
