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

        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("SavedCart"));
        Field(s => s.Name).Description($"The name the buyer gave it, 1 to {SavedCart.MaxName} characters, unique among the buyer's saved carts "
            + "whatever the letter case.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SavedCartItemType>>>, IEnumerable<SavedCartItem>>("items")
            .Description("Every line the cart had when saved, flagged ones too, in the cart's order.")
            .Resolve(context => context.Source.Items.OrderBy(i => i.Position));
        Field(s => s.ItemCount).Description("How many units were saved.");
        Field(s => s.CreatedAt).Description("When it was saved.");
    }
}

public sealed class SavedCartItemType : ObjectGraphType<SavedCartItem>
{
    public SavedCartItemType()
    {
        Name = "SavedCartItem";
        Description = "One line of a saved cart, as it was when saved.";
        Field<ProductType, EntityReference<ProductType>>("product")
            .Description("The product saved. Null when catalog cannot be reached.")
            .Resolve(context => EntityReference.To<ProductType>(context.Source.ProductId));
        Field<ProductVariantType, EntityReference<ProductVariantType>>("variant")
            .Description("The variant, when the line was one variant of the product; null otherwise.")
            .Resolve(context => EntityReference.To<ProductVariantType>(context.Source.VariantId));
        Field<ShopType, EntityReference<ShopType>>("shop")
            .Description("The shop selling it. Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field(i => i.Quantity).Description("How many were saved, 1 to 999.");
        Field(i => i.Title).Description("The product's title when the cart was saved; empty when the cart had not heard of the product.");
        Field(i => i.VariantTitle, nullable: true)
            .Description("The variant's name when the cart was saved, e.g. \"Đỏ / XL\"; null for a line without a variant, or when the cart did not know it.");
    }
}
