using GoShop.Identity.Domain;
using GraphQL.Types;

namespace GoShop.Identity.GraphQL.Types;

public sealed class ShipperProfileType : ObjectGraphType<ShipperProfile>
{
    public ShipperProfileType()
    {
        Name = "ShipperProfile";
        Description = "Who a shipper is. The ID number itself is not kept; only its last four digits are shown.";
        Field<NonNullGraphType<VehicleTypeType>, VehicleType>("vehicleType")
            .Description("What the shipper delivers with.")
            .Resolve(context => context.Source.VehicleType);
        Field(s => s.PlateNumber)
            .Description("The vehicle's licence plate (for a bicycle, any identifying mark), upper-cased: 3 to 15 letters, digits, dashes, dots or spaces.");
        Field<NonNullGraphType<StringGraphType>, string>("idNumberMasked")
            .Description("The ID number with all but its last four digits hidden.")
            .Resolve(context => "••••••••" + context.Source.IdNumberLast4);
        Field(s => s.RegisteredAt).Description("When the user registered as a shipper.");
    }
}

public sealed class VehicleTypeType : EnumerationGraphType<VehicleType>
{
    public VehicleTypeType() => Name = "VehicleType";
}
