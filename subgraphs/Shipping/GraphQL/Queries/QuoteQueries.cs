using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.Shipping.GraphQL.Types;
using GoShop.Shipping.Quotes;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace GoShop.Shipping.GraphQL.Queries;

/// <summary>shippingQuote, shippingMethods and distanceMatrix: public, computed by <see cref="ShippingQuoteEngine"/>.</summary>
public static class QuoteQueries
{
    /// <summary>The most origin × destination pairs one distanceMatrix computes.</summary>
    public const int MaxMatrixCells = 625;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ShippingQuoteType>, ShippingQuote>("shippingQuote")
            .Description("What a parcel costs to ship from one point to another, with the breakdown and an ETA. The fee placeOrder charges follows the same rule. " +
                "Anyone may ask. A parcel out of bounds (weight, size, negative cash) or too far for the method is a BAD_USER_INPUT error.")
            .Argument<NonNullGraphType<ShippingQuoteInputType>>("input", "The parcel, where from and where to.")
            .Resolve(context =>
            {
                var input = context.GetArgument<ShippingQuoteInput>("input");
                var quote = context.RequestServices!.GetRequiredService<ShippingQuoteEngine>().Quote(new QuoteRequest(input.From, input.To, input.WeightGrams,
                    input.Method ?? ShippingMethod.Standard, input.Dimensions, input.CodAmount ?? 0m));
                return quote.Succeeded ? quote.Value : throw GraphQLErrors.BadUserInput(quote.Error.Message);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShippingMethodInfoType>>>, IReadOnlyList<ShippingMethodInfo>>("shippingMethods")
            .Description("The shipping methods and their rules, STANDARD, EXPRESS then SAME_DAY. Anyone may ask.")
            .Resolve(context =>
            {
                var options = context.RequestServices!.GetRequiredService<IOptions<ShippingQuoteOptions>>().Value;
                return
                [
                    new(ShippingMethod.Standard, "Delivery in the days after the order, at the base price.", options.Standard),
                    new(ShippingMethod.Express, "Picked up first and driven directly, for a higher price.", options.Express),
                    new(ShippingMethod.SameDay, "Delivered the same day, within a short distance.", options.SameDay),
                ];
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DistanceMatrixCellType>>>, IReadOnlyList<DistanceMatrixCell>>("distanceMatrix")
            .Description($"Road distance and travel time from each origin to each destination, origin by origin. Anyone may ask; more than " +
                $"{MaxMatrixCells} origin × destination pairs is a BAD_USER_INPUT error.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<GoShop.BuildingBlocks.GraphQL.Types.GeoPointInputType>>>>("origins",
                $"The start points; their count times the destinations' is at most {MaxMatrixCells}.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<GoShop.BuildingBlocks.GraphQL.Types.GeoPointInputType>>>>("destinations",
                "The end points.")
            .Argument<ShippingMethodType>("method", "The speed to time the travel at; STANDARD when left out.")
            .Resolve(context =>
            {
                var origins = context.GetArgument<List<GeoPoint>>("origins");
                var destinations = context.GetArgument<List<GeoPoint>>("destinations");
                if (origins.Count * destinations.Count > MaxMatrixCells)
                    throw GraphQLErrors.BadUserInput($"At most {MaxMatrixCells} origin × destination pairs at once.");
                var method = context.GetArgument("method", ShippingMethod.Standard);
                var engine = context.RequestServices!.GetRequiredService<ShippingQuoteEngine>();
                return origins.SelectMany((origin, i) => destinations.Select((destination, j) => new DistanceMatrixCell(i, j, origin, destination,
                    engine.RoadDistanceKm(origin, destination), Math.Round(origin.DistanceKmTo(destination), 1),
                    engine.EtaMinutes(origin, destination, method)))).ToList();
            });
    }
}
