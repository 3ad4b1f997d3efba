using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Loaders;
using GoShop.Catalog.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.GraphQL.Queries;

/// <summary>categories (the top level, with children below) and category(id or slug).</summary>
public static class CategoryQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>, List<Category>>("categories")
            .Description("The top-level categories in display order; each has its children.")
            .ResolveAsync(async context => await context.Service<CatalogDbContext>().Categories.AsNoTracking()
                .Where(c => c.ParentId == null)
                .OrderBy(c => c.Position).ThenBy(c => c.Name)
                .ToListAsync(context.CancellationToken));

        query.Field<CategoryType, Category>("category")
            .Description("A category by id or by slug; null when none matches. Give one of them: with neither, a BAD_USER_INPUT error.")
            .Argument<IdGraphType>("id", "The category's id; when given, slug is ignored.")
            .Argument<StringGraphType>("slug", "The category's slug, exactly as Category.slug reads (e.g. dien-thoai).")
            .ResolveAsync(async context =>
            {
                if (context.GetArgument<Guid?>("id") is { } id)
                    return await context.Loader<CategoryByIdLoader>().Load(id).GetResultAsync(context.CancellationToken);
                if (context.GetArgument<string?>("slug") is { Length: > 0 } slug)
                    return await context.Service<CatalogDbContext>().Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, context.CancellationToken);
                throw GraphQLErrors.BadUserInput("Give the category's id or slug.");
            });
    }
}
