using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using GoShop.Shipping.GraphQL.Loaders;
using GoShop.Shipping.GraphQL.Types;
using GoShop.Shipping.Tracking;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.GraphQL.Queries;

/// <summary>shipper(id), availableShippers, shipment(id), myShipments and myOffers.</summary>
public static class ShippingQueries
{
    public const double MaxRadiusKm = 100;
    public const int MaxShippers = 50;
    public const int MaxShipments = 100;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ShipperType, IDataLoaderResult<Shipper?>>("shipper")
            .Description("A shipper by their user id; null when the user is not a shipper. Anyone may ask (the position only for the shipper and admins).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The shipper's user id.")
            .Resolve(context => context.Loader<ShipperByIdLoader>().Load(context.GetArgument<Guid>("id")));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NearbyShipperType>>>, IEnumerable<NearbyShipper>>("availableShippers")
            .Description($"AVAILABLE shippers with a free slot within radiusKm of a point, nearest first, at most {MaxShippers}: whom to assignShipper. " +
                "Sellers and admins only.")
            .AuthorizeWithRoles(Roles.Seller, Roles.Admin)
            .Argument<NonNullGraphType<BuildingBlocks.GraphQL.Types.GeoPointInputType>>("near", "The point to search around, e.g. the shop's location.")
            .Argument<FloatGraphType>("radiusKm", $"How far to look, in kilometres: more than 0, at most {MaxRadiusKm} (else a BAD_USER_INPUT error); 5 when left out.")
            .ResolveAsync(async context =>
            {
                var radiusKm = context.GetArgument<double?>("radiusKm") ?? 5;
                if (double.IsNaN(radiusKm) || radiusKm <= 0 || radiusKm > MaxRadiusKm)
                    throw GraphQLErrors.BadUserInput(ShipmentErrors.InvalidRadius.Message);
                var near = await context.Service<ShipperLocationIndex>().NearAsync(context.GetArgument<GeoPoint>("near"), radiusKm, MaxShippers * 2);
                var ids = near.Select(n => n.ShipperId).ToList();
                var shippers = await context.Service<ShippingDbContext>().Shippers.AsNoTracking()
                    .Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, context.CancellationToken);
                // The index may lag a status change by a moment: the database has the last word.
                return near.Where(n => shippers.TryGetValue(n.ShipperId, out var s) && s.EffectiveStatus == ShipperStatus.Available)
                    .Take(MaxShippers)
                    .Select(n => new NearbyShipper(shippers[n.ShipperId], Math.Round(n.DistanceKm, 3)));
            });

        query.Field<ShipmentType, IDataLoaderResult<Shipment?>>("shipment")
            .Description("A shipment by id: the order's buyer, the shop's owner, the assigned shipper and admins; null for anyone else, and when no shipment has this id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The shipment's id.")
            .Resolve(context =>
            {
                var viewer = Viewer.Of(context);
                return context.Loader<ShipmentByIdLoader>().Load(context.GetArgument<Guid>("id")).Then(s => s is not null && viewer.CanSee(s) ? s : null);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShipmentType>>>, IEnumerable<Shipment>>("myShipments")
            .Description($"The shipments assigned to the signed-in shipper, finished ones too, newest first, the last {MaxShipments} at most; empty for anyone who is not a shipper.")
            .Authorize()
            .Argument<ShipmentStatusType>("status", "Only shipments with this status.")
            .ResolveAsync(async context =>
            {
                var me = context.Service<ICurrentUser>().RequireId();
                var status = context.GetArgument<ShipmentStatus?>("status");
                var shipments = context.Service<ShippingDbContext>().Shipments.AsNoTracking().Where(s => s.ShipperId == me);
                if (status is { } only)
                    shipments = shipments.Where(s => s.Status == only);
                return await shipments.OrderByDescending(s => s.Id).Take(MaxShipments).ToListAsync(context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShipmentOfferType>>>, IEnumerable<ShipmentOfferMessage>>("myOffers")
            .Description("The shipments offered to the signed-in shipper now, soonest to expire first, waiting for acceptShipment or declineShipment; empty for anyone who is not a shipper.")
            .Authorize()
            .ResolveAsync(async context =>
            {
                var me = context.Service<ICurrentUser>().RequireId();
                var now = context.Service<TimeProvider>().GetUtcNow();
                return await context.Service<ShippingDbContext>().ShipmentOffers.AsNoTracking()
                    .Where(o => o.ShipperId == me && o.Status == OfferStatus.Pending && o.ExpiresAt > now)
                    .OrderBy(o => o.ExpiresAt)
                    .Select(o => new ShipmentOfferMessage(o.Id, o.ShipmentId, o.ShipperId, o.DistanceKm, o.ExpiresAt))
                    .ToListAsync(context.CancellationToken);
            });
    }
}
