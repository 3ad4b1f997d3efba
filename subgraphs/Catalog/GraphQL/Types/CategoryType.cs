using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Loaders;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Catalog.GraphQL.Types;

public sealed class CategoryType : ObjectGraphType<Category>
{
    public CategoryType()
    {
        Name = "Category";
        Description = "A node of the category tree. Filtering products by a category includes its subcategories.";
        this.Key("id");
        this.ResolveReference<EntityKey, Category>((context, reference) => context.Loader<CategoryByIdLoader>().Load(reference.Id));

        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Category"));
        Field(c => c.Name).Description("The Vietnamese name, 1 to 100 characters.");
        Field(c => c.NameEn, nullable: true).Description("The English name; null when it has none.");
        Field(c => c.Slug).Description("A URL-friendly key, unique among categories: lower-case letters, digits and dashes, e.g. dien-thoai. "
            + "category(slug:) finds the category by it.");
        Field<NonNullGraphType<IntGraphType>, int>("depth").Description("1 for a top-level category, 2 for its children, and so on (at most 5).").Resolve(context => context.Source.Depth);
        Field<CategoryType, IDataLoaderResult<Category?>>("parent")
            .Description("The category directly above this one; null for a top-level category.")
            .Resolve(context => context.Source.ParentId is { } id ? context.Loader<CategoryByIdLoader>().Load(id) : ProductType.Nothing<Category>());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>, IDataLoaderResult<IReadOnlyList<Category>?>>("children")
            .Description("The subcategories, in display order.")
            .Resolve(context => context.Loader<CategoryChildrenLoader>().Load(context.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>, IDataLoaderResult<IEnumerable<Category>>>("ancestors")
            .Description("The categories above this one, from the top level down (empty for a top-level category).")
            .Resolve(context =>
            {
                var loader = context.Loader<CategoryByIdLoader>();
                var pending = context.Source.Path[..^1].Select(loader.Load).ToList();
                return new AllOf<Category>(pending);
            });
    }
}

/// <summary>Several pending loader results as one, in order, skipping the ones that found nothing.</summary>
public sealed class AllOf<T>(IReadOnlyList<IDataLoaderResult<T?>> pending) : IDataLoaderResult<IEnumerable<T>> where T : class
{
    public async Task<IEnumerable<T>> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var values = new List<T>(pending.Count);
        foreach (var result in pending)
        {
            if (await result.GetResultAsync(cancellationToken) is { } value)
                values.Add(value);
        }
        return values;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}

public sealed class BrandType : ObjectGraphType<Brand>
{
    public BrandType()
    {
        Name = "Brand";
        Description = "A brand, created the first time a seller names it; names differing only in case or diacritics are one brand.";
        this.Key("id");
        this.ResolveReference<EntityKey, Brand>((context, reference) => context.Loader<BrandByIdLoader>().Load(reference.Id));
        Field(b => b.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Brand"));
        Field(b => b.Name).Description("The name as the first seller to name the brand wrote it.");
        Field(b => b.Slug).Description("The name without case or diacritics, words joined by dashes (e.g. dien-may-xanh): the same for every "
            + "spelling of the brand.");
    }
}
