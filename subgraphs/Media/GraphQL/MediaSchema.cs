using GoShop.Media.GraphQL.Mutations;
using GoShop.Media.GraphQL.Queries;
using GraphQL.Types;

namespace GoShop.Media.GraphQL;

public sealed class MediaSchema : Schema
{
    public MediaSchema(IServiceProvider services, MediaQuery query, MediaMutation mutation)
        : base(services)
    {
        Description = "GoShop media: uploaded images and videos, their variants and where to fetch them.";
        Query = query;
        Mutation = mutation;
    }
}

public sealed class MediaQuery : ObjectGraphType
{
    public MediaQuery()
    {
        Name = "Query";
        MediaQueries.AddTo(this);
    }
}

public sealed class MediaMutation : ObjectGraphType
{
    public MediaMutation()
    {
        Name = "Mutation";
        MediaMutations.AddTo(this);
    }
}
