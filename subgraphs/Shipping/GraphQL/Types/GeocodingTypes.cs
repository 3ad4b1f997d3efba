using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shipping.Geocoding;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL.Types;

public sealed record ValidateAddressInput
{
    public string? Line1 { get; init; }
    public string? Ward { get; init; }
    public string? District { get; init; }
    public required string City { get; init; }
    public string? Country { get; init; }
}

/// <summary>What geocode and validateAddress answer: the point and the place as the gazetteer names it, or userErrors with suggestions.</summary>
public sealed record AddressCheck(GeocodeResult Result, string? Line1, IReadOnlyList<UserError> UserErrors)
{
    public bool Valid => Result.Found && UserErrors.Count == 0;
}

public sealed class GeoPrecisionType : EnumerationGraphType<GeoPrecision>
{
    public GeoPrecisionType()
    {
        Name = "GeoPrecision";
        Description = "How closely a geocoded point locates the address: at the ward, district, city or province.";
    }
}

public sealed class ValidateAddressInputType : InputObjectGraphType<ValidateAddressInput>
{
    public ValidateAddressInputType()
    {
        Name = "ValidateAddressInput";
        Description = "A Vietnamese address by its parts, as people write them (\"Q1\", \"Quận 1\", \"TP HCM\"; diacritics optional).";
        Field(x => x.Line1, nullable: true).Description("House number and street, at most 200 characters; kept as written (streets are not checked).");
        Field(x => x.Ward, nullable: true).Description("The ward (phường, xã), at most 100 characters, e.g. \"P. Bến Nghé\"; checked only together with the district.");
        Field(x => x.District, nullable: true).Description("The district (quận, huyện), at most 100 characters, e.g. \"Q1\".");
        Field(x => x.City).Description("Province or centrally-run city, at most 100 characters, e.g. \"TP HCM\".");
        Field(x => x.Country, nullable: true).Description("At most 100 characters; addresses are looked up in Vietnam only.");
    }
}

/// <summary>The fields geocode and validateAddress answer alike.</summary>
internal static class AddressCheckFields
{
    public static void AddTo(ObjectGraphType<AddressCheck> type, string userErrorsDescription)
    {
        type.Field<GeoPointType, GeoPoint?>("location").Description("The point found; null when the address is not found.")
            .Resolve(context => context.Source.Result.Point);
        type.Field<GeoPrecisionType, GeoPrecision?>("precision").Description("Whose point location is: the ward's, district's, city's or province's; null when not found.")
            .Resolve(context => context.Source.Result.Precision);
        type.Field<StringGraphType, string?>("ward").Description("The ward as the gazetteer names it, e.g. Phường Bến Nghé.")
            .Resolve(context => context.Source.Result.Place?.Ward);
        type.Field<StringGraphType, string?>("district").Description("The district as the gazetteer names it, e.g. Quận 1.")
            .Resolve(context => context.Source.Result.Place?.District);
        type.Field<StringGraphType, string?>("city").Description("The province or city, e.g. Thành phố Hồ Chí Minh.")
            .Resolve(context => context.Source.Result.Place?.City);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IReadOnlyList<string>>("suggestions")
            .Description("Places the person may have meant, nearest first.")
            .Resolve(context => context.Source.Result.Suggestions);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>, IReadOnlyList<UserError>>("userErrors")
            .Description(userErrorsDescription)
            .Resolve(context => context.Source.UserErrors);
    }
}

public sealed class GeocodeResultType : ObjectGraphType<AddressCheck>
{
    public GeocodeResultType()
    {
        Name = "GeocodeResult";
        Description = "Where an address is, or why it could not be found.";
        Field<NonNullGraphType<BooleanGraphType>, bool>("found").Description("True when a point was found (then location is set).")
            .Resolve(context => context.Source.Result.Found);
        AddressCheckFields.AddTo(this, "Why the address was not found, or the part of it that was not (field [\"address\"]); empty when all of it " +
            "matched. Codes: ADDRESS_REQUIRED, ADDRESS_NOT_FOUND, DISTRICT_NOT_FOUND, WARD_NOT_FOUND (found at the district), GEOCODER_UNAVAILABLE.");
    }
}

public sealed class ValidateAddressPayloadType : ObjectGraphType<AddressCheck>
{
    public ValidateAddressPayloadType()
    {
        Name = "ValidateAddressPayload";
        Description = "Whether an address is known, part by part; valid when every part given matched.";
        Field<NonNullGraphType<BooleanGraphType>, bool>("valid").Description("True when the address was located and every part given matched (no userErrors).")
            .Resolve(context => context.Source.Valid);
        Field<StringGraphType, string?>("line1").Description("The house number and street as given, trimmed; null when not given.")
            .Resolve(context => context.Source.Line1);
        AddressCheckFields.AddTo(this, "The parts that are not valid or not known, each with its input field; empty when the address is valid. " +
            "Codes: REQUIRED (city), TOO_LONG, CITY_NOT_FOUND, DISTRICT_NOT_FOUND, WARD_NOT_FOUND (located at the district), ADDRESS_NOT_FOUND, " +
            "GEOCODER_UNAVAILABLE.");
    }
}
