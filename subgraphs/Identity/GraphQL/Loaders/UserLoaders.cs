using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.GraphQL.Loaders;

/// <summary>Users by id, one query per batch (the gateway resolves User references through it).</summary>
public sealed class UserByIdLoader(IdentityDbContext db) : BatchLoader<Guid, User>
{
    protected override async Task<IReadOnlyDictionary<Guid, User>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
}

/// <summary>The addresses of many users, one query per batch.</summary>
public sealed class AddressesByUserLoader(IdentityDbContext db) : GroupLoader<Guid, Address>
{
    protected override async Task<ILookup<Guid, Address>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.Addresses.AsNoTracking().Where(a => keys.Contains(a.UserId)).ToListAsync(cancellationToken)).ToLookup(a => a.UserId);
}
