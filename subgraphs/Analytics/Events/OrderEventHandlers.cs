using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using GoShop.Analytics.Facts;
using GoShop.Contracts.Ordering;

namespace GoShop.Analytics.Events;

public sealed class OrderPlacedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<OrderPlacedHandler> logger)
    : AnalyticsEventHandler<OrderPlaced>(db, facts, clock, logger)
{
    protected override Task RecordAsync(OrderPlaced message, CancellationToken cancellationToken) =>
        Facts.OrderAsync(message.Order, OrderMilestone.Placed, message.OccurredAt, cancellationToken);
}

public sealed class OrderConfirmedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<OrderConfirmedHandler> logger)
    : AnalyticsEventHandler<OrderConfirmed>(db, facts, clock, logger)
{
    protected override Task RecordAsync(OrderConfirmed message, CancellationToken cancellationToken) =>
        Facts.OrderAsync(message.Order, OrderMilestone.Confirmed, message.OccurredAt, cancellationToken);
}

public sealed class OrderCancelledHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<OrderCancelledHandler> logger)
    : AnalyticsEventHandler<OrderCancelled>(db, facts, clock, logger)
{
    protected override Task RecordAsync(OrderCancelled message, CancellationToken cancellationToken) =>
        Facts.OrderAsync(message.Order, OrderMilestone.Cancelled, message.OccurredAt, cancellationToken);
}

public sealed class OrderShippedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<OrderShippedHandler> logger)
    : AnalyticsEventHandler<OrderShipped>(db, facts, clock, logger)
{
    protected override Task RecordAsync(OrderShipped message, CancellationToken cancellationToken) =>
        Facts.OrderAsync(message.Order, OrderMilestone.Shipped, message.OccurredAt, cancellationToken);
}

public sealed class OrderDeliveredHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<OrderDeliveredHandler> logger)
    : AnalyticsEventHandler<OrderDelivered>(db, facts, clock, logger)
{
    protected override Task RecordAsync(OrderDelivered message, CancellationToken cancellationToken) =>
        Facts.OrderAsync(message.Order, OrderMilestone.Delivered, message.OccurredAt, cancellationToken);
}

public sealed class OrderCompletedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<OrderCompletedHandler> logger)
    : AnalyticsEventHandler<OrderCompleted>(db, facts, clock, logger)
{
    protected override Task RecordAsync(OrderCompleted message, CancellationToken cancellationToken) =>
        Facts.OrderAsync(message.Order, OrderMilestone.Completed, message.OccurredAt, cancellationToken);
}

public sealed class ReturnRequestedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ReturnRequestedHandler> logger)
    : AnalyticsEventHandler<ReturnRequested>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ReturnRequested message, CancellationToken cancellationToken) =>
        Facts.ReturnAsync(message.Order, message.Return, message.OccurredAt, cancellationToken);
}

public sealed class ReturnApprovedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ReturnApprovedHandler> logger)
    : AnalyticsEventHandler<ReturnApproved>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ReturnApproved message, CancellationToken cancellationToken) =>
        Facts.ReturnAsync(message.Order, message.Return, message.OccurredAt, cancellationToken);
}

public sealed class ReturnRejectedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ReturnRejectedHandler> logger)
    : AnalyticsEventHandler<ReturnRejected>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ReturnRejected message, CancellationToken cancellationToken) =>
        Facts.ReturnAsync(message.Order, message.Return, message.OccurredAt, cancellationToken);
}

public sealed class ReturnReceivedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ReturnReceivedHandler> logger)
    : AnalyticsEventHandler<ReturnReceived>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ReturnReceived message, CancellationToken cancellationToken) =>
        Facts.ReturnAsync(message.Order, message.Return, message.OccurredAt, cancellationToken);
}
