using GoShop.BuildingBlocks.GraphQL.Federation;
using Microsoft.Extensions.DependencyInjection;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.BuildingBlocks.Tests.TestSubgraph;

public sealed class WidgetType : ObjectGraphType<Widget>
{
    public WidgetType()
    {
        Name = "Widget";
        this.Key("id");
        this.ResolveReference<EntityKey, Widget>((context, reference) => context.Loader<WidgetByIdLoader>().Load(reference.Id));

        Field(w => w.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(w => w.Name);
        // No resolver of its own: graphql-dotnet reads Widget.Batch by name, and .Authorize() must still hold.
        Field<StringGraphType>("batch").Description("Signed-in users only.").Authorize();
        Field<CategoryType, IDataLoaderResult<Category?>>("category")
            .Resolve(context => context.Loader<CategoryByIdLoader>().Load(context.Source.CategoryId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartType>>>, IDataLoaderResult<IReadOnlyList<Part>?>>("parts")
            .Resolve(context => context.Loader<PartsByWidgetLoader>().Load(context.Source.Id));
    }
}

public sealed class CategoryType : ObjectGraphType<Category>
{
    public CategoryType()
    {
        Name = "Category";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.Name);
    }
}

public sealed class PartType : ObjectGraphType<Part>
{
    public PartType()
    {
        Name = "Part";
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Name);
    }
}

/// <summary>A message on a topic of the topic bus, delivered by the <c>notices</c> subscription.</summary>
public sealed record Notice(int Sequence, string Text);

public sealed class NoticeType : ObjectGraphType<Notice>
{
    public NoticeType()
    {
        Name = "Notice";
        Field(n => n.Sequence);
        Field(n => n.Text);
        Field<StringGraphType, string?>("readBy")
            .Description("Who the notice is being resolved for: the current user, as a subscription event sees them.")
            .Resolve(context => context.RequestServices!.GetRequiredService<ICurrentUser>().Id?.ToString());
    }
}

/// <summary>An endless chain of objects (<c>{ nested { child { child ... } } }</c>); the source is the depth.</summary>
public sealed class NestedType : ObjectGraphType<int>
{
    public NestedType()
    {
        Name = "Nested";
        Field<NonNullGraphType<IntGraphType>, int>("depth").Resolve(context => context.Source);
        Field<NonNullGraphType<NestedType>, int>("child").Resolve(context => context.Source + 1);
    }
}

/// <summary>
/// A type owned by another subgraph, extended here: its weight is <c>@external</c> (the owner knows it) and the
/// fee <c>@requires</c> it, so the gateway sends the weight along in the representation.
/// </summary>
public sealed class Parcel
{
    public Guid Id { get; set; }

    public int WeightGrams { get; set; }
}

public sealed class ParcelType : ObjectGraphType<Parcel>
{
    public const int BaseFee = 15_000;
    public const int FeePerHalfKilogram = 5_000;

    public ParcelType()
    {
        Name = "Parcel";
        this.Key("id");
        // Everything this subgraph needs arrives in the representation: no lookup.
        this.ResolveReference<Parcel>((_, parcel) => parcel);
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.WeightGrams).External();
        Field<NonNullGraphType<IntGraphType>, int>("shippingFee")
            .Requires("weightGrams")
            .Resolve(context => BaseFee + context.Source.WeightGrams / 500 * FeePerHalfKilogram);
    }
}
