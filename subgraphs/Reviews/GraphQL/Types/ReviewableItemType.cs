using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.Reviews.Domain;
using GoShop.Reviews.Reading;
using GraphQL.Types;

namespace GoShop.Reviews.GraphQL.Types;

public sealed class ReviewableItemType : ObjectGraphType<ReviewableItem>
{
    public ReviewableItemType()
    {
        Name = "ReviewableItem";
        Description = "Something the signed-in buyer may still review: a product of a delivered order (createProductReview), the order's " +
            "shop (createShopReview) or its delivery's shipper (createDeliveryReview).";
        Field<NonNullGraphType<ReviewSubjectType>, ReviewSubject>("subject").Description("Which review to write, and so which mutation.")
            .Resolve(context => context.Source.Subject);
        Field<OrderType, EntityReference<OrderType>>("order").Description("The delivered order (orderId of the mutation). Null when ordering cannot be reached.")
            .Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(i => i.OrderNumber).Description("The order's number, as the buyer knows it.");
        Field<ShopType, EntityReference<ShopType>>("shop").Description("The shop that sold it. Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field<ProductType, EntityReference<ProductType>?>("product").Description("The product (productId of createProductReview); null otherwise.")
            .Resolve(context => EntityReference.To<ProductType>(context.Source.ProductId));
        Field<IdGraphType, Guid?>("variantId").Description("The variant bought (variantId of createProductReview); null when none.")
            .Resolve(context => context.Source.VariantId);
        Field(i => i.ProductTitle, nullable: true).Description("The product's title as the order named it; null unless PRODUCT.");
        Field(i => i.VariantTitle, nullable: true).Description("The variant's title as the order named it; null when none.");
        Field<ShipperType, EntityReference<ShipperType>?>("shipper").Description("The shipper who delivered it; null unless SHIPPER.")
            .Resolve(context => EntityReference.To<ShipperType>(context.Source.ShipperId));
        Field(i => i.DeliveredAt).Description("When it reached the buyer.");
        Field(i => i.ReviewableUntil).Description("The last moment it may be reviewed (30 days after delivery).");
    }
}
