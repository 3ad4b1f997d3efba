using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Media;
using Microsoft.Extensions.Logging;

namespace GoShop.BuildingBlocks.Media;

/// <summary>
/// Checks uploaded files before something a subgraph owns points at them (a shop's logo, a return's photos, a review's
/// photos or video): each exists in the media subgraph (<see cref="MediaDirectory"/>) and was uploaded by the signed-in
/// user. Register it scoped beside <c>AddInternalApiClient&lt;MediaDirectory&gt;</c>.
/// </summary>
public sealed class UploadedMedia(MediaDirectory media, ICurrentUser viewer, ILogger<UploadedMedia> logger)
{
    /// <summary>
    /// The files <paramref name="mediaIds"/> name (each once, in order), or the first problem: one the media subgraph does
    /// not know, one someone else uploaded, or media unreachable.
    /// </summary>
    /// <param name="field">The input field the ids came in, named by the userError.</param>
    /// <param name="adminsMayUseAny">Whether an admin may attach a file someone else uploaded (a shop's logo: yes).</param>
    public async Task<Result<MediaInfo[]>> FindOwnAsync(IEnumerable<Guid> mediaIds, string field, bool adminsMayUseAny,
        CancellationToken cancellationToken)
    {
        var files = new List<MediaInfo>();
        foreach (var mediaId in mediaIds.Distinct())
        {
            var lookup = await InternalApi.CallAsync(() => media.FindAsync(mediaId, cancellationToken),
                new DomainError("MEDIA_UNAVAILABLE", "The media service cannot be reached right now; try again shortly.", field),
                logger, cancellationToken, $"confirm media {mediaId} with the media subgraph");
            if (!lookup.Succeeded)
                return lookup.Error;
            if (lookup.Value is not { } found)
                return new DomainError("MEDIA_NOT_FOUND", $"No uploaded file has the id {mediaId}.", field);
            if (found.OwnerId != viewer.Id && !(adminsMayUseAny && viewer.IsInRole(Roles.Admin)))
                return new DomainError("MEDIA_NOT_YOURS", "Use a file you uploaded yourself.", field);
            files.Add(found);
        }
        return files.ToArray();
    }

    /// <summary>The first problem with any of <paramref name="mediaIds"/> as images, or null when all of them may be attached.</summary>
    /// <param name="what">What the image becomes, for the messages: "A logo or banner", "A return's photo".</param>
    public async Task<DomainError?> ImageProblemAsync(IEnumerable<Guid> mediaIds, string field, string what, bool adminsMayUseAny,
        CancellationToken cancellationToken)
    {
        var found = await FindOwnAsync(mediaIds, field, adminsMayUseAny, cancellationToken);
        if (!found.Succeeded)
            return found.Error;
        return found.Value!.Any(file => !MediaKinds.IsImage(file.Kind))
            ? new DomainError("MEDIA_NOT_AN_IMAGE", $"{what} must be an image.", field)
            : null;
    }
}
