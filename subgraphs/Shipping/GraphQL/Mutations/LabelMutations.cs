using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shipping.GraphQL.Types;
using GoShop.Shipping.Labels;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Shipping.GraphQL.Mutations;

public sealed record CreateShippingLabelInput
{
    public required Guid ShipmentId { get; init; }
}

public sealed record CreateShippingLabelPayload : Payload
{
    public ShippingLabel? Label { get; init; }
}

public sealed class CreateShippingLabelInputType : InputObjectGraphType<CreateShippingLabelInput>
{
    public CreateShippingLabelInputType()
    {
        Name = "CreateShippingLabelInput";
        Description = "The shipment to label.";
        Field(x => x.ShipmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The shipment to label.");
    }
}

public sealed class CreateShippingLabelPayloadType : PayloadType<CreateShippingLabelPayload>
{
    public CreateShippingLabelPayloadType()
    {
        Name = "CreateShippingLabelPayload";
        Field<ShippingLabelType, ShippingLabel?>("label").Description("The label's URL; null when userErrors is not empty.").Resolve(context => context.Source.Label);
    }
}

/// <summary>createShippingLabel: the shop's owner, an admin or the assigned shipper gets a signed, expiring URL of the label.</summary>
public sealed class LabelMutations(ShippingLabels labels, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateShippingLabelPayloadType>, CreateShippingLabelPayload>("createShippingLabel")
            .Description("A printable A6 label of a shipment, at a signed URL that works for 30 minutes; the PDF shows the shipment as it is " +
                "when opened. For the shop's owner, admins and the assigned shipper; anyone else gets a FORBIDDEN error. " +
                "userErrors: SHIPMENT_NOT_FOUND, SHIPMENT_CANCELLED.")
            .Authorize()
            .Argument<NonNullGraphType<CreateShippingLabelInputType>>("input", "The shipment to label.")
            .ResolveAsync(async context => await context.Service<LabelMutations>().CreateAsync(
                context.GetArgument<CreateShippingLabelInput>("input"), context.CancellationToken));
    }

    private async Task<CreateShippingLabelPayload> CreateAsync(CreateShippingLabelInput input, CancellationToken cancellationToken)
    {
        var created = await labels.CreateAsync(input.ShipmentId, currentUser.RequireId(), currentUser.IsInRole(Roles.Admin), cancellationToken);
        if (created.Succeeded)
            return new CreateShippingLabelPayload { Label = created.Value };
        // Asking for someone else's label is an authorization failure, not a user error.
        if (created.Error == ShippingLabels.NotAllowed)
            throw GraphQLErrors.Forbidden(created.Error.Message);
        return Fail<CreateShippingLabelPayload>(created.Error);
    }
}
