using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Media;
using GoShop.Media.Data;
using GoShop.Media.Domain;
using GoShop.Media.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GoShop.Media.Deletion;

/// <summary>
/// Deletes a media file, by its uploader or an admin: the record goes with a MediaDeleted event in one save (shops and
/// catalog then drop their pointers to it), and its stored files after that.
/// </summary>
public sealed class MediaDeletion(MediaDbContext db, IMediaStorage storage, TimeProvider clock, ILogger<MediaDeletion> logger)
{
    public async Task<Result<MediaFile>> DeleteAsync(Guid mediaId, Guid userId, bool isAdmin, CancellationToken cancellationToken)
    {
        var media = await db.MediaFiles.FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken);
        if (media is null)
            return MediaErrors.NotFound;
        var allowed = media.CheckCanDelete(userId, isAdmin);
        if (!allowed.Succeeded)
            return allowed.Error;

        db.MediaFiles.Remove(media);
        db.Publish(new MediaDeleted(media.Id, media.OwnerId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await RemoveFilesAsync(media);
        return media;
    }

    /// <summary>
    /// After the record is gone: a file left behind by a storage failure is unreachable (no record names it) and only
    /// costs space, so it is logged rather than undoing the deletion.
    /// </summary>
    private async Task RemoveFilesAsync(MediaFile media)
    {
        var keys = media.Renditions.Select(r => r.StorageKey).ToList();
        try
        {
            await storage.DeleteAsync(keys, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Media {MediaId} was deleted but its files {Keys} could not be removed", media.Id, string.Join(", ", keys));
        }
    }
}
