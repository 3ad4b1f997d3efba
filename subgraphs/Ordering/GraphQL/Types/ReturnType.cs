using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;
using GoShop.Ordering.GraphQL.Loaders;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace GoShop.Ordering.GraphQL.Types;

public sealed class ReturnType : ObjectGraphType<Return>
{
    public ReturnType()
    {
        Name = "Return";
        Description = "A buyer's return of some units of a delivered order, or all of it (at most one per order), and where it stands. Its order's " +
            "buyer, seller and admins see it.";
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The return's unique id (a time-ordered UUID).");
        Field<NonNullGraphType<OrderType>, IDataLoaderResult<Order?>>("order")
            .Description("The order the units come from.")
            .Resolve(context => context.Loader<OrderByIdLoader>().Load(context.Source.OrderId));
        Field<NonNullGraphType<ReturnStatusType>, ReturnStatus>("status")
            .Description("Where the return stands now.")
            .Resolve(context => context.Source.Status);
        Field(r => r.Reason).Description("Why the buyer sends it back, as they wrote it (1 to 500 characters).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReturnLineType>>>, IEnumerable<ReturnLine>>("lines")
            .Description("What goes back: one entry per order line, in the order's line order, with how many units and what they refund.")
            .Resolve(context => context.Source.Lines.OrderBy(l => l.Position));
        Field(r => r.WholeOrder).Description("Whether every unit of the order goes back; only then is the shipping fee refunded too.");
        Field<MoneyType, Money>("refund")
            .Description("What the buyer gets back, in whole đồng: the lines' refunds, plus the shipping fee when the whole order goes back (then " +
                "exactly the order's total). Paid once the parcel reached the shop.")
            .Resolve(context => new Money(context.Source.RefundAmount, context.Source.Currency));
        Field<ShipmentType, EntityReference<ShipmentType>>("shipment")
            .Description("The shipment bringing the parcel from the buyer back to the shop; null until GoShop's shipping created it after the approval " +
                "(never for a rejected return).")
            .Resolve(context => EntityReference.To<ShipmentType>(context.Source.ShipmentId));
        Field<NonNullGraphType<ListGraphType<MediaType>>, IEnumerable<EntityReference<MediaType>>>("media")
            .Description("The buyer's photos of the goods (images they uploaded), at most 6; empty when none. An item is null when media cannot be reached.")
            .Resolve(context => context.Source.MediaIds.Select(id => EntityReference.To<MediaType>(id)));
        Field(r => r.RequestedAt).Description("When the buyer asked for the return.");
        Field(r => r.ApprovedAt, nullable: true).Description("When the seller (or an admin) approved it; null unless approved.");
        Field(r => r.RejectedAt, nullable: true).Description("When the seller (or an admin) rejected it; null unless REJECTED.");
        Field(r => r.RejectionReason, nullable: true).Description("Why it was rejected, as the seller (or admin) wrote it; null unless REJECTED.");
        Field(r => r.PickedUpAt, nullable: true).Description("When a shipper picked the parcel up at the buyer's; null until IN_TRANSIT.");
        Field(r => r.ReceivedAt, nullable: true).Description("When the parcel reached the shop; null until RECEIVED.");
        Field(r => r.RefundedAt, nullable: true).Description("When the refund reached the buyer; null until REFUNDED.");
    }
}

public sealed class ReturnLineType : ObjectGraphType<ReturnLine>
{
    public ReturnLineType()
    {
        Name = "ReturnLine";
        Description = "Units of one order line going back, and what they refund.";
        Field<NonNullGraphType<OrderLineType>, IDataLoaderResult<OrderLine?>>("orderLine")
            .Description("The order line the units come from, as it was sold.")
            .Resolve(context => context.Loader<OrderLineByIdLoader>().Load(context.Source.OrderLineId));
        Field(l => l.Quantity).Description("How many units go back: 1 to the line's quantity.");
        Field<NonNullGraphType<MoneyType>, Money>("refund")
            .Description("What these units refund, in whole đồng: their price less their share of the order's discount (in proportion to the goods), " +
                "plus their share of its VAT.")
            .Resolve(context => Money.Vnd(context.Source.RefundAmount));
    }
}

public sealed class ReturnStatusType : EnumerationGraphType<ReturnStatus>
{
    public ReturnStatusType()
    {
        Name = "ReturnStatus";
        Description = "Where a return stands: REQUESTED → APPROVED or REJECTED; APPROVED → IN_TRANSIT (picked up at the buyer's) → RECEIVED (at " +
            "the shop) → REFUNDED.";
    }
}
