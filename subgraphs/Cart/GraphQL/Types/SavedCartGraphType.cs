using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Cart.Domain;
using GoShop.Cart.GraphQL.Loaders;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Cart.GraphQL.Types;

public sealed class SavedCartGraphType : ObjectGraphType<SavedCart>
{
    public SavedCartGraphType()
    {
        Name = "SavedCart";
        Description = "A named copy of the lines of a cart, to put back in the cart later (restoreCart). Only its owner can read it.";
        this.Key("id");
        this.ResolveReference<EntityKey, SavedCart>((context, reference) => context.Loader<SavedCartByIdLoader>().Load(reference.Id));

        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SavedCartItemGraphType>>>, IEnumerable<SavedCartItem>>("items")
            .Resolve(context => context.Source.Items.OrderBy(i => i.Position));
        Field(s => s.ItemCount).Description("How many units were saved.");
        Field(s => s.CreatedAt);
    }
}

public sealed class SavedCartItemGraphType : ObjectGraphType<SavedCartItem>
{
    public SavedCartItemGraphType()
    {
        Name = "SavedCartItem";
        Field<NonNullGraphType<ProductGraphType>, EntityReference<ProductGraphType>>("product").Resolve(context => EntityReference.To<ProductGraphType>(context.Source.ProductId));
        Field<ProductVariantGraphType, EntityReference<ProductVariantGraphType>>("variant").Resolve(context => EntityReference.To<ProductVariantGraphType>(context.Source.VariantId));
        Field<NonNullGraphType<ShopGraphType>, EntityReference<ShopGraphType>>("shop").Resolve(context => EntityReference.To<ShopGraphType>(context.Source.ShopId));
        Field(i => i.Quantity);
        Field(i => i.Title).Description("The product's title when the cart was saved.");
        Field(i => i.VariantTitle, nullable: true);
    }
}
