using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Media;
using GoShop.Reviews.Domain;

namespace GoShop.Reviews.Writing;

/// <summary>
/// Checks the files a review is to show with the media subgraph before anything is saved: each exists, was uploaded by
/// the author, and the set is up to <see cref="ReviewRules.MaxPhotos"/> images or a single video (not both).
/// </summary>
public sealed class ReviewMedia(MediaDirectory media, ILogger<ReviewMedia> logger)
{
    public const string Field = "mediaIds";

    public async Task<DomainError?> ProblemAsync(IReadOnlyList<Guid> mediaIds, Guid authorId, CancellationToken cancellationToken)
    {
        if (mediaIds.Count == 0)
            return null;
        if (mediaIds.Distinct().Count() != mediaIds.Count)
            return new DomainError("DUPLICATE_MEDIA", "The same file is attached twice.", Field);
        if (mediaIds.Count > ReviewRules.MaxPhotos)
            return new DomainError("TOO_MANY_MEDIA", $"A review shows up to {ReviewRules.MaxPhotos} photos or one video.", Field);
        var videos = 0;
        foreach (var mediaId in mediaIds)
        {
            var lookup = await InternalApi.CallAsync(() => media.FindAsync(mediaId, cancellationToken),
                new DomainError("MEDIA_UNAVAILABLE", "The media service cannot be reached right now; try again shortly.", Field),
                logger, cancellationToken, $"confirm media {mediaId} with the media subgraph");
            if (!lookup.Succeeded)
                return lookup.Error;
            if (lookup.Value is not { } found)
                return new DomainError("MEDIA_NOT_FOUND", $"No uploaded file has the id {mediaId}.", Field);
            if (found.OwnerId != authorId)
                return new DomainError("MEDIA_NOT_YOURS", "Attach photos or a video you uploaded yourself.", Field);
            if (string.Equals(found.Kind, "video", StringComparison.OrdinalIgnoreCase))
                videos++;
        }
        if (videos > 0 && mediaIds.Count > ReviewRules.MaxVideos)
            return new DomainError("TOO_MANY_MEDIA", "A review shows either photos or one video, not both.", Field);
        return null;
    }
}
