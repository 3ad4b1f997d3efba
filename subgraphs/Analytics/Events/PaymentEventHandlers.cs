using GoShop.Analytics.Data;
using GoShop.Analytics.Facts;
using GoShop.Contracts.Payments;

namespace GoShop.Analytics.Events;

public sealed class PaymentSucceededHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<PaymentSucceededHandler> logger)
    : AnalyticsEventHandler<PaymentSucceeded>(db, facts, clock, logger)
{
    protected override Task RecordAsync(PaymentSucceeded message, CancellationToken cancellationToken) =>
        Facts.PaymentSucceededAsync(message.PaymentId, message.OrderIds, message.Gateway, message.Method, message.Amount, message.OccurredAt, cancellationToken);
}

public sealed class PaymentFailedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<PaymentFailedHandler> logger)
    : AnalyticsEventHandler<PaymentFailed>(db, facts, clock, logger)
{
    protected override Task RecordAsync(PaymentFailed message, CancellationToken cancellationToken) =>
        Facts.PaymentFailedAsync(message.PaymentId, message.OrderIds, message.Gateway, message.Method, message.OccurredAt, cancellationToken);
}

public sealed class RefundCompletedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<RefundCompletedHandler> logger)
    : AnalyticsEventHandler<RefundCompleted>(db, facts, clock, logger)
{
    protected override Task RecordAsync(RefundCompleted message, CancellationToken cancellationToken) =>
        Facts.RefundAsync(message.RefundId, message.OrderId, message.Amount, message.OccurredAt, cancellationToken);
}

public sealed class EscrowReleasedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<EscrowReleasedHandler> logger)
    : AnalyticsEventHandler<EscrowReleased>(db, facts, clock, logger)
{
    protected override Task RecordAsync(EscrowReleased message, CancellationToken cancellationToken) =>
        Facts.ReleasedAsync(message.OrderId, message.EscrowId, message.Commission, message.OccurredAt, cancellationToken);
}
