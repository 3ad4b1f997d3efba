using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Labels;

public sealed record CreateShippingLabelInput
{
    public required Guid ShipmentId { get; init; }
}

/// <summary>A printable label: where to open it and until when.</summary>
public sealed record ShippingLabel(Guid ShipmentId, string TrackingNumber, Uri Url, DateTimeOffset ExpiresAt);

public sealed record CreateShippingLabelPayload : Payload
{
    public ShippingLabel? Label { get; init; }
}

public sealed class CreateShippingLabelInputType : InputObjectGraphType<CreateShippingLabelInput>
{
    public CreateShippingLabelInputType()
    {
        Name = "CreateShippingLabelInput";
        Field(x => x.ShipmentId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

public sealed class ShippingLabelType : ObjectGraphType<ShippingLabel>
{
    public ShippingLabelType()
    {
        Name = "ShippingLabel";
        Description = "A shipment's printable label: an A6 PDF with the tracking number, its barcode and QR code, the addresses and the cash to collect.";
        Field(x => x.ShipmentId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.TrackingNumber);
        Field<NonNullGraphType<StringGraphType>, string>("url").Description("Opens the PDF in a browser, without signing in, until expiresAt.")
            .Resolve(context => context.Source.Url.ToString());
        Field(x => x.ExpiresAt, type: typeof(NonNullGraphType<UtcDateTimeGraphType>));
        Field<NonNullGraphType<StringGraphType>, string>("format").Resolve(_ => "PDF");
        Field<NonNullGraphType<StringGraphType>, string>("pageSize").Description("A6: 105 × 148 mm.").Resolve(_ => "A6");
    }
}

public sealed class CreateShippingLabelPayloadType : PayloadType<CreateShippingLabelPayload>
{
    public CreateShippingLabelPayloadType()
    {
        Name = "CreateShippingLabelPayload";
        Field<ShippingLabelType, ShippingLabel?>("label").Resolve(context => context.Source.Label);
    }
}

/// <summary>createShippingLabel: the shop's owner, an admin or the assigned shipper gets a signed, expiring URL of the label.</summary>
public static class LabelMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateShippingLabelPayloadType>, CreateShippingLabelPayload>("createShippingLabel")
            .Description("A printable A6 label of a shipment, at a signed URL that works for a while (Shipping:Labels:UrlLifetime). " +
                "For the shop's owner, an admin, and the assigned shipper; anyone else: FORBIDDEN.")
            .Authorize()
            .Argument<NonNullGraphType<CreateShippingLabelInputType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<CreateShippingLabelInput>("input");
                var services = context.RequestServices!;
                var user = services.GetRequiredService<ICurrentUser>();
                var shipment = await services.GetRequiredService<ShippingDbContext>().Shipments.AsNoTracking()
                    .SingleOrDefaultAsync(s => s.Id == input.ShipmentId, context.CancellationToken);
                if (shipment is null)
                    return Fail(ShipmentErrors.ShipmentNotFound);
                if (shipment.RoleOf(user.RequireId(), user.IsInRole(Roles.Admin)) is null)
                    throw GraphQLErrors.Forbidden("Only the shop's owner, an admin or the assigned shipper can print this label.");
                if (shipment.Status == ShipmentStatus.Cancelled)
                    return Fail(ShippingLabels.ShipmentCancelled);
                var signed = services.GetRequiredService<LabelUrls>().Sign(shipment.Id);
                return new CreateShippingLabelPayload { Label = new ShippingLabel(shipment.Id, shipment.TrackingNumber, signed.Url, signed.ExpiresAt) };
            });
    }

    private static CreateShippingLabelPayload Fail(GoShop.BuildingBlocks.Domain.DomainError error) =>
        new() { UserErrors = [UserError.From(error)] };
}
