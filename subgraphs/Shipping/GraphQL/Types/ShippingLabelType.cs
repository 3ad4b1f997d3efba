using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shipping.Labels;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL.Types;

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
