using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Media.Domain;
using GraphQL.Types;

namespace GoShop.Media.GraphQL.Types;

public sealed record UploadMediaPayload : Payload
{
    public MediaFile? Media { get; init; }
}

public sealed class UploadMediaPayloadType : PayloadType<UploadMediaPayload>
{
    public UploadMediaPayloadType()
    {
        Name = "UploadMediaPayload";
        Field<MediaType, MediaFile>("media").Description("The stored media; null when the upload was refused.").Resolve(context => context.Source.Media);
    }
}

public sealed record DeleteMediaPayload : Payload
{
    public Guid? DeletedMediaId { get; init; }
}

public sealed class DeleteMediaPayloadType : PayloadType<DeleteMediaPayload>
{
    public DeleteMediaPayloadType()
    {
        Name = "DeleteMediaPayload";
        Field<IdGraphType, Guid?>("deletedMediaId").Description("The id of the deleted media; null when it was refused.").Resolve(context => context.Source.DeletedMediaId);
    }
}
