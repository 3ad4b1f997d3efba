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
        Field(x => x.ShipmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The shipment labelled.");
        Field(x => x.TrackingNumber).Description("The shipment's tracking number, printed on the label.");
        Field<NonNullGraphType<StringGraphType>, string>("url").Description("Opens the PDF in a browser, without signing in, until expiresAt: " +
                "anyone holding it can. Served by the shipping service itself, not through the gateway.")
            .Resolve(context => context.Source.Url.ToString());
        Field(x => x.ExpiresAt, type: typeof(NonNullGraphType<UtcDateTimeGraphType>))
            .Description("When url stops working (30 minutes after it was made); call createShippingLabel again for a new one.");
        Field<NonNullGraphType<StringGraphType>, string>("format").Description("Always PDF.").Resolve(_ => "PDF");
        Field<NonNullGraphType<StringGraphType>, string>("pageSize").Description("A6: 105 × 148 mm.").Resolve(_ => "A6");
    }
}
