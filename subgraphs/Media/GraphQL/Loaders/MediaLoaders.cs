using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Media.Data;
using GoShop.Media.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Media.GraphQL.Loaders;

/// <summary>Media by id, one query per batch (the gateway resolves Media references through it).</summary>
public sealed class MediaByIdLoader(MediaDbContext db) : BatchLoader<Guid, MediaFile>
{
    protected override async Task<IReadOnlyDictionary<Guid, MediaFile>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.MediaFiles.AsNoTracking().Where(m => keys.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
}
