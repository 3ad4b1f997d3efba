using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Identity;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Events;

/// <summary>
/// Someone registered as a shipper in identity: shipping starts keeping their working state (OFFLINE, no position yet).
/// A repeat updates the vehicle.
/// </summary>
public sealed class ShipperRegisteredHandler(ShippingDbContext db, TimeProvider clock, ILogger<ShipperRegisteredHandler> logger)
    : IntegrationEventHandler<ShipperRegistered, ShippingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ShipperRegistered message, CancellationToken cancellationToken)
    {
        var vehicle = Enum.TryParse<VehicleType>(message.VehicleType.Replace("_", ""), ignoreCase: true, out var parsed) ? parsed : VehicleType.Motorbike;
        var shipper = await Db.Shippers.SingleOrDefaultAsync(s => s.Id == message.UserId, cancellationToken);
        if (shipper is null)
            Db.Shippers.Add(Shipper.Register(message.UserId, message.FullName, vehicle, message.PlateNumber, null, message.OccurredAt));
        else
            shipper.UpdateRegistration(message.FullName, vehicle, message.PlateNumber, message.OccurredAt);
    }
}
