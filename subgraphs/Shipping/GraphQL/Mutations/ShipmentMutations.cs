using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shipping.Domain;
using GoShop.Shipping.GraphQL.Types;
using GoShop.Shipping.Tracking;
using GoShop.Shipping.Workflow;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL.Mutations;

[Description("The status the signed-in shipper sets.")]
public sealed record SetShipperStatusInput
{
    [Description("OFFLINE or AVAILABLE (BUSY follows from the load).")]
    public required ShipperStatus Status { get; init; }
}

[Description("Where the signed-in shipper is now.")]
public sealed record ReportLocationInput
{
    [Description("The shipper's position, from the device's GPS.")]
    public required GeoPoint Location { get; init; }
}

[Description("The offered shipment to take.")]
public sealed record AcceptShipmentInput
{
    [Description("The shipment offered to the signed-in shipper.")]
    public required Guid ShipmentId { get; init; }
}

[Description("The offered shipment to turn down.")]
public sealed record DeclineShipmentInput
{
    [Description("The shipment offered to the signed-in shipper.")]
    public required Guid ShipmentId { get; init; }

    [Description("Why, at most 500 characters; kept with the offer.")]
    public string? Reason { get; init; }
}

[Description("Which shipment goes to which shipper.")]
public sealed record AssignShipperInput
{
    [Description("The shipment, AWAITING_ASSIGNMENT.")]
    public required Guid ShipmentId { get; init; }

    [Description("The shipper (their user id), AVAILABLE with a free slot; availableShippers lists them.")]
    public required Guid ShipperId { get; init; }
}

[Description("The move to make, with what it needs.")]
public sealed record UpdateShipmentStatusInput
{
    [Description("The shipment to move.")]
    public required Guid ShipmentId { get; init; }

    [Description("The status to move to: PICKED_UP, IN_TRANSIT, DELIVERED, FAILED_DELIVERY or RETURNED_TO_SHOP, as allowed from the current one.")]
    public required ShipmentStatus Status { get; init; }

    [Description("Why (required for FAILED_DELIVERY), or a remark; at most 500 characters, kept in the history.")]
    public string? Note { get; init; }

    [Description("DELIVERED: the photo taken at the door (or give recipientName).")]
    public Guid? ProofMediaId { get; init; }

    [Description("DELIVERED: who took the parcel, at most 200 characters (or give proofMediaId).")]
    public string? RecipientName { get; init; }

    [Description("DELIVERED, cash on delivery: the cash collected, in the order's currency; must equal codAmount exactly. " +
        "For other parcels leave it out or give 0.")]
    public decimal? CodCollected { get; init; }
}

public sealed class SetShipperStatusInputType : AutoRegisteringInputObjectGraphType<SetShipperStatusInput>;

public sealed class ReportLocationInputType : AutoRegisteringInputObjectGraphType<ReportLocationInput>;

public sealed class AcceptShipmentInputType : AutoRegisteringInputObjectGraphType<AcceptShipmentInput>;

public sealed class DeclineShipmentInputType : AutoRegisteringInputObjectGraphType<DeclineShipmentInput>;

public sealed class AssignShipperInputType : AutoRegisteringInputObjectGraphType<AssignShipperInput>;

public sealed class UpdateShipmentStatusInputType : AutoRegisteringInputObjectGraphType<UpdateShipmentStatusInput>;

public sealed record ShipmentPayload : Payload
{
    public Shipment? Shipment { get; init; }
}

public sealed record ShipperPayload : Payload
{
    public Shipper? Shipper { get; init; }
}

public sealed record ReportLocationPayload : Payload
{
    public Shipper? Shipper { get; init; }

    public bool Trusted { get; init; }

    public double? SpeedKmh { get; init; }
}

public abstract class ShipmentPayloadType : PayloadType<ShipmentPayload>
{
    protected ShipmentPayloadType(string name)
    {
        Name = name;
        Field<ShipmentType, Shipment?>("shipment").Description("The shipment as it is now; null when userErrors is not empty.").Resolve(context => context.Source.Shipment);
    }
}

public sealed class AcceptShipmentPayloadType() : ShipmentPayloadType("AcceptShipmentPayload");

public sealed class DeclineShipmentPayloadType() : ShipmentPayloadType("DeclineShipmentPayload");

public sealed class AssignShipperPayloadType() : ShipmentPayloadType("AssignShipperPayload");

public sealed class UpdateShipmentStatusPayloadType() : ShipmentPayloadType("UpdateShipmentStatusPayload");

