namespace GoShop.Notifications.Events;

/// <summary>Where in the app a notification points (the frontend's routes).</summary>
public static class Links
{
    public static string Order(Guid orderId) => $"/orders/{orderId}";

    public static string ShopOrder(Guid orderId) => $"/seller/orders/{orderId}";

    public static string Shipment(Guid shipmentId) => $"/shipments/{shipmentId}";

    public static string Product(Guid productId) => $"/products/{productId}";

    public static string SellerProduct(Guid productId) => $"/seller/products/{productId}";

    public static string Review(Guid reviewId) => $"/reviews/{reviewId}";

    public static string Account => "/account";
}
