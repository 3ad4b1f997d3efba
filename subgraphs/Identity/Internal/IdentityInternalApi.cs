using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Identity;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.Internal;

/// <summary>
/// Identity's internal API, under <c>/internal</c> (key-checked, never behind the gateway):
/// <c>GET /internal/users/{userId}/addresses/{addressId}</c>, a delivery address as it is now, for ordering to snapshot
/// into an order. An address of another user is not found, so a buyer cannot ship to someone else's saved address. The
/// typed client is <see cref="AddressDirectory"/>.
/// </summary>
public static class IdentityInternalApi
{
    public static WebApplication MapIdentityInternalApi(this WebApplication app)
    {
        app.MapInternalApi().MapGet("/users/{userId:guid}/addresses/{addressId:guid}",
            async (Guid userId, Guid addressId, IdentityDbContext db, CancellationToken cancellationToken) =>
                await db.Addresses.AsNoTracking()
                    .Where(a => a.Id == addressId && a.UserId == userId && db.Users.Any(u => u.Id == userId && u.DeletedAt == null))
                    .SingleOrDefaultAsync(cancellationToken) is { } address
                    ? Results.Ok(ToSnapshot(address))
                    : Results.NotFound());
        return app;
    }

    private static AddressSnapshot ToSnapshot(Address address) => new(
        address.Id, address.UserId, address.RecipientName, address.Phone, address.Line1, address.Line2, address.Ward,
        address.District, address.City, address.Country, address.PostalCode, address.Latitude, address.Longitude);
}
