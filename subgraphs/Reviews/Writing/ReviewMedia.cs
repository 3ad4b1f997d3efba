using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Media;
using GoShop.Contracts.Media;
using GoShop.Reviews.Domain;

namespace GoShop.Reviews.Writing;

/// <summary>
/// The review's own rule on the files it shows, on top of the shared check that each exists and was uploaded by the
/// author (<see cref="UploadedMedia"/>): up to <see cref="ReviewRules.MaxPhotos"/> images, or a single video, not both.
/// </summary>
public sealed class ReviewMedia(UploadedMedia uploads)
{
    public const string Field = "mediaIds";

    public async Task<DomainError?> ProblemAsync(IReadOnlyList<Guid> mediaIds, CancellationToken cancellationToken)
    {
        if (mediaIds.Count == 0)
            return null;
        if (mediaIds.Distinct().Count() != mediaIds.Count)
            return new DomainError("DUPLICATE_MEDIA", "The same file is attached twice.", Field);
        if (mediaIds.Count > ReviewRules.MaxPhotos)
            return new DomainError("TOO_MANY_MEDIA", $"A review shows up to {ReviewRules.MaxPhotos} photos or one video.", Field);
        var found = await uploads.FindOwnAsync(mediaIds, Field, adminsMayUseAny: false, cancellationToken);
        if (!found.Succeeded)
            return found.Error;
        if (found.Value.Any(file => MediaKinds.IsVideo(file.Kind)) && mediaIds.Count > ReviewRules.MaxVideos)
            return new DomainError("TOO_MANY_MEDIA", "A review shows either photos or one video, not both.", Field);
        return null;
    }
}
