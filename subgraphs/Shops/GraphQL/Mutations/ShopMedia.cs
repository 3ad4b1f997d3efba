using GoShop.BuildingBlocks.Internal;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Media;

namespace GoShop.Shops.GraphQL.Mutations;

/// <summary>
/// Checks a logo or banner before a shop points at it: the file exists in the media subgraph, is an image, and was
/// uploaded by the person making the change (admins may use any image).
/// </summary>
public sealed class ShopMedia(MediaDirectory media, ICurrentUser viewer, ILogger<ShopMedia> logger)
{
    public async Task<DomainError?> ProblemAsync(Guid mediaId, string field, CancellationToken cancellationToken)
    {
        var lookup = await InternalApi.CallAsync(() => media.FindAsync(mediaId, cancellationToken),
            new DomainError("MEDIA_UNAVAILABLE", "The media service cannot be reached right now; try again shortly.", field),
            logger, cancellationToken, $"confirm media {mediaId} with the media subgraph");
        if (!lookup.Succeeded)
            return lookup.Error;
        var found = lookup.Value;
        if (found is null)
            return new DomainError("MEDIA_NOT_FOUND", "No uploaded file has this id.", field);
        if (!string.Equals(found.Kind, "image", StringComparison.OrdinalIgnoreCase))
            return new DomainError("MEDIA_NOT_AN_IMAGE", "A logo or banner must be an image.", field);
        if (found.OwnerId != viewer.Id && !viewer.IsInRole(Roles.Admin))
            return new DomainError("MEDIA_NOT_YOURS", "Use an image you uploaded yourself.", field);
        return null;
    }
}
