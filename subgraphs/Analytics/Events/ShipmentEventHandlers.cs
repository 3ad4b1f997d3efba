using GoShop.Analytics.Data;
using GoShop.Analytics.Facts;
using GoShop.Contracts.Shipping;

namespace GoShop.Analytics.Events;

public sealed class ShipmentCreatedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ShipmentCreatedHandler> logger)
    : AnalyticsEventHandler<ShipmentCreated>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ShipmentCreated message, CancellationToken cancellationToken) =>
        Facts.ShipmentAsync(message.Shipment, message.OccurredAt, _ => { }, cancellationToken);
}

public sealed class ShipmentPickedUpHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ShipmentPickedUpHandler> logger)
    : AnalyticsEventHandler<ShipmentPickedUp>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ShipmentPickedUp message, CancellationToken cancellationToken) =>
        Facts.ShipmentAsync(message.Shipment, message.OccurredAt, s => s.PickedUp(message.OccurredAt), cancellationToken);
}

public sealed class ShipmentDeliveredHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ShipmentDeliveredHandler> logger)
    : AnalyticsEventHandler<ShipmentDelivered>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ShipmentDelivered message, CancellationToken cancellationToken) =>
        Facts.ShipmentAsync(message.Shipment, message.OccurredAt, s => s.Delivered(message.OccurredAt), cancellationToken);
}

public sealed class ShipmentFailedHandler(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger<ShipmentFailedHandler> logger)
    : AnalyticsEventHandler<ShipmentFailed>(db, facts, clock, logger)
{
    protected override Task RecordAsync(ShipmentFailed message, CancellationToken cancellationToken) =>
        Facts.ShipmentAsync(message.Shipment, message.OccurredAt, s => s.Failed(message.ReturnedToShop), cancellationToken);
}
