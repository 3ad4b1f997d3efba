using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Media;

namespace GoShop.Shops.GraphQL.Mutations;

/// <summary>
/// Checks a logo or banner before a shop points at it: the file exists in the media subgraph, is an image, and was
/// uploaded by the person making the change (admins may use any image).
/// </summary>
public sealed class ShopMedia(MediaDirectory media, ICurrentUser viewer)
{
    public async Task<DomainError?> ProblemAsync(Guid mediaId, string field, CancellationToken cancellationToken)
    {
        var found = await media.FindAsync(mediaId, cancellationToken);
        if (found is null)
            return new DomainError("MEDIA_NOT_FOUND", "No uploaded file has this id.", field);
        if (!string.Equals(found.Kind, "image", StringComparison.OrdinalIgnoreCase))
            return new DomainError("MEDIA_NOT_AN_IMAGE", "A logo or banner must be an image.", field);
        if (found.OwnerId != viewer.Id && !viewer.IsInRole(Roles.Admin))
            return new DomainError("MEDIA_NOT_YOURS", "Use an image you uploaded yourself.", field);
        return null;
    }
}
