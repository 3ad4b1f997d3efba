using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shipping.Quotes;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL.Types;

public sealed class ShippingMethodType : EnumerationGraphType<ShippingMethod>
{
    public ShippingMethodType()
    {
        Name = "ShippingMethod";
        Description = "How fast a parcel travels: STANDARD, EXPRESS or SAME_DAY (within a short distance).";
    }
}

public sealed record ShippingQuoteInput
{
    public required GeoPoint From { get; init; }
    public required GeoPoint To { get; init; }
    public required int WeightGrams { get; init; }
    public ShippingMethod? Method { get; init; }
    public ParcelDimensions? Dimensions { get; init; }
    public decimal? CodAmount { get; init; }
}

public sealed class ShippingQuoteInputType : InputObjectGraphType<ShippingQuoteInput>
{
    public ShippingQuoteInputType()
    {
        Name = "ShippingQuoteInput";
        Description = "A parcel to price.";
        Field(x => x.From).Description("Where the parcel is picked up (the shop).");
        Field(x => x.To).Description("Where it is delivered.");
        Field(x => x.WeightGrams).Description("Its real weight in grams, 0 or more. The weight charged (the heavier of real and volumetric) is at most 50,000 g.");
        Field(x => x.Method, type: typeof(ShippingMethodType)).Description("STANDARD when left out.");
        Field(x => x.Dimensions, type: typeof(ParcelDimensionsInputType)).Description("Its size, for the volumetric weight (L × W × H in cm ÷ 6,000, in kg); " +
            "left out, only the real weight counts.");
        Field(x => x.CodAmount, nullable: true).Description("Cash the shipper collects on delivery, in VND, 0 or more; it adds a surcharge. Left out, none.");
    }
}

public sealed class ParcelDimensionsInputType : InputObjectGraphType<ParcelDimensions>
{
    public ParcelDimensionsInputType()
    {
        Name = "ParcelDimensionsInput";
        Description = "A parcel's size in centimetres.";
        Field(x => x.LengthCm).Description("Length in cm: more than 0, at most 300.");
        Field(x => x.WidthCm).Description("Width in cm: more than 0, at most 300.");
        Field(x => x.HeightCm).Description("Height in cm: more than 0, at most 300.");
    }
}

public sealed class ShippingQuoteType : ObjectGraphType<ShippingQuote>
{
    public ShippingQuoteType()
    {
        Name = "ShippingQuote";
        Description = "What a parcel costs to ship, how far it goes and how long it takes; fee is the sum of the breakdown.";
        Field<NonNullGraphType<ShippingMethodType>, ShippingMethod>("method").Description("The method priced.").Resolve(context => context.Source.Method);
        Field<NonNullGraphType<MoneyType>, Money>("fee").Description("What shipping costs, in VND (whole đồng): the sum of the breakdown.")
            .Resolve(context => new Money(context.Source.Fee, context.Source.Currency));
        Field(x => x.DistanceKm).Description("Road distance in kilometres, to 0.1 km: the great-circle distance times the road factor (1.25).");
        Field(x => x.StraightLineKm).Description("The great-circle distance in kilometres, to 0.1 km.");
        Field(x => x.EtaMinutes).Description("Minutes from now to the door: the method's handling time plus travel at its speed.");
        Field(x => x.ChargeableWeightGrams).Description("The weight charged, in grams: the heavier of the real and the volumetric weight.");
        Field(x => x.RemoteArea).Description("True when the destination is more than 200 km from every hub (Hà Nội, Đà Nẵng, Hồ Chí Minh City), " +
            "which adds a surcharge.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShippingQuoteLineType>>>, IReadOnlyList<(QuoteLine, string)>>("breakdown")
            .Description("The parts of the fee, in the order they apply.")
            .Resolve(context => context.Source.Breakdown.Select(line => (line, context.Source.Currency)).ToList());
    }
}

public sealed class ShippingQuoteLineType : ObjectGraphType<(QuoteLine Line, string Currency)>
{
    public ShippingQuoteLineType()
    {
        Name = "ShippingQuoteLine";
        Description = "One part of a shipping fee.";
        Field<NonNullGraphType<StringGraphType>, string>("label")
            .Description("What the part is for, in English, to show as is, e.g. \"Base fee\" or \"Distance 12.5 km by road (10 km as the crow flies × 1.25)\".")
            .Resolve(context => context.Source.Line.Label);
        Field<NonNullGraphType<MoneyType>, Money>("amount")
            .Description("What the part adds, in VND; negative for the line that caps the base fee and distance together.")
            .Resolve(context => new Money(context.Source.Line.Amount, context.Source.Currency));
    }
}

public sealed record ShippingMethodInfo(ShippingMethod Method, string Description, ShippingMethodRule Rule);

public sealed class ShippingMethodInfoType : ObjectGraphType<ShippingMethodInfo>
{
    public ShippingMethodInfoType()
    {
        Name = "ShippingMethodInfo";
        Description = "A shipping method and its rules.";
        Field<NonNullGraphType<ShippingMethodType>, ShippingMethod>("method").Description("The method.").Resolve(context => context.Source.Method);
        Field(x => x.Description).Description("What the method offers, in a sentence (English) to show buyers.");
        Field<NonNullGraphType<DecimalGraphType>, decimal>("multiplier")
            .Description("The transport part of the fee (base, distance and weight) is multiplied by this; surcharges are not.")
            .Resolve(context => context.Source.Rule.Multiplier);
        Field<NonNullGraphType<IntGraphType>, int>("handlingMinutes").Description("Minutes from the order to the parcel leaving with a shipper; part of the quote's ETA.")
            .Resolve(context => context.Source.Rule.HandlingMinutes);
        Field<NonNullGraphType<FloatGraphType>, double>("speedKmh").Description("Average road speed in km/h, stops included; travel time is the road distance at this speed.")
            .Resolve(context => context.Source.Rule.SpeedKmh);
        Field<FloatGraphType, double?>("maxDistanceKm").Description("The longest road distance the method serves, in kilometres; null when there is no limit.")
            .Resolve(context => context.Source.Rule.MaxDistanceKm > 0 ? context.Source.Rule.MaxDistanceKm : null);
    }
}

public sealed record DistanceMatrixCell(int OriginIndex, int DestinationIndex, GeoPoint Origin, GeoPoint Destination, double DistanceKm, double StraightLineKm, int EtaMinutes);

public sealed class DistanceMatrixCellType : ObjectGraphType<DistanceMatrixCell>
{
    public DistanceMatrixCellType()
    {
        Name = "DistanceMatrixCell";
        Description = "The distance and travel time from one origin to one destination.";
        Field(x => x.OriginIndex).Description("The origin's position in the origins argument.");
        Field(x => x.DestinationIndex).Description("The destination's position in the destinations argument.");
        Field(x => x.Origin).Description("The origin, as given.");
        Field(x => x.Destination).Description("The destination, as given.");
        Field(x => x.DistanceKm).Description("Road distance in kilometres, to 0.1 km (great circle × road factor 1.25).");
        Field(x => x.StraightLineKm).Description("The great-circle distance in kilometres, to 0.1 km.");
        Field(x => x.EtaMinutes).Description("Travel minutes at the method's speed, without handling time.");
    }
}
