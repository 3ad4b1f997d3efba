using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.Search.Behaviour;
using GoShop.Search.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Search.GraphQL.Queries;

/// <summary>recentlyViewed and recentSearches (the signed-in buyer's own), popularSearches (anyone).</summary>
public static class BehaviourQueries
{
    public const int MaxItems = 50;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<ProductType>>, IReadOnlyList<EntityReference<ProductType>>>("recentlyViewed")
            .Description("The products the signed-in buyer opened (trackProductView), most recent first, each once; products no longer for sale " +
                "are left out. Signed-in buyers only (UNAUTHENTICATED otherwise). An item is null when catalog cannot be reached.")
            .Authorize()
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxItems}; 20 when left out.")
            .ResolveAsync(async context =>
            {
                var first = Count(context.GetArgument<int?>("first"), 20);
                var services = context.RequestServices!;
                var ids = await services.GetRequiredService<BehaviourLog>()
                    .RecentlyViewedAsync(services.GetRequiredService<ICurrentUser>().RequireId(), first, context.CancellationToken);
                return ids.Select(EntityReference.To<ProductType>).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecentSearchType>>>, IReadOnlyList<Domain.RecentSearch>>("recentSearches")
            .Description("What the signed-in buyer searched for (trackSearch), most recent first, each wording once (searches differing only in " +
                "letter case, diacritics or spacing count as one); clearRecentSearches deletes them. Signed-in buyers only.")
            .Authorize()
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxItems}; 10 when left out.")
            .ResolveAsync(async context =>
            {
                var first = Count(context.GetArgument<int?>("first"), 10);
                var services = context.RequestServices!;
                return await services.GetRequiredService<BehaviourLog>()
                    .RecentSearchesAsync(services.GetRequiredService<ICurrentUser>().RequireId(), first, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PopularSearchType>>>, IReadOnlyList<PopularSearch>>("popularSearches")
            .Description("What buyers searched for most in the last 7 days (trackSearch; searches differing only in letter case, diacritics or " +
                "spacing count as one), most searched first. Anyone may ask.")
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxItems}; 10 when left out.")
            .ResolveAsync(async context =>
            {
                var first = Count(context.GetArgument<int?>("first"), 10);
                return await context.RequestServices!.GetRequiredService<BehaviourLog>().PopularSearchesAsync(first, context.CancellationToken);
            });
    }

    public static int Count(int? first, int byDefault) => first switch
    {
        null => byDefault,
        < 1 or > MaxItems => throw GraphQLErrors.BadUserInput($"'first' must be between 1 and {MaxItems}."),
        _ => first.Value,
    };
}

public sealed record PopularSearch(string Query, int Count);

public sealed class PopularSearchType : ObjectGraphType<PopularSearch>
{
    public PopularSearchType()
    {
        Name = "PopularSearch";
        Description = "A search many buyers ran lately.";
        Field(x => x.Query).Description("The search text, in its most recent wording.");
        Field(x => x.Count).Description("How many times it was searched in the last 7 days.");
    }
}

public sealed class RecentSearchType : ObjectGraphType<Domain.RecentSearch>
{
    public RecentSearchType()
    {
        Name = "RecentSearch";
        Description = "One of the signed-in buyer's recent searches.";
        Field(x => x.Query).Description("The search text, as last typed.");
        Field(x => x.SearchedAt).Description("When the buyer last searched for it.");
    }
}
