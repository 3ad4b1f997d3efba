using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Media.Deletion;
using GoShop.Media.GraphQL.Types;
using GoShop.Media.Uploads;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;

namespace GoShop.Media.GraphQL.Mutations;

[Description("Which media file to delete.")]
public sealed record DeleteMediaInput
{
    [Description("The media's id; you must have uploaded it, unless you are an admin.")]
    public required Guid MediaId { get; init; }
}

public sealed class DeleteMediaInputType : AutoRegisteringInputObjectGraphType<DeleteMediaInput>;

/// <summary>uploadMedia and deleteMedia.</summary>
public sealed class MediaMutations(MediaIntake intake, MediaDeletion deletion, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        // The one mutation without an input object: the GraphQL multipart request spec and the API contract name the
        // file argument itself.
        mutation.Field<NonNullGraphType<UploadMediaPayloadType>, UploadMediaPayload>("uploadMedia")
            .Description("The signed-in user uploads a JPEG, PNG or WebP image (by default up to 10 MB and 40 million pixels) or an MP4 " +
                "video (up to 100 MB), as a multipart request (GraphQL multipart request spec) of one file, with a GraphQL-Preflight " +
                "header (any value). The type is read from the file's content, not its name or declared type. Images are turned upright, " +
                "re-encoded without their metadata (EXIF, GPS) and get medium and thumbnail variants; videos are stored as sent. Every " +
                "userError points at [\"file\"]. userErrors: EMPTY_FILE, UNSUPPORTED_MEDIA_TYPE, FILE_TOO_LARGE, IMAGE_TOO_LARGE, INVALID_IMAGE.")
            .Authorize()
            .Argument<NonNullGraphType<UploadGraphType>>("file", "The file: a variable the multipart request's map fills with one of its parts.")
            .ResolveAsync(async context => await context.Service<MediaMutations>().UploadAsync(context.GetArgument<IFormFile>("file"), context.CancellationToken));

        mutation.Field<NonNullGraphType<DeleteMediaPayloadType>, DeleteMediaPayload>("deleteMedia")
            .Description("Deletes a media file and all its stored files: its uploader or an admin. Its URLs answer 404 from then on (copies " +
                "already cached may live on), and shops and the catalog drop their references to it. userErrors: NOT_FOUND, FORBIDDEN.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteMediaInputType>>("input", "Which media file to delete.")
            .ResolveAsync(async context => await context.Service<MediaMutations>().DeleteAsync(context.GetArgument<DeleteMediaInput>("input"), context.CancellationToken));
    }

    public async Task<UploadMediaPayload> UploadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.RequireId();
        var accepted = await intake.AcceptAsync(ownerId, new UploadedContent(file.Length, file.FileName, file.OpenReadStream), cancellationToken);
        // The file is an argument of its own, not a field of an input: the error points at ["file"].
        return accepted.Succeeded
            ? new UploadMediaPayload { Media = accepted.Value }
            : new UploadMediaPayload { UserErrors = [new UserError(accepted.Error.Code, accepted.Error.Message, ["file"])] };
    }

    public async Task<DeleteMediaPayload> DeleteAsync(DeleteMediaInput input, CancellationToken cancellationToken)
    {
        var deleted = await deletion.DeleteAsync(input.MediaId, currentUser.RequireId(), currentUser.IsInRole(Roles.Admin), cancellationToken);
        return deleted.Succeeded
            ? new DeleteMediaPayload { DeletedMediaId = deleted.Value.Id }
            : new DeleteMediaPayload { UserErrors = [UserError.From(deleted.Error)] };
    }
}
