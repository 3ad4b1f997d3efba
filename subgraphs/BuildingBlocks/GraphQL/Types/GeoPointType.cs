using System.Globalization;
using GoShop.BuildingBlocks.Domain;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.BuildingBlocks.GraphQL.Types;

public sealed class GeoPointType : ObjectGraphType<GeoPoint>
{
    public GeoPointType()
    {
        Name = "GeoPoint";
        Description = "A WGS-84 coordinate in decimal degrees.";
        this.Shareable();
        Field(x => x.Lat).Description("Latitude, -90 to 90.");
        Field(x => x.Lng).Description("Longitude, -180 to 180.");
    }
}

public sealed class GeoPointInputType : InputObjectGraphType<GeoPoint>
{
    public GeoPointInputType()
    {
        Name = "GeoPointInput";
        Description = "A WGS-84 coordinate in decimal degrees.";
        // Validated per field, so a coordinate off the globe is the caller's BAD_USER_INPUT, not a server fault.
        Field(x => x.Lat).Description("Latitude, -90 to 90.")
            .Validate(value => Check((double)value!, 90, "latitude"));
        Field(x => x.Lng).Description("Longitude, -180 to 180.")
            .Validate(value => Check((double)value!, 180, "longitude"));
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new GeoPoint(Convert.ToDouble(value["lat"], CultureInfo.InvariantCulture), Convert.ToDouble(value["lng"], CultureInfo.InvariantCulture));

    private static void Check(double value, double limit, string name)
    {
        if (double.IsNaN(value) || value < -limit || value > limit)
            throw new ArgumentOutOfRangeException(name, value, $"The {name} must be between -{limit} and {limit}.");
    }
}
