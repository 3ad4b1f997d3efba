namespace GoShop.Ordering.Tests.Support;

/// <summary>The GraphQL documents the tests send, as a frontend would.</summary>
public static class Operations
{
    public const string OrderFields = """
        id number status paymentMethod couponCodes placedAt paymentDueAt deliveredAt returnDeadline note carrier trackingNumber weightGrams
        checkout { id } buyer { id } seller { id } shop { id }
        lines { product { id } variant { id } title variantTitle sku quantity unitPrice { amount currency } lineTotal { amount } weightGrams }
        fees { subtotal { amount currency } shippingFee { amount } tax { amount } discount { amount } total { amount } }
        deliveryAddress { recipientName city location { lat lng } }
        statusHistory { from to actorRole actor { id } reason at }
        timeline { kind title detail at }
        allowedTransitions { action to reasonRequired }
        """;

    public const string FeesFields = "subtotal { amount currency } shippingFee { amount } tax { amount } discount { amount } total { amount }";

    public const string PlaceOrder = $$"""
        mutation($input: PlaceOrderInput!) {
          placeOrder(input: $input) {
            checkout { id paymentMethod fees { {{FeesFields}} } orders { id status shop { id } fees { {{FeesFields}} } couponCodes } }
            userErrors { code field message }
          }
        }
        """;

    public const string OrderPreview = $$"""
        query($input: OrderPreviewInput!) {
          orderPreview(input: $input) {
            canPlace
            fees { {{FeesFields}} }
            shops {
              shop { id } couponCodes weightGrams
              fees { {{FeesFields}} }
              shipping { fee { amount } distanceKm distanceAssumed breakdown { label amount { amount } } }
              lines { cartItemIds product { id } title quantity unitPrice { amount } lineTotal { amount } available issue }
            }
            userErrors { code field message }
          }
        }
        """;

    public const string Order = $$"""query($id: ID!) { order(id: $id) { {{OrderFields}} } }""";

    public const string Checkout = $$"""query($id: ID!) { checkout(id: $id) { id buyer { id } paymentMethod idempotencyKey fees { {{FeesFields}} } orders { id status } } }""";

    public const string MyOrders = """
        query($status: OrderStatus, $first: Int, $after: String) {
          myOrders(status: $status, first: $first, after: $after) { totalCount edges { cursor node { id status } } pageInfo { hasNextPage endCursor } }
        }
        """;

    public const string ShopOrders = """
        query($representations: [_Any!]!, $status: OrderStatus) {
          _entities(representations: $representations) { ... on Shop { id orders(status: $status) { totalCount edges { node { id status } } } } }
        }
        """;

    public const string UserOrders = """
        query($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on User { id orders { totalCount edges { node { id } } } } }
        }
        """;

    public const string ResolveOrders = """
        query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Order { id number status lines { title } } } }
        """;

    /// <summary>One of the order moves: confirmOrder, cancelOrder, shipOrder... with its input type.</summary>
    public static string Move(string mutation) => $$"""
        mutation($input: {{char.ToUpperInvariant(mutation[0])}}{{mutation[1..]}}Input!) {
          {{mutation}}(input: $input) { order { id status carrier trackingNumber deliveredAt returnDeadline statusHistory { from to actorRole actor { id } reason } } userErrors { code field message } }
        }
        """;

    public const string Reorder = """
        mutation($input: ReorderInput!) { reorder(input: $input) { cart { id } addedCount userErrors { code field message } } }
        """;

    public const string OrderStatusChanged = """
        subscription($orderId: ID!) { orderStatusChanged(orderId: $orderId) { from to actorRole actor { id } reason at order { id status statusHistory { to } } } }
        """;

    public const string MyOrderUpdates = """
        subscription { myOrderUpdates { from to actorRole order { id status } } }
        """;

    public const string ReturnFields = """
        id status reason wholeOrder refund { amount currency } shipment { id } media { id }
        requestedAt approvedAt rejectedAt rejectionReason pickedUpAt receivedAt refundedAt
        order { id status } lines { orderLine { id title quantity product { id } } quantity refund { amount } }
        """;

    public const string RequestReturn = $$"""
        mutation($input: RequestReturnInput!) {
          requestReturn(input: $input) { return { {{ReturnFields}} } order { id status timeline { kind title detail } } userErrors { code field message } }
        }
        """;

    public const string ApproveReturn = $$"""
        mutation($input: ApproveReturnInput!) {
          approveReturn(input: $input) { return { {{ReturnFields}} } order { id status timeline { kind title detail } } userErrors { code field message } }
        }
        """;

    public const string RejectReturn = $$"""
        mutation($input: RejectReturnInput!) {
          rejectReturn(input: $input) { return { {{ReturnFields}} } order { id status timeline { kind title detail } } userErrors { code field message } }
        }
        """;

    public const string OrderReturns = $$"""
        query($id: ID!) { order(id: $id) { id status lines { id quantity product { id } } fees { total { amount } } timeline { kind title detail } returns { {{ReturnFields}} } } }
        """;

    public const string MyReturns = """
        query($status: ReturnStatus, $first: Int, $after: String) {
          myReturns(status: $status, first: $first, after: $after) { totalCount edges { cursor node { id status order { id } } } pageInfo { hasNextPage endCursor } }
        }
        """;

    public const string ShopReturns = """
        query($representations: [_Any!]!, $status: ReturnStatus) {
          _entities(representations: $representations) { ... on Shop { id returns(status: $status) { totalCount edges { node { id status } } } } }
        }
        """;
}
