using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.Shipping.Geocoding;
using GoShop.Shipping.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL.Queries;

/// <summary>geocode(address) and validateAddress(input), public, through the configured <see cref="IGeocoder"/>.</summary>
public static class GeocodingQueries
{
    public const int MaxAddressLength = 300;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<GeocodeResultType>, AddressCheck>("geocode")
            .Description("Where an address is, from free text (\"12 Lê Lợi, P. Bến Nghé, Q1, TP HCM\"; diacritics optional). " +
                "Unknown places are userErrors with suggestions, never a made-up point. Districts and wards are known in Hà Nội, " +
                "Hồ Chí Minh City and Đà Nẵng; elsewhere the province's point is answered. Anyone may ask.")
            .Argument<NonNullGraphType<StringGraphType>>("address", $"The address on one line, parts separated by commas, the city or province last " +
                $"(a country after it is ignored); at most {MaxAddressLength} characters, else a BAD_USER_INPUT error.")
            .ResolveAsync(async context =>
            {
                var address = context.GetArgument<string>("address");
                if (address.Length > MaxAddressLength)
                    throw GraphQLErrors.BadUserInput($"The address must be at most {MaxAddressLength} characters.");
                var result = await context.RequestServices!.GetRequiredService<IGeocoder>().GeocodeAsync(new AddressQuery(Text: address), context.CancellationToken);
                return new AddressCheck(result, null, Errors(result, _ => ["address"]));
            });

        query.Field<NonNullGraphType<ValidateAddressPayloadType>, AddressCheck>("validateAddress")
            .Description("Checks a delivery address part by part (city, district, ward) and answers its point and its normalised names, " +
                "or userErrors on the parts that are not known, with suggestions. Districts and wards are known in Hà Nội, Hồ Chí Minh City " +
                "and Đà Nẵng; elsewhere only the city or province is checked. Anyone may ask.")
            .Argument<NonNullGraphType<ValidateAddressInputType>>("input", "The address, part by part.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<ValidateAddressInput>("input");
                var check = new InputCheck().Text(input.Line1, "line1", 200, required: false).Text(input.Ward, "ward", 100, required: false)
                    .Text(input.District, "district", 100, required: false).Text(input.City, "city", 100).Text(input.Country, "country", 100, required: false);
                if (check.HasErrors)
                    return new AddressCheck(GeocodeResult.NotFound(GeocodingErrors.AddressRequired, []), input.Line1, check.Errors);
                var result = await context.RequestServices!.GetRequiredService<IGeocoder>().GeocodeAsync(
                    new AddressQuery(input.Line1, input.Ward, input.District, input.City, input.Country), context.CancellationToken);
                return new AddressCheck(result, input.Line1?.Trim(), Errors(result, field => ["input", field ?? "city"]));
            });
    }

    private static List<UserError> Errors(GeocodeResult result, Func<string?, IReadOnlyList<string>> path) =>
        (result.Error is { } error ? [error] : (IEnumerable<DomainError>)result.Issues)
        .Select(e => new UserError(e.Code, e.Message, path(e.Field)))
        .ToList();
}
