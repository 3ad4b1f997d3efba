using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.BuildingBlocks.GraphQL.Loaders;

public static class LoaderContextExtensions
{
    /// <summary>The request's instance of a loader (loaders are scoped, so batches never cross requests).</summary>
    public static TLoader Loader<TLoader>(this IResolveFieldContext context) where TLoader : class =>
        context.RequestServices!.GetRequiredService<TLoader>();

    /// <summary>A request-scoped service, for resolvers.</summary>
    public static TService Service<TService>(this IResolveFieldContext context) where TService : notnull =>
        context.RequestServices!.GetRequiredService<TService>();
}
