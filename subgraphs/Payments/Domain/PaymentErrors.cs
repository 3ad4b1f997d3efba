using GoShop.BuildingBlocks.Domain;

namespace GoShop.Payments.Domain;

/// <summary>The expected failures of payments, with their stable codes.</summary>
public static class PaymentErrors
{
    public static readonly DomainError PaymentNotFound = new("PAYMENT_NOT_FOUND", "No such payment.", "paymentId");
    public static readonly DomainError OrderNotFound = new("ORDER_NOT_FOUND", "No such order of yours.", "orderId");
    public static readonly DomainError CheckoutNotFound = new("CHECKOUT_NOT_FOUND", "No such checkout of yours.", "checkoutId");
    public static readonly DomainError NotAwaitingPayment = new("ORDER_NOT_AWAITING_PAYMENT", "The order is not waiting for a payment.", "orderId");
    public static readonly DomainError AlreadyPaid = new("ALREADY_PAID", "The order is already paid.", "orderId");
    public static readonly DomainError MethodMismatch = new("PAYMENT_METHOD_MISMATCH", "The order was placed to be paid another way.", "method");
    public static readonly DomainError IdempotencyKeyReused = new("IDEMPOTENCY_KEY_REUSED", "This idempotency key was used for another request.", "idempotencyKey");
    public static readonly DomainError ShopsUnavailable = new("SHOPS_UNAVAILABLE", "The shop cannot be checked right now; please try again shortly.", "shopId");
    public static readonly DomainError OrderingUnavailable = new("ORDERING_UNAVAILABLE", "Orders cannot be looked up right now; please try again shortly.");
    public static readonly DomainError NotAuthorized = new("PAYMENT_NOT_AUTHORIZED", "Only an authorised payment can be captured.", "paymentId");
    public static readonly DomainError CaptureFailed = new("CAPTURE_FAILED", "The provider refused to capture the payment.", "paymentId");
    public static readonly DomainError NotRefundable = new("NOT_REFUNDABLE", "Nothing of this payment can be refunded.", "paymentId");
    public static readonly DomainError RefundTooLarge = new("REFUND_EXCEEDS_REFUNDABLE", "The amount is more than what is left to refund.", "amount");
    public static readonly DomainError RefundFailed = new("REFUND_FAILED", "The provider refused the refund.", "paymentId");
    public static readonly DomainError NotSeller = new("NOT_SELLER", "Only the order's seller or an admin can refund it.", "orderId");
    public static readonly DomainError NothingToSettle = new("NOTHING_TO_SETTLE", "The shipper owes no collected cash.", "shipperId");
    public static readonly DomainError EscrowNotFound = new("ESCROW_NOT_FOUND", "The order has no money held for it.", "orderId");
    public static readonly DomainError EscrowNotHeld = new("ESCROW_NOT_HELD", "The money of the order is not held (already released, refunded or frozen by a dispute).", "orderId");
    public static readonly DomainError NotDelivered = new("ORDER_NOT_DELIVERED", "Receipt can be confirmed once the order is delivered.", "orderId");
    public static readonly DomainError DisputeOpen = new("DISPUTE_ALREADY_OPEN", "A dispute about this order is already open.", "orderId");
    public static readonly DomainError DisputeNotFound = new("DISPUTE_NOT_FOUND", "No such dispute.", "disputeId");
    public static readonly DomainError DisputeClosed = new("DISPUTE_CLOSED", "The dispute is already decided.", "disputeId");
    public static readonly DomainError DisputeIsChargeback = new("DISPUTE_IS_CHARGEBACK",
        "A chargeback is decided by the buyer's bank, through the provider, not by GoShop.", "disputeId");
    public static readonly DomainError InsufficientBalance = new("INSUFFICIENT_BALANCE", "The amount is more than the shop's available balance.", "amount");
    public static readonly DomainError NotShopOwner = new("NOT_SHOP_OWNER", "Only the shop's owner can ask for its payouts.", "shopId");
    public static readonly DomainError PayoutNotFound = new("PAYOUT_NOT_FOUND", "No such payout.", "payoutId");
    public static readonly DomainError PayoutNotPending = new("PAYOUT_NOT_PENDING", "The payout is already paid or failed.", "payoutId");
    public static readonly DomainError MethodNotFound = new("PAYMENT_METHOD_NOT_FOUND", "No such saved payment method of yours.", "paymentMethodId");
    public static readonly DomainError MethodAlreadySaved = new("PAYMENT_METHOD_ALREADY_SAVED", "This card or wallet is already saved.", "token");
    public static readonly DomainError LooksLikeCardNumber = new("CARD_DATA_NOT_ACCEPTED",
        "Card numbers and security codes are never accepted: save the provider's token of the card instead.", "token");
}
