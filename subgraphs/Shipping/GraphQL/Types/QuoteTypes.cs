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
        Field(x => x.WeightGrams).Description("Its real weight in grams.");
        Field(x => x.Method, type: typeof(ShippingMethodType)).Description("STANDARD when left out.");
        Field(x => x.Dimensions, type: typeof(ParcelDimensionsInputType)).Description("Its size, for the volumetric weight.");
        Field(x => x.CodAmount, nullable: true).Description("Cash the shipper collects on delivery (cash on delivery); left out, none.");
    }
}

public sealed class ParcelDimensionsInputType : InputObjectGraphType<ParcelDimensions>
{
    public ParcelDimensionsInputType()
    {
        Name = "ParcelDimensionsInput";
        Description = "A parcel's size in centimetres.";
        Field(x => x.LengthCm);
        Field(x => x.WidthCm);
        Field(x => x.HeightCm);
    }
}

public sealed class ShippingQuoteType : ObjectGraphType<ShippingQuote>
{
    public ShippingQuoteType()
    {
        Name = "ShippingQuote";
        Description = "What a parcel costs to ship, how far it goes and how long it takes; fee is the sum of the breakdown.";
        Field<NonNullGraphType<ShippingMethodType>, ShippingMethod>("method").Resolve(context => context.Source.Method);
        Field<NonNullGraphType<MoneyType>, Money>("fee").Resolve(context => new Money(context.Source.Fee, context.Source.Currency));
        Field(x => x.DistanceKm).Description("Road distance: the great-circle distance times the road factor.");
        Field(x => x.StraightLineKm).Description("The great-circle distance.");
        Field(x => x.EtaMinutes).Description("Minutes from now to the door: handling plus travel at the method's speed.");
        Field(x => x.ChargeableWeightGrams).Description("The weight charged: the heavier of the real and the volumetric weight.");
        Field(x => x.RemoteArea).Description("The destination is far from every hub, which costs a surcharge.");
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
        Field<NonNullGraphType<StringGraphType>, string>("label").Resolve(context => context.Source.Line.Label);
        Field<NonNullGraphType<MoneyType>, Money>("amount").Resolve(context => new Money(context.Source.Line.Amount, context.Source.Currency));
    }
}

public sealed record ShippingMethodInfo(ShippingMethod Method, string Description, ShippingMethodRule Rule);

public sealed class ShippingMethodInfoType : ObjectGraphType<ShippingMethodInfo>
{
    public ShippingMethodInfoType()
    {
        Name = "ShippingMethodInfo";
        Description = "A shipping method and its rules.";
        Field<NonNullGraphType<ShippingMethodType>, ShippingMethod>("method").Resolve(context => context.Source.Method);
        Field(x => x.Description);
        Field<NonNullGraphType<DecimalGraphType>, decimal>("multiplier").Description("The transport part of the fee is multiplied by this.")
            .Resolve(context => context.Source.Rule.Multiplier);
        Field<NonNullGraphType<IntGraphType>, int>("handlingMinutes").Description("From the order to the parcel leaving with a shipper.")
            .Resolve(context => context.Source.Rule.HandlingMinutes);
        Field<NonNullGraphType<FloatGraphType>, double>("speedKmh").Description("Average road speed, stops included.")
            .Resolve(context => context.Source.Rule.SpeedKmh);
        Field<FloatGraphType, double?>("maxDistanceKm").Description("The longest road distance served; null: any.")
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
        Field(x => x.Origin);
        Field(x => x.Destination);
        Field(x => x.DistanceKm).Description("Road distance (great circle × road factor).");
        Field(x => x.StraightLineKm);
        Field(x => x.EtaMinutes).Description("Travel minutes at the method's speed, without handling.");
    }
}
