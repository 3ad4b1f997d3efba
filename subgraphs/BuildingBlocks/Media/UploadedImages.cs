using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Media;
using Microsoft.Extensions.Logging;

namespace GoShop.BuildingBlocks.Media;

/// <summary>
/// Checks uploaded files before something a subgraph owns points at them (a shop's logo, a return's photos): each exists
/// in the media subgraph (<see cref="MediaDirectory"/>), is an image, and was uploaded by the signed-in user. Register it
/// scoped beside <c>AddInternalApiClient&lt;MediaDirectory&gt;</c>.
/// </summary>
public sealed class UploadedImages(MediaDirectory media, ICurrentUser viewer, ILogger<UploadedImages> logger)
{
    /// <summary>The first problem with any of <paramref name="mediaIds"/>, or null when all of them may be attached.</summary>
    /// <param name="field">The input field the ids came in, named by the userError.</param>
    /// <param name="what">What the image becomes, for the messages: "A logo or banner", "A return's photo".</param>
    /// <param name="adminsMayUseAny">Whether an admin may attach an image someone else uploaded (a shop's logo: yes).</param>
    public async Task<DomainError?> ProblemAsync(IEnumerable<Guid> mediaIds, string field, string what, bool adminsMayUseAny,
        CancellationToken cancellationToken)
    {
        foreach (var mediaId in mediaIds.Distinct())
        {
            var lookup = await InternalApi.CallAsync(() => media.FindAsync(mediaId, cancellationToken),
                new DomainError("MEDIA_UNAVAILABLE", "The media service cannot be reached right now; try again shortly.", field),
                logger, cancellationToken, $"confirm media {mediaId} with the media subgraph");
            if (!lookup.Succeeded)
                return lookup.Error;
            var found = lookup.Value;
            if (found is null)
                return new DomainError("MEDIA_NOT_FOUND", $"No uploaded file has the id {mediaId}.", field);
            if (!string.Equals(found.Kind, "image", StringComparison.OrdinalIgnoreCase))
                return new DomainError("MEDIA_NOT_AN_IMAGE", $"{what} must be an image.", field);
            if (found.OwnerId != viewer.Id && !(adminsMayUseAny && viewer.IsInRole(Roles.Admin)))
                return new DomainError("MEDIA_NOT_YOURS", "Use an image you uploaded yourself.", field);
        }
        return null;
    }
}
