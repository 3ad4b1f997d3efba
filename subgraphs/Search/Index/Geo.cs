namespace GoShop.Search.Index;

/// <summary>Great-circle distances (haversine, mean Earth radius) and the box around a circle that pre-filters them.</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;

    public static double DistanceKm(double lat1, double lng1, double lat2, double lng2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLng = Rad(lng2 - lng1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The latitudes and (unless the circle reaches a pole or the antimeridian) longitudes the circle lies within.</summary>
    public static ((double Min, double Max) Latitudes, (double Min, double Max)? Longitudes) BoundingBox(double lat, double lng, double radiusKm)
    {
        var dLat = radiusKm / EarthRadiusKm * 180 / Math.PI;
        var latitudes = (Math.Max(-90, lat - dLat), Math.Min(90, lat + dLat));
        if (latitudes.Item1 <= -90 || latitudes.Item2 >= 90)
            return (latitudes, null);
        var dLng = dLat / Math.Cos(lat * Math.PI / 180);
        if (lng - dLng < -180 || lng + dLng > 180)
            return (latitudes, null);
        return (latitudes, (lng - dLng, lng + dLng));
    }
}
