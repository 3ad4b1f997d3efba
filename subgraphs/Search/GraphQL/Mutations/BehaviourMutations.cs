using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Search.Behaviour;
using GoShop.Search.Domain;
using GoShop.Search.Index;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Search.GraphQL.Mutations;

public sealed record TrackProductViewInput
{
    public required Guid ProductId { get; init; }

    public string? VisitorId { get; init; }
}

public sealed record TrackSearchInput
{
    public required string Query { get; init; }

    public int? ResultCount { get; init; }
}

public sealed record TrackClickInput
{
    public required Guid ProductId { get; init; }

    public Guid? SearchId { get; init; }

    public required int Position { get; init; }

    public string? Query { get; init; }
}

public sealed record ClearRecentSearchesInput
{
    public string? Query { get; init; }
}

public sealed record TrackPayload : Payload;

public sealed record TrackSearchPayload : Payload
{
    public Guid? SearchId { get; init; }
}

public sealed record ClearRecentSearchesPayload : Payload
{
    public int DeletedCount { get; init; }
}

public sealed class TrackProductViewInputType : InputObjectGraphType<TrackProductViewInput>
{
    public TrackProductViewInputType()
    {
        Name = "TrackProductViewInput";
        Description = "The product page that was opened.";
        Field(x => x.ProductId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The product shown.");
        Field(x => x.VisitorId, nullable: true).Description($"An anonymous visitor's own stable id (a random value the app keeps), at most {SearchLimits.MaxVisitorIdLength} characters; ignored when signed in.");
    }
}

public sealed class TrackSearchInputType : InputObjectGraphType<TrackSearchInput>
{
    public TrackSearchInputType()
    {
        Name = "TrackSearchInput";
        Description = "A search the buyer ran.";
        Field(x => x.Query).Description($"The text searched for, 1 to {SearchLimits.MaxQueryLength} characters with at least one letter or digit.");
        Field(x => x.ResultCount, nullable: true).Description("How many results it had (totalCount), for the search's statistics; 0 when left out.");
    }
}

public sealed class TrackClickInputType : InputObjectGraphType<TrackClickInput>
{
    public TrackClickInputType()
    {
        Name = "TrackClickInput";
        Description = "A search result the buyer opened.";
        Field(x => x.ProductId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The product clicked.");
        Field(x => x.SearchId, type: typeof(IdGraphType)).Description("The search it came from (trackSearch's searchId), when known.");
        Field(x => x.Position).Description("Its position in the results, 0 for the first, at most 10000.");
        Field(x => x.Query, nullable: true).Description($"The text searched for, at most {SearchLimits.MaxQueryLength} characters.");
    }
}

public sealed class ClearRecentSearchesInputType : InputObjectGraphType<ClearRecentSearchesInput>
{
    public ClearRecentSearchesInputType()
    {
        Name = "ClearRecentSearchesInput";
        Description = "Which recent searches to delete.";
        Field(x => x.Query, nullable: true).Description("One search to delete (any wording differing only in case, diacritics or spacing); null deletes them all.");
    }
}

public sealed class TrackPayloadType : PayloadType<TrackPayload>
{
    public TrackPayloadType()
    {
        Name = "TrackPayload";
        Description = "Whether the interaction was recorded.";
    }
}

public sealed class TrackSearchPayloadType : PayloadType<TrackSearchPayload>
{
    public TrackSearchPayloadType()
    {
        Name = "TrackSearchPayload";
        Description = "The recorded search.";
        Field(x => x.SearchId, type: typeof(IdGraphType)).Description("The search's id, to pass with trackClick; null when userErrors is not empty.");
    }
}

public sealed class ClearRecentSearchesPayloadType : PayloadType<ClearRecentSearchesPayload>
{
    public ClearRecentSearchesPayloadType()
    {
        Name = "ClearRecentSearchesPayload";
        Description = "How many recent searches were deleted.";
        Field(x => x.DeletedCount).Description("How many recent searches were deleted (0 when there were none).");
    }
}

/// <summary>trackProductView, trackSearch, trackClick (anyone; tied to the buyer when signed in) and clearRecentSearches (signed in).</summary>
public sealed class BehaviourMutations(BehaviourLog log, ICurrentUser currentUser)
{
    public const int MaxPosition = 10_000;

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<TrackPayloadType>, TrackPayload>("trackProductView")
            .Description("Records that a product page was opened: it shows in the signed-in buyer's recentlyViewed, counts toward trending, and " +
                "reaches analytics in the next batch of views. Anyone may call it (anonymous views count without a buyer). " +
                "userErrors: PRODUCT_NOT_FOUND, TOO_LONG.")
            .Argument<NonNullGraphType<TrackProductViewInputType>>("input", "The product page opened.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<BehaviourMutations>()
                .ViewAsync(context.GetArgument<TrackProductViewInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<TrackSearchPayloadType>, TrackSearchPayload>("trackSearch")
            .Description("Records a search the buyer ran: it counts toward popularSearches and, signed in, shows in recentSearches. Anyone may call it. " +
                "userErrors: QUERY_REQUIRED, QUERY_TOO_LONG, OUT_OF_RANGE.")
            .Argument<NonNullGraphType<TrackSearchInputType>>("input", "The search run.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<BehaviourMutations>()
                .SearchAsync(context.GetArgument<TrackSearchInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<TrackPayloadType>, TrackPayload>("trackClick")
            .Description("Records that a search result was opened, for click-through statistics. Anyone may call it. " +
                "userErrors: PRODUCT_NOT_FOUND, INVALID_POSITION, QUERY_TOO_LONG.")
            .Argument<NonNullGraphType<TrackClickInputType>>("input", "The result opened.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<BehaviourMutations>()
                .ClickAsync(context.GetArgument<TrackClickInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ClearRecentSearchesPayloadType>, ClearRecentSearchesPayload>("clearRecentSearches")
            .Description("Deletes one of the signed-in buyer's recent searches, or all of them. Signed-in buyers only. userErrors: none.")
            .Authorize()
            .Argument<NonNullGraphType<ClearRecentSearchesInputType>>("input", "Which recent searches to delete.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<BehaviourMutations>()
                .ClearAsync(context.GetArgument<ClearRecentSearchesInput>("input"), context.CancellationToken));
    }

    private async Task<TrackPayload> ViewAsync(TrackProductViewInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Text(input.VisitorId, "visitorId", SearchLimits.MaxVisitorIdLength, required: false);
        if (check.HasErrors)
            return Fail<TrackPayload>(check);
        return await log.ViewAsync(input.ProductId, currentUser.Id, input.VisitorId?.Trim(), cancellationToken)
            ? new TrackPayload()
            : Fail<TrackPayload>(SearchErrors.ProductNotFound);
    }

    private async Task<TrackSearchPayload> SearchAsync(TrackSearchInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck();
        if (input.Query.Length > SearchLimits.MaxQueryLength)
            check.Add(SearchErrors.QueryTooLong);
        else if (TextFolding.Fold(input.Query).Length == 0)
            check.Add(SearchErrors.QueryRequired);
        if (input.ResultCount < 0)
            check.Add("OUT_OF_RANGE", "The result count must be 0 or more.", "resultCount");
        if (check.HasErrors)
            return Fail<TrackSearchPayload>(check);
        return new TrackSearchPayload { SearchId = await log.SearchAsync(input.Query, input.ResultCount, currentUser.Id, cancellationToken) };
    }

    private async Task<TrackPayload> ClickAsync(TrackClickInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck();
        if (input.Position is < 0 or > MaxPosition)
            check.Add(SearchErrors.InvalidPosition);
        if (input.Query is { Length: > SearchLimits.MaxQueryLength })
            check.Add(SearchErrors.QueryTooLong);
        if (check.HasErrors)
            return Fail<TrackPayload>(check);
        return await log.ClickAsync(input.ProductId, input.SearchId, input.Position, input.Query, currentUser.Id, cancellationToken)
            ? new TrackPayload()
            : Fail<TrackPayload>(SearchErrors.ProductNotFound);
    }

    private async Task<ClearRecentSearchesPayload> ClearAsync(ClearRecentSearchesInput input, CancellationToken cancellationToken) =>
        new() { DeletedCount = await log.ClearRecentSearchesAsync(currentUser.RequireId(), input.Query, cancellationToken) };
}
