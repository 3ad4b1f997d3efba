using GoShop.Search.Domain;
using GoShop.Search.GraphQL.Mutations;
using GoShop.Search.GraphQL.Queries;
using GoShop.Search.GraphQL.Types;
using GoShop.Search.Index;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Search.GraphQL;

public sealed class SearchSchema : Schema
{
    public SearchSchema(IServiceProvider services, SearchQuery query, SearchMutation mutation)
        : base(services)
    {
        Description = "GoShop search: the storefront's product search with facets, suggestions, recently viewed and recent searches, " +
            "trending, recommendations, price comparison and price alerts.";
        Query = query;
        Mutation = mutation;
        this.RegisterTypeMapping<SearchSort, SearchSortType>();
        this.RegisterTypeMapping<SuggestionKind, SuggestionKindType>();
        this.RegisterTypeMapping<PriceAlertStatus, PriceAlertStatusType>();
    }
}

public sealed class SearchQuery : ObjectGraphType
{
    public SearchQuery()
    {
        Name = "Query";
        ProductSearchQueries.AddTo(this);
        BehaviourQueries.AddTo(this);
        DiscoveryQueries.AddTo(this);
        PriceAlertQueries.AddTo(this);
    }
}

public sealed class SearchMutation : ObjectGraphType
{
    public SearchMutation()
    {
        Name = "Mutation";
        BehaviourMutations.AddTo(this);
        PriceAlertMutations.AddTo(this);
    }
}
