using GoShop.Contracts.Payments;
using GoShop.Payments.Balances;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Payments.Ledger;

/// <summary>
/// What the money of a payment did, written to its ledger on the locked payment, with the escrows, refunds and
/// integration events that follow, all in the caller's unit of work (the caller saves). Webhooks, capturePayment and
/// the cash-on-delivery events all come through here.
/// </summary>
public sealed class PaymentLedger(PaymentsDbContext db, RefundDesk refunds, ShopBalances balances, IOptions<PaymentsOptions> options, ILogger<PaymentLedger> logger)
{
    public const string LateOrDoubleReason = "ORDER_NOT_PAYABLE";

    /// <summary>
    /// The money was captured: each order's share is held in escrow and ordering hears PaymentSucceeded. A share that
    /// nobody can keep (its order was cancelled meanwhile, e.g. by ordering's payment timeout, or another payment already
    /// holds it) is queued for an automatic refund. A repeated capture records nothing.
    /// </summary>
    public async Task<bool> CaptureAsync(Payment payment, string? providerTransactionId, decimal amount, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!payment.RecordCapture(providerTransactionId, amount, at))
            return false;
        var orderIds = payment.Orders.Select(o => o.OrderId).ToList();
        await db.LockOrdersAsync(orderIds, cancellationToken);
        var records = await db.OrderRecords.Where(r => orderIds.Contains(r.OrderId)).ToDictionaryAsync(r => r.OrderId, cancellationToken);
        var held = await db.Escrows.Where(e => orderIds.Contains(e.OrderId)).Select(e => e.OrderId).ToListAsync(cancellationToken);
        foreach (var order in payment.Orders)
        {
            var record = records.GetValueOrDefault(order.OrderId);
            if (held.Contains(order.OrderId) || record is { IsCancelled: true })
            {
                logger.LogWarning("Payment {PaymentId} captured money for order {OrderId}, which is {Why}; refunding it", payment.Id, order.OrderId,
                    held.Contains(order.OrderId) ? "already paid" : "cancelled");
                refunds.Queue(payment, order.OrderId, payment.RefundableFor(order.OrderId), LateOrDoubleReason, RefundDesk.AutomaticKey(LateOrDoubleReason, order.OrderId), at);
                continue;
            }
            db.Escrows.Add(Escrow.Hold(payment, order, record?.DeliveredAt, options.Value.EscrowReleaseAfterDelivery, at));
        }
        db.Publish(new PaymentSucceeded(payment.Id, payment.CheckoutId, orderIds, payment.Amount, payment.Currency, payment.Method.ToContractName(),
            payment.Gateway?.ToContractName() ?? "COD", at));
        return true;
    }

    /// <summary>The provider declined it or the buyer gave up: ordering cancels the orders (their stock goes back on sale).</summary>
    public bool Fail(Payment payment, PaymentStatus outcome, string reason, DateTimeOffset at)
    {
        if (!payment.RecordFailure(outcome, reason, at))
            return false;
        db.Publish(new PaymentFailed(payment.Id, payment.CheckoutId, payment.Orders.Select(o => o.OrderId).ToList(), reason, at,
            payment.Method.ToContractName(), payment.Gateway?.ToContractName() ?? "COD"));
        return true;
    }

    /// <summary>The buyer's bank opened a chargeback: a dispute per order, and the held money frozen until it is decided.</summary>
    public async Task ChargebackOpenedAsync(Payment payment, string? providerReference, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var orderIds = payment.Orders.Select(o => o.OrderId).ToList();
        var open = await db.Disputes.Where(d => orderIds.Contains(d.OrderId) && d.Status == DisputeStatus.Open).Select(d => d.OrderId).ToListAsync(cancellationToken);
        var escrows = await EscrowsOfAsync(payment, cancellationToken);
        foreach (var orderId in orderIds.Except(open))
            db.Disputes.Add(Dispute.Open(payment.Id, orderId, payment.BuyerId, DisputeSource.Chargeback, reason, providerReference, at));
        foreach (var escrow in escrows)
            escrow.Freeze();
    }

    /// <summary>
    /// A chargeback was decided: won, the held money is the shop's again; lost, it is gone (a CHARGEBACK in the ledger, the
    /// escrow refunded, and a shop that already had it pays it back from its balance).
    /// </summary>
    public async Task ChargebackDecidedAsync(Payment payment, bool won, string? providerReference, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var disputes = await db.Disputes.Where(d => d.PaymentId == payment.Id && d.Status == DisputeStatus.Open).ToListAsync(cancellationToken);
        foreach (var dispute in disputes)
            dispute.Close(won ? DisputeStatus.Won : DisputeStatus.Lost, at);
        var escrows = await EscrowsOfAsync(payment, cancellationToken);
        if (won)
        {
            foreach (var escrow in escrows)
                escrow.Unfreeze();
            return;
        }
        if (payment.Refundable > 0)
            payment.RecordChargeback(payment.Refundable, providerReference, at);
        foreach (var escrow in escrows)
        {
            if (escrow.ChargeBack(at) is { } debit)
                await balances.TakeBackAsync(debit, cancellationToken);
        }
    }

    private Task<List<Escrow>> EscrowsOfAsync(Payment payment, CancellationToken cancellationToken) =>
        db.Escrows.Where(e => e.PaymentId == payment.Id).ToListAsync(cancellationToken);
}
