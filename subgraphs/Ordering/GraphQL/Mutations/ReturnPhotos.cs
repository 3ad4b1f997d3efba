using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Media;

namespace GoShop.Ordering.GraphQL.Mutations;

/// <summary>
/// Checks the photos of a return before it points at them: each file exists in the media subgraph, is an image, and was
/// uploaded by the buyer asking for the return.
/// </summary>
public sealed class ReturnPhotos(MediaDirectory media, ICurrentUser viewer, ILogger<ReturnPhotos> logger)
{
    public const string Field = "mediaIds";

    /// <summary>The first problem with any of <paramref name="mediaIds"/>, or null when all of them may be attached.</summary>
    public async Task<DomainError?> ProblemAsync(IEnumerable<Guid> mediaIds, CancellationToken cancellationToken)
    {
        foreach (var mediaId in mediaIds.Distinct())
        {
            var lookup = await InternalApi.CallAsync(() => media.FindAsync(mediaId, cancellationToken),
                new DomainError("MEDIA_UNAVAILABLE", "Photos cannot be checked right now; try again shortly.", Field),
                logger, cancellationToken, $"confirm media {mediaId} with the media subgraph");
            if (!lookup.Succeeded)
                return lookup.Error;
            var found = lookup.Value;
            if (found is null)
                return new DomainError("MEDIA_NOT_FOUND", $"No uploaded file has the id {mediaId}.", Field);
            if (!string.Equals(found.Kind, "image", StringComparison.OrdinalIgnoreCase))
                return new DomainError("MEDIA_NOT_AN_IMAGE", "A return's photos must be images.", Field);
            if (found.OwnerId != viewer.Id)
                return new DomainError("MEDIA_NOT_YOURS", "Use photos you uploaded yourself.", Field);
        }
        return null;
    }
}
