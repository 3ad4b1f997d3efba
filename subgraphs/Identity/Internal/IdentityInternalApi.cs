using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Identity;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.Internal;

/// <summary>
/// Identity's internal API, under <c>/internal</c> (key-checked, never behind the gateway):
/// <c>GET /internal/users/{userId}/addresses/{addressId}</c>, a delivery address as it is now, for ordering to snapshot
/// into an order. An address of another user is not found, so a buyer cannot ship to someone else's saved address.
/// <c>GET /internal/users/{userId}/addresses/default</c>, the user's default address (search measures price comparison's
/// distances from it). The typed client is <see cref="AddressDirectory"/>.
/// </summary>
public static class IdentityInternalApi
{
    public static WebApplication MapIdentityInternalApi(this WebApplication app)
    {
        var api = app.MapInternalApi();
        api.MapGet("/users/{userId:guid}/addresses/{addressId:guid}",
            async (Guid userId, Guid addressId, IdentityDbContext db, CancellationToken cancellationToken) =>
                await db.Addresses.AsNoTracking()
                    .Where(a => a.Id == addressId && a.UserId == userId && db.Users.Any(u => u.Id == userId && u.DeletedAt == null))
                    .SingleOrDefaultAsync(cancellationToken) is { } address
                    ? Results.Ok(ToSnapshot(address))
                    : Results.NotFound());
        api.MapGet("/users/{userId:guid}/addresses/default",
            async (Guid userId, IdentityDbContext db, CancellationToken cancellationToken) =>
                await db.Addresses.AsNoTracking()
                    .Where(a => a.UserId == userId && db.Users.Any(u => u.Id == userId && u.DeletedAt == null && u.DefaultAddressId == a.Id))
                    .SingleOrDefaultAsync(cancellationToken) is { } address
                    ? Results.Ok(ToSnapshot(address))
                    : Results.NotFound());
        return app;
    }

    private static AddressSnapshot ToSnapshot(Address address) => new(
        address.Id, address.UserId, address.RecipientName, address.Phone, address.Line1, address.Line2, address.Ward,
        address.District, address.City, address.Country, address.PostalCode, address.Latitude, address.Longitude);
}
