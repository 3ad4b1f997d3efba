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
        Field(x => x.Lat).Description("Latitude, -90 to 90.");
        Field(x => x.Lng).Description("Longitude, -180 to 180.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var lat = Convert.ToDouble(value["lat"], System.Globalization.CultureInfo.InvariantCulture);
        var lng = Convert.ToDouble(value["lng"], System.Globalization.CultureInfo.InvariantCulture);
        if (!GeoPoint.IsValid(lat, lng))
            throw new ArgumentOutOfRangeException(nameof(value), "A GeoPoint needs a latitude in [-90, 90] and a longitude in [-180, 180].");
        return new GeoPoint(lat, lng);
    }
}
