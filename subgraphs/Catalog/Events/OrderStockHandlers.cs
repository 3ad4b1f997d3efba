using GoShop.BuildingBlocks.Messaging;
using GoShop.Catalog.Data;
using GoShop.Catalog.Inventory;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Ordering;

namespace GoShop.Catalog.Events;

/// <summary>
/// An order's stock follows the order: ordering reserves it under the order's id while placing the order, and from then
/// on the order's events move it. Placed keeps the hold until the order ends; cancelled releases it; delivered sells it;
/// a return received at the shop puts its units back.
/// Each runs in the handler's transaction, so the inbox record, the reservation and the ledger commit together.
/// </summary>
public sealed class OrderPlacedStockHandler(
    CatalogDbContext db, StockReservationService reservations, TimeProvider clock, ILogger<OrderPlacedStockHandler> logger)
    : IntegrationEventHandler<OrderPlaced, CatalogDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderPlaced message, CancellationToken cancellationToken)
    {
        var answer = await reservations.KeepAsync(message.Order.OrderId, cancellationToken);
        if (answer.Outcome?.Status != ReservationStatuses.Held)
        {
            logger.LogError(
                "Order {OrderNumber} ({OrderId}) was placed but its stock is not held: the reservation is {Status}",
                message.Order.Number, message.Order.OrderId, answer.Outcome?.Status ?? "missing");
        }
    }
}

public sealed class OrderCancelledStockHandler(
    CatalogDbContext db, StockReservationService reservations, TimeProvider clock, ILogger<OrderCancelledStockHandler> logger)
    : IntegrationEventHandler<OrderCancelled, CatalogDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderCancelled message, CancellationToken cancellationToken)
    {
        var answer = await reservations.ReleaseAsync(message.Order.OrderId, cancellationToken);
        logger.LogInformation("Order {OrderNumber} was cancelled; its reservation is {Status}",
            message.Order.Number, answer.Outcome?.Status ?? "missing");
    }
}

public sealed class OrderDeliveredStockHandler(
    CatalogDbContext db, StockReservationService reservations, TimeProvider clock, ILogger<OrderDeliveredStockHandler> logger)
    : IntegrationEventHandler<OrderDelivered, CatalogDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderDelivered message, CancellationToken cancellationToken)
    {
        var answer = await reservations.CommitAsync(message.Order.OrderId, cancellationToken);
        if (answer.Outcome?.Status != ReservationStatuses.Committed)
        {
            logger.LogError(
                "Order {OrderNumber} ({OrderId}) was delivered but its stock could not be sold: the reservation is {Status}",
                message.Order.Number, message.Order.OrderId, answer.Outcome?.Status ?? "missing");
        }
    }
}

public sealed class ReturnReceivedStockHandler(
    CatalogDbContext db, StockReturns returns, TimeProvider clock, ILogger<ReturnReceivedStockHandler> logger)
    : IntegrationEventHandler<ReturnReceived, CatalogDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ReturnReceived message, CancellationToken cancellationToken) =>
        await returns.RestockAsync(message.Order, message.Return, cancellationToken);
}
