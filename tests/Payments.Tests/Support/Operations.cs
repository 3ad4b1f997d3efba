namespace GoShop.Payments.Tests.Support;

/// <summary>The GraphQL documents the tests send, as a frontend would.</summary>
public static class Operations
{
    public const string PaymentFields = """
        id status method gateway amount { amount currency } providerAmount { amount currency } capturedAmount { amount } refundedAmount { amount }
        providerReference redirectUrl clientSecret failureReason buyer { id } checkout { id } orders { id }
        transactions { kind amount { amount } providerReference order { id } }
        refunds { id status amount { amount } order { id } reason }
        """;

    public const string EscrowFields = "id status amount { amount } refundedAmount { amount } commission { amount } releaseDueAt releasedAt order { id } shop { id } disputes { status source reason }";

    public const string StartPayment = $$"""
        mutation($input: StartPaymentInput!) {
          startPayment(input: $input) { payment { {{PaymentFields}} } redirectUrl clientSecret userErrors { code field message } }
        }
        """;

    public const string CapturePayment = $$"""
        mutation($input: CapturePaymentInput!) { capturePayment(input: $input) { payment { {{PaymentFields}} } userErrors { code field message } } }
        """;

    public const string RefundPayment = """
        mutation($input: RefundPaymentInput!) {
          refundPayment(input: $input) { refund { id status amount { amount } order { id } reason } userErrors { code field message } }
        }
        """;

    public const string ConfirmReceipt = $$"""
        mutation($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) { escrow { {{EscrowFields}} } userErrors { code field message } } }
        """;

    public const string ResolveDispute = $$"""
        mutation($input: ResolveDisputeInput!) {
          resolveDispute(input: $input) {
            dispute { id status } escrow { {{EscrowFields}} } refund { id status amount { amount } } userErrors { code field message }
          }
        }
        """;

    public const string OpenDispute = $$"""
        mutation($input: OpenDisputeInput!) {
          openDispute(input: $input) { dispute { id status source reason } escrow { {{EscrowFields}} } userErrors { code field message } }
        }
        """;

    public const string RecordCodSettlement = """
        mutation($input: RecordCodSettlementInput!) { recordCodSettlement(input: $input) { settledCount settledAmount { amount } userErrors { code field message } } }
        """;

    public const string SavePaymentMethod = """
        mutation($input: SavePaymentMethodInput!) {
          savePaymentMethod(input: $input) { paymentMethod { id gateway brand last4 expiryMonth expiryYear isDefault } userErrors { code field message } }
        }
        """;

    public const string DeletePaymentMethod = """
        mutation($input: DeletePaymentMethodInput!) { deletePaymentMethod(input: $input) { deletedId userErrors { code field message } } }
        """;

    public const string SetDefaultPaymentMethod = """
        mutation($input: SetDefaultPaymentMethodInput!) { setDefaultPaymentMethod(input: $input) { paymentMethod { id isDefault } userErrors { code field message } } }
        """;

    public const string MyPaymentMethods = "{ myPaymentMethods { id gateway brand last4 isDefault } }";

    public const string Payment = $$"""query($id: ID!) { payment(id: $id) { {{PaymentFields}} } }""";

    public const string MyPayments = "query($first: Int, $after: String) { myPayments(first: $first, after: $after) { edges { node { id status } } pageInfo { hasNextPage endCursor } } }";

    public const string Transactions = "query($paymentId: ID!) { transactions(paymentId: $paymentId) { kind amount { amount currency } providerAmount { amount currency } providerReference } }";

    public const string Receipt = """
        query($id: ID!) {
          receipt(id: $id) {
            id number issuedAt payment { id }
            orders { order { id } number shop { id } lines { title quantity unitPrice { amount } lineTotal { amount } }
                     fees { subtotal { amount } shippingFee { amount } tax { amount } discount { amount } total { amount } } }
            fees { subtotal { amount } shippingFee { amount } total { amount } refunded { amount } }
          }
        }
        """;

    public const string ResolveOrders = $$"""
        query($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on Order { id payment { id status } escrow { {{EscrowFields}} } } }
        }
        """;

    public const string PayoutFields = "id status amount { amount } bankReference failureReason shop { id }";

    public const string RequestPayout = $$"""
        mutation($input: RequestPayoutInput!) { requestPayout(input: $input) { payout { {{PayoutFields}} } userErrors { code field message } } }
        """;

    public const string MarkPayoutPaid = $$"""
        mutation($input: MarkPayoutPaidInput!) { markPayoutPaid(input: $input) { payout { {{PayoutFields}} } userErrors { code field message } } }
        """;

    public const string FailPayout = $$"""
        mutation($input: FailPayoutInput!) { failPayout(input: $input) { payout { {{PayoutFields}} } userErrors { code field message } } }
        """;

    public const string ShopPayouts = $$"""
        query($representations: [_Any!]!, $first: Int) {
          _entities(representations: $representations) { ... on Shop { id payouts(first: $first) { edges { node { {{PayoutFields}} } } } balance { available { amount } } } }
        }
        """;

    public const string ResolveShops = """
        query($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on Shop { id balance { available { amount } held { amount } debt { amount } entries { kind amount { amount } order { id } } } } }
        }
        """;
}
