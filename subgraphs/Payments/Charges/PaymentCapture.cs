using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.PaymentGateways;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.Gateways;
using GoShop.Payments.Ledger;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Charges;

/// <summary>
/// Captures an authorised payment at its provider (PayPal captures an approved order; Stripe a manual-capture
/// intent), without holding a lock while the provider answers, then records the capture on the locked payment. A
/// capture the provider's webhook recorded meanwhile is not recorded twice.
/// </summary>
public sealed class PaymentCapture(PaymentsDbContext db, GatewayDirectory gateways, PaymentLedger ledger, TimeProvider clock, ILogger<PaymentCapture> logger)
{
    public async Task<Result<Payment>> CaptureAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        var payment = await db.WithLedger().AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null)
            return PaymentErrors.PaymentNotFound;
        if (payment.Status != PaymentStatus.Authorized || payment.Gateway is not { } gateway || payment.ProviderAmount is not { } providerAmount)
            return PaymentErrors.NotAuthorized;
        GatewayCallResult answer;
        try
        {
            answer = await gateways.Get(gateway).CaptureAsync(
                new CaptureRequest(payment.Reference, payment.ProviderReference!, providerAmount, payment.ProviderCurrency!), cancellationToken);
        }
        catch (Exception ex) when (GatewayFailure.Of(ex, cancellationToken) is { } failure)
        {
            // The payment stays AUTHORIZED, for another capturePayment.
            logger.LogWarning(ex, "{Gateway} did not capture payment {PaymentId}: {Reason}", gateway, paymentId, failure.Reason);
            return failure.IsTransient ? failure.ToError() : PaymentErrors.CaptureFailed with { Message = $"The provider refused to capture the payment ({failure.Reason})." };
        }
        if (answer.Status == GatewayCallStatus.Failed)
        {
            logger.LogWarning("{Gateway} refused to capture payment {PaymentId}: {Code}", gateway, paymentId, answer.ProviderCode);
            return PaymentErrors.CaptureFailed with { Message = $"The provider refused to capture the payment ({answer.ProviderCode})." };
        }
        if (answer.Status == GatewayCallStatus.Pending)
            return payment;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = (await db.LockPaymentAsync(paymentId, cancellationToken))!;
        await ledger.CaptureAsync(locked, answer.ProviderTransactionId, locked.Amount, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return locked;
    }
}