public sealed class SetShipperStatusPayloadType : PayloadType<ShipperPayload>
{
    public SetShipperStatusPayloadType()
    {
        Name = "SetShipperStatusPayload";
        Field<ShipperType, Shipper?>("shipper").Description("The shipper as they are now; null when userErrors is not empty.").Resolve(context => context.Source.Shipper);
    }
}

public sealed class ReportLocationPayloadType : PayloadType<ReportLocationPayload>
{
    public ReportLocationPayloadType()
    {
        Name = "ReportLocationPayload";
        Field<ShipperType, Shipper?>("shipper").Description("The shipper as they are now; null when userErrors is not empty.").Resolve(context => context.Source.Shipper);
        Field(p => p.Trusted).Description("False when the point implied an impossible speed (over 150 km/h) from the last trusted one: kept flagged " +
            "on the trip, not shown, and the shipper's position stays. Also false when userErrors is not empty.");
        Field(p => p.SpeedKmh, nullable: true).Description("The speed the point implies from the last trusted one, in km/h; null for the first report, and for a jump of more than 50 m reported at the same instant (not trusted).");
    }
}

/// <summary>
/// The shipper app's and the shop's mutations: setShipperStatus, reportLocation, acceptShipment, declineShipment,
/// assignShipper and updateShipmentStatus. Expected failures are userErrors; nothing is half-written.
/// </summary>
public sealed class ShipmentMutations(ShipmentWorkflow workflow, ShipperActivity activity, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SetShipperStatusPayloadType>, ShipperPayload>("setShipperStatus")
            .Description("The signed-in shipper goes AVAILABLE (waiting shipments near them are offered to them) or OFFLINE (only with no parcels " +
                "on hand). A suspended shipper cannot go AVAILABLE. userErrors: NOT_A_SHIPPER, INVALID_STATUS, SHIPPER_SUSPENDED, HAS_ACTIVE_SHIPMENTS.")
            .Authorize()
            .Argument<NonNullGraphType<SetShipperStatusInputType>>("input", "The new status.")
            .ResolveAsync(async context => await context.Service<ShipmentMutations>().SetStatusAsync(
                context.GetArgument<SetShipperStatusInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ReportLocationPayloadType>, ReportLocationPayload>("reportLocation")
            .Description("The shipper app reports where the signed-in shipper is, at most 5 times a second; followers of their shipments hear it " +
                "with a fresh ETA. A point implying more than 150 km/h from the last trusted one is kept flagged and moves nothing (trusted: false). " +
                "userErrors: NOT_A_SHIPPER, RATE_LIMITED.")
            .Authorize()
            .Argument<NonNullGraphType<ReportLocationInputType>>("input", "The shipper's position.")
            .ResolveAsync(async context => await context.Service<ShipmentMutations>().ReportLocationAsync(
                context.GetArgument<ReportLocationInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<AcceptShipmentPayloadType>, ShipmentPayload>("acceptShipment")
            .Description("The signed-in shipper takes a shipment offered to them, while the offer is open (until its expiresAt) and they are " +
                "AVAILABLE with a free slot; it becomes ASSIGNED to them. userErrors: SHIPMENT_NOT_FOUND, NO_OFFER, ALREADY_ASSIGNED, SHIPPER_OFFLINE, " +
                "SHIPPER_AT_CAPACITY.")
            .Authorize()
            .Argument<NonNullGraphType<AcceptShipmentInputType>>("input", "The shipment to take.")
            .ResolveAsync(async context => await context.Service<ShipmentMutations>().AcceptAsync(
                context.GetArgument<AcceptShipmentInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<DeclineShipmentPayloadType>, ShipmentPayload>("declineShipment")
            .Description("The signed-in shipper turns down a shipment offered to them; it is offered to the next shipper in reach, never to them " +
                "again. userErrors: TOO_LONG, SHIPMENT_NOT_FOUND, NO_OFFER.")
            .Authorize()
            .Argument<NonNullGraphType<DeclineShipmentInputType>>("input", "The shipment to turn down, and why.")
            .ResolveAsync(async context => await context.Service<ShipmentMutations>().DeclineAsync(
                context.GetArgument<DeclineShipmentInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<AssignShipperPayloadType>, ShipmentPayload>("assignShipper")
            .Description("The shop's owner or an admin gives a shipment AWAITING_ASSIGNMENT to a shipper of their choice (AVAILABLE, with a free slot); " +
                "an open offer of it to another shipper is withdrawn. userErrors: SHIPMENT_NOT_FOUND, NOT_SHOP_OWNER, ALREADY_ASSIGNED, SHIPPER_NOT_FOUND, " +
                "INVALID_TRANSITION, SHIPPER_OFFLINE, SHIPPER_AT_CAPACITY.")
            .Authorize()
            .Argument<NonNullGraphType<AssignShipperInputType>>("input", "The shipment and the shipper.")
            .ResolveAsync(async context => await context.Service<ShipmentMutations>().AssignAsync(
                context.GetArgument<AssignShipperInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<UpdateShipmentStatusPayloadType>, ShipmentPayload>("updateShipmentStatus")
            .Description("The assigned shipper moves the shipment on: PICKED_UP, IN_TRANSIT, DELIVERED (with proof and, for COD, the cash due), " +
                "FAILED_DELIVERY (with a note), IN_TRANSIT again or RETURNED_TO_SHOP. The shop's owner or an admin may also return a failed parcel. " +
                "userErrors: TOO_LONG, OUT_OF_RANGE, SHIPMENT_NOT_FOUND, NOT_ASSIGNED_SHIPPER, INVALID_TRANSITION, FORBIDDEN_ACTOR, REASON_REQUIRED, " +
                "PROOF_REQUIRED, COD_AMOUNT_REQUIRED, COD_AMOUNT_MISMATCH.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateShipmentStatusInputType>>("input", "The shipment, its new status and what that move needs.")
            .ResolveAsync(async context => await context.Service<ShipmentMutations>().UpdateStatusAsync(
                context.GetArgument<UpdateShipmentStatusInput>("input"), context.CancellationToken));
    }

    private async Task<ShipperPayload> SetStatusAsync(SetShipperStatusInput input, CancellationToken cancellationToken)
    {
        var set = await activity.SetStatusAsync(currentUser.RequireId(), input.Status, cancellationToken);
        return set.Succeeded ? new ShipperPayload { Shipper = set.Value } : new ShipperPayload { UserErrors = [UserError.From(set.Error)] };
    }

    private async Task<ReportLocationPayload> ReportLocationAsync(ReportLocationInput input, CancellationToken cancellationToken)
    {
        var reported = await activity.ReportLocationAsync(currentUser.RequireId(), input.Location, cancellationToken);
        return reported.Succeeded
            ? new ReportLocationPayload { Shipper = reported.Value.Shipper, Trusted = reported.Value.Trusted, SpeedKmh = reported.Value.SpeedKmh is { } speed && double.IsFinite(speed) ? speed : null }
            : new ReportLocationPayload { UserErrors = [UserError.From(reported.Error)] };
    }

    private async Task<ShipmentPayload> AcceptAsync(AcceptShipmentInput input, CancellationToken cancellationToken) =>
        Answer(await workflow.AcceptAsync(currentUser.RequireId(), input.ShipmentId, cancellationToken));

    private async Task<ShipmentPayload> AssignAsync(AssignShipperInput input, CancellationToken cancellationToken) =>
        Answer(await workflow.AssignManuallyAsync(currentUser.RequireId(), currentUser.IsInRole(Roles.Admin), input.ShipmentId, input.ShipperId,
            cancellationToken));

    private async Task<ShipmentPayload> DeclineAsync(DeclineShipmentInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Text(input.Reason, "reason", Shipment.MaxReason, required: false);
        if (check.HasErrors)
            return new ShipmentPayload { UserErrors = check.Errors };
        return Answer(await workflow.DeclineAsync(currentUser.RequireId(), input.ShipmentId, input.Reason, cancellationToken));
    }

    private async Task<ShipmentPayload> UpdateStatusAsync(UpdateShipmentStatusInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck()
            .Text(input.Note, "note", Shipment.MaxReason, required: false)
            .Text(input.RecipientName, "recipientName", Shipment.MaxRecipientName, required: false)
            .Range((double?)input.CodCollected, "codCollected", 0, 1_000_000_000_000);
        if (check.HasErrors)
            return new ShipmentPayload { UserErrors = check.Errors };
        var proof = new DeliveryProof(input.ProofMediaId, input.RecipientName, input.CodCollected);
        return Answer(await workflow.UpdateStatusAsync(currentUser.RequireId(), currentUser.IsInRole(Roles.Admin), input.ShipmentId, input.Status,
            input.Note, proof, cancellationToken));
    }

    private static ShipmentPayload Answer(Result<Shipment> result) =>
        result.Succeeded ? new ShipmentPayload { Shipment = result.Value } : new ShipmentPayload { UserErrors = [UserError.From(result.Error)] };
}
