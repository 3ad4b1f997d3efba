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

public sealed record DeleteMediaInput
{
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
            .Description("Uploads a JPEG, PNG or WebP image (up to 10 MB by default) or an MP4 video (up to 100 MB), sent as a " +
                "multipart request (GraphQL multipart request spec). The type is read from the file's content, not its name. " +
                "Images are re-encoded without their metadata (EXIF, GPS) and get medium and thumbnail variants.")
            .Authorize()
            .Argument<NonNullGraphType<UploadGraphType>>("file")
            .ResolveAsync(async context => await context.Service<MediaMutations>().UploadAsync(context.GetArgument<IFormFile>("file"), context.CancellationToken));

        mutation.Field<NonNullGraphType<DeleteMediaPayloadType>, DeleteMediaPayload>("deleteMedia")
            .Description("Deletes a media file and all its stored files (the uploader or an admin).")
            .Authorize()
            .Argument<NonNullGraphType<DeleteMediaInputType>>("input")
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
