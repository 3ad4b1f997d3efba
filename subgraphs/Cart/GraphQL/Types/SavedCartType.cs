using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Cart.Domain;
using GoShop.Cart.GraphQL.Loaders;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Cart.GraphQL.Types;

public sealed class SavedCartType : ObjectGraphType<SavedCart>
{
    public SavedCartType()
    {
        Name = "SavedCart";
        Description = "A named copy of the lines of a cart, to put back in the cart later (restoreCart). Only its owner can read it.";
        this.Key("id");
        this.ResolveReference<EntityKey, SavedCart>((context, reference) => context.Loader<SavedCartByIdLoader>().Load(reference.Id));

        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SavedCartItemType>>>, IEnumerable<SavedCartItem>>("items")
            .Resolve(context => context.Source.Items.OrderBy(i => i.Position));
        Field(s => s.ItemCount).Description("How many units were saved.");
        Field(s => s.CreatedAt);
    }
}

public sealed class SavedCartItemType : ObjectGraphType<SavedCartItem>
{
    public SavedCartItemType()
    {
        Name = "SavedCartItem";
        Field<NonNullGraphType<ProductType>, EntityReference<ProductType>>("product").Resolve(context => EntityReference.To<ProductType>(context.Source.ProductId));
        Field<ProductVariantType, EntityReference<ProductVariantType>>("variant").Resolve(context => EntityReference.To<ProductVariantType>(context.Source.VariantId));
        Field<NonNullGraphType<ShopType>, EntityReference<ShopType>>("shop").Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field(i => i.Quantity);
        Field(i => i.Title).Description("The product's title when the cart was saved.");
        Field(i => i.VariantTitle, nullable: true);
    }
}
