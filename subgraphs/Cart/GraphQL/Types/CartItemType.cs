using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Cart.Domain;
using GoShop.Cart.Pricing;
using GraphQL.Types;

namespace GoShop.Cart.GraphQL.Types;

public sealed class CartItemType : ObjectGraphType<CartLineView>
{
    public CartItemType()
    {
        Name = "CartItem";
        Description = "One line of a cart: a product, or one variant of it, and how many.";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The line's id, for updateCartItem and removeCartItem.");
        Field<ProductType, EntityReference<ProductType>>("product")
            .Description("The product on this line. Null when catalog cannot be reached.")
            .Resolve(context => EntityReference.To<ProductType>(context.Source.ProductId));
        Field<ProductVariantType, EntityReference<ProductVariantType>>("variant")
            .Description("The variant, when the line is one variant of the product; null otherwise.")
            .Resolve(context => EntityReference.To<ProductVariantType>(context.Source.VariantId));
        Field<ShopType, EntityReference<ShopType>>("shop")
            .Description("The shop selling it. Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field(i => i.Title).Description("The product's title as catalog last announced it; empty when the cart has not heard of the product.");
        Field(i => i.VariantTitle, nullable: true).Description("The variant's name, e.g. \"Đỏ / XL\"; null for a line without a variant, or when the cart has not heard of the variant.");
        Field<MediaType, EntityReference<MediaType>>("image")
            .Description("The product's first picture; null when it has none.")
            .Resolve(context => EntityReference.To<MediaType>(context.Source.ImageMediaId));
        Field(i => i.Quantity).Description("1 to 999.");
        Field<NonNullGraphType<MoneyType>, Money>("unitPrice")
            .Description("What one costs now: the sale price while a sale runs, else the list price (a variant gets the same share off). "
                + "When the cart has no current price for it, the price it was added at.")
            .Resolve(context => context.Source.UnitPrice);
        Field<NonNullGraphType<MoneyType>, Money>("addedAtPrice")
            .Description("The unit price when the buyer last added this product (or variant) to the cart.")
            .Resolve(context => context.Source.AddedAtPrice);
        Field(i => i.PriceChanged).Description("Whether the unit price moved since the buyer last added the product (compare unitPrice and addedAtPrice).");
        Field<NonNullGraphType<MoneyType>, Money>("lineTotal")
            .Description("unitPrice times quantity. Shown for every line, but counted in the totals only while the line is AVAILABLE.")
            .Resolve(context => context.Source.LineTotal);
        Field<NonNullGraphType<CartItemAvailabilityType>, ItemAvailability>("availability")
            .Description("Whether the line can be bought as it stands. Lines that are not AVAILABLE stay in the cart, flagged, and do not count toward any total.")
            .Resolve(context => context.Source.Availability);
        Field(i => i.Available).Description("How many can be bought now, as far as the cart knows (0 when the product is deleted or not for sale).");
    }
}

public sealed class CartItemAvailabilityType : EnumerationGraphType<ItemAvailability>
{
    public CartItemAvailabilityType()
    {
        Name = "CartItemAvailability";
        Description = "Whether a cart line can be bought as it stands, from what catalog last announced. Only AVAILABLE lines count toward "
            + "the totals; the others stay in the cart, flagged, for the buyer to change or remove.";
    }
}
