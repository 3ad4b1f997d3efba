using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Shipping;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.Ledger;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Events;

/// <summary>
/// The shipper collected a cash-on-delivery order's cash: the payment is captured (the shipment is the provider
/// reference), the money held in escrow like any other, and the shipper owes it to the platform until an admin records
/// the settlement. A collection for an order without a COD payment is logged and left alone.
/// </summary>
public sealed class CodCollectedHandler(PaymentsDbContext db, PaymentLedger ledger, TimeProvider clock, ILogger<CodCollectedHandler> logger)
    : IntegrationEventHandler<CodCollected, PaymentsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CodCollected message, CancellationToken cancellationToken)
    {
        var payment = (await OrderPayments.LockAllAsync(Db, message.OrderId, cancellationToken)).FirstOrDefault(p => p.IsCod);
        if (payment is null)
        {
            logger.LogError("Cash was collected for order {OrderId}, which has no cash-on-delivery payment", message.OrderId);
            return;
        }
        if (await Db.CodDebts.AnyAsync(d => d.OrderId == message.OrderId, cancellationToken))
            return;
        if (message.Amount != payment.Amount)
            logger.LogWarning("The shipper collected {Collected} {Currency} for order {OrderId}, which costs {Amount}", message.Amount, message.Currency,
                message.OrderId, payment.Amount);
        Db.CodDebts.Add(CodDebt.Collected(message.ShipperId, message.OrderId, message.ShipmentId, payment.Id, message.Amount, message.Currency, message.OccurredAt));
        await ledger.CaptureAsync(payment, message.ShipmentId.ToString("N"), payment.Amount, message.OccurredAt, cancellationToken);
    }
}
