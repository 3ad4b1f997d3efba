using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Ordering;
using GoShop.Shipping.Data;
using GoShop.Shipping.Workflow;

namespace GoShop.Shipping.Events;

/// <summary>The seller confirmed an order: it gets its shipment (once, however often the event arrives), offered to a shipper.</summary>
public sealed class OrderConfirmedHandler(ShippingDbContext db, ShipmentWorkflow workflow, TimeProvider clock, ILogger<OrderConfirmedHandler> logger)
    : IntegrationEventHandler<OrderConfirmed, ShippingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderConfirmed message, CancellationToken cancellationToken) =>
        await workflow.CreateAsync(message.Order, cancellationToken);
}

/// <summary>
/// The order was cancelled: its shipment is cancelled too if the parcel has not been picked up (or, when the cancellation
/// overtook the confirmation, will never be created).
/// </summary>
public sealed class OrderCancelledHandler(ShippingDbContext db, ShipmentWorkflow workflow, TimeProvider clock, ILogger<OrderCancelledHandler> logger)
    : IntegrationEventHandler<OrderCancelled, ShippingDbContext>(db, clock, logger)
{
    private const string ConfirmedStatus = "CONFIRMED";

    protected override async Task HandleAsync(OrderCancelled message, CancellationToken cancellationToken) =>
        await workflow.CancelForOrderAsync(message.Order, message.FromStatus == ConfirmedStatus, message.Actor.Reason, cancellationToken);
}

/// <summary>
/// The seller approved a return: its parcel gets a return shipment from the buyer back to the shop (once per return,
/// however often the event arrives), offered to a shipper. A message without a return predates returns by line (the
/// whole order was refunded at once, nothing travelled back) and is acknowledged without effect.
/// </summary>
public sealed class ReturnApprovedHandler(ShippingDbContext db, ShipmentWorkflow workflow, TimeProvider clock, ILogger<ReturnApprovedHandler> logger)
    : IntegrationEventHandler<ReturnApproved, ShippingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ReturnApproved message, CancellationToken cancellationToken)
    {
        if (message.Return is not { } returned)
            return;
        await workflow.CreateReturnAsync(message.Order, returned, cancellationToken);
    }
}
