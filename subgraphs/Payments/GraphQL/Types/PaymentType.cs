using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Payments.Domain;
using GoShop.Payments.GraphQL.Loaders;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Payments.GraphQL.Types;

public sealed class PaymentType : ObjectGraphType<Payment>
{
    public PaymentType()
    {
        Name = "Payment";
        Description = "One attempt to pay for an order or a whole checkout, online through a gateway or in cash on delivery. Its buyer, the " +
            "sellers of its orders and admins see it (anyone else gets null). Its status is derived from its ledger (transactions).";
        this.Key("id");
        this.ResolveReference<EntityKey, Payment>((context, reference) =>
        {
            var viewer = Viewer.Of(context);
            return context.Loader<PaymentByIdLoader>().Load(reference.Id).Then(p => p is not null && viewer.CanSee(p) ? p : null);
        });
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Payment"));
        Field<NonNullGraphType<PaymentStatusType>, PaymentStatus>("status").Description("Where the payment stands.").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<PaymentMethodType>, PaymentMethod>("method").Description("How the buyer pays: the method the orders were placed with.").Resolve(context => context.Source.Method);
        Field<PaymentGatewayType, PaymentGateway?>("gateway").Description("The provider collecting the money; null for cash on delivery.").Resolve(context => context.Source.Gateway);
        Field<NonNullGraphType<MoneyType>, Money>("amount")
            .Description("What the buyer pays, in VND: the order's total, or the checkout's order totals added up, as they were when the " +
                "payment was started.")
            .Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<MoneyType, Money>("providerAmount")
            .Description("What the provider collects, in its own currency (the same VND amount, except PayPal: USD converted at GoShop's " +
                "rate); null until the provider opens its session, and for cash on delivery.")
            .Resolve(context => context.Source.ProviderAmount is { } amount ? new Money(amount, context.Source.ProviderCurrency!) : null);
        Field<NonNullGraphType<MoneyType>, Money>("capturedAmount").Description("What was captured, in VND; 0 until the money is collected.").Resolve(context => new Money(context.Source.Captured, context.Source.Currency));
        Field<NonNullGraphType<MoneyType>, Money>("refundedAmount")
            .Description("What went back to the buyer, in VND: completed refunds and lost chargebacks.")
            .Resolve(context => new Money(context.Source.Refunded, context.Source.Currency));
        Field(p => p.ProviderReference, nullable: true).Description("The provider's id of the payment (for VNPay and MoMo, GoShop's reference sent to them); null until the provider " +
            "opens its session, and for cash on delivery.");
        Field(p => p.RedirectUrl, nullable: true).Description("Where the buyer pays: the provider's page (VNPay, MoMo, PayPal; for Stripe only where a hosted page is configured, as " +
            "in the sandbox). Null for cash on delivery and before the provider opens its session.");
        Field(p => p.ClientSecret, nullable: true).Description("What Stripe's client SDK needs to confirm the card payment; null for other gateways. Show it to the buyer's own " +
            "browser only.");
        Field(p => p.FailureReason, nullable: true).Description("Why the payment FAILED or was CANCELLED: the provider's code, or GoShop's (e.g. GATEWAY_UNAVAILABLE, " +
            "PROVIDER_REJECTED (card_declined), ORDER_CANCELLED); null otherwise.");
        Field<UserType, EntityReference<UserType>>("buyer").Description("The buyer who pays. Null when identity cannot be reached.").Resolve(context => EntityReference.To<UserType>(context.Source.BuyerId));
        Field<CheckoutType, EntityReference<CheckoutType>>("checkout")
            .Description("The checkout paid for as a whole; null when the payment was started for a single order. A cash-on-delivery " +
                "payment made when its order was placed names that order's checkout.")
            .Resolve(context => EntityReference.To<CheckoutType>(context.Source.CheckoutId));
        Field<NonNullGraphType<ListGraphType<OrderType>>, IEnumerable<EntityReference<OrderType>>>("orders")
            .Description("The orders it pays for: one, or every order of the checkout. An item is null when ordering cannot be reached.")
            .Resolve(context => context.Source.Orders.OrderBy(o => o.OrderId).Select(o => EntityReference.To<OrderType>(o.OrderId)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TransactionType>>>, IEnumerable<PaymentTransaction>>("transactions")
            .Description("The ledger of the payment: every movement of its money, oldest first.")
            .Resolve(context => context.Source.Transactions.OrderBy(t => t.Sequence));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RefundType>>>, IDataLoaderResult<IReadOnlyList<Refund>?>>("refunds")
            .Description("Its refunds, whatever their status, oldest first.")
            .Resolve(context => context.Loader<RefundsByPaymentLoader>().Load(context.Source.Id));
        Field(p => p.CreatedAt).Description("When it was started.");
        Field(p => p.CapturedAt, nullable: true).Description("When the money was captured; null until then.");
        Field(p => p.UpdatedAt).Description("When it last changed.");
    }
}

public sealed class TransactionType : ObjectGraphType<PaymentTransaction>
{
    public TransactionType()
    {
        Name = "Transaction";
        Description = "One movement of a payment's money, never changed once written.";
        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The transaction's id.");
        Field<NonNullGraphType<TransactionKindType>, TransactionKind>("kind").Description("What moved.").Resolve(context => context.Source.Kind);
        Field<NonNullGraphType<MoneyType>, Money>("amount")
            .Description("How much moved, in the payment's currency (VND).")
            .Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<MoneyType, Money>("providerAmount")
            .Description("The same movement in the provider's currency (PayPal: USD); null for cash on delivery.")
            .Resolve(context => context.Source is { ProviderAmount: { } amount, ProviderCurrency: { } currency } ? new Money(amount, currency) : null);
        Field(t => t.ProviderReference, nullable: true).Description("The provider's id of this movement (for cash collected on delivery: the shipment's id); null when the provider gave none.");
        Field<OrderType, EntityReference<OrderType>>("order")
            .Description("The order a REFUND was for; null for other kinds.")
            .Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(t => t.At).Description("When it was recorded.");
    }
}

public sealed class RefundType : ObjectGraphType<Refund>
{
    public RefundType()
    {
        Name = "Refund";
        Description = "Money given back to the buyer for one order of a payment, to the original payment method (for cash on delivery, " +
            "GoShop pays it back itself). Asked for by the order's seller or an admin, or by GoShop itself when an order is cancelled, " +
            "a returned parcel reaches the shop (what the return is worth) or a dispute is decided for the buyer.";
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The refund's id; also GoShop's reference for it at the provider.");
        Field<NonNullGraphType<RefundStatusType>, RefundStatus>("status").Description("Where the refund stands.").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<MoneyType>, Money>("amount")
            .Description("How much goes back, in VND.")
            .Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<OrderType, EntityReference<OrderType>>("order")
            .Description("The order whose share is refunded. Null when ordering cannot be reached.")
            .Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(r => r.Reason).Description("Why: the words of the seller or admin who asked, or GoShop's own reason for an automatic refund " +
            "(ORDER_CANCELLED, RETURN_RECEIVED for a return whose parcel reached the shop, RETURN_APPROVED for a whole-order return approved " +
            "before returns went by line, ORDER_NOT_PAYABLE for a payment that came too late or twice, or \"Dispute decided for the buyer\").");
        Field(r => r.ReturnId, type: typeof(IdGraphType)).Description("The order's return (as ordering names it) this refund pays for; null " +
            "for any other refund.");
        Field(r => r.FailureReason, nullable: true).Description("The provider's code or message when the refund FAILED; null otherwise.");
        Field(r => r.CreatedAt).Description("When it was asked for.");
        Field(r => r.CompletedAt, nullable: true).Description("When it SUCCEEDED or FAILED; null while PENDING.");
    }
}

public sealed class EscrowType : ObjectGraphType<Escrow>
{
    public EscrowType()
    {
        Name = "Escrow";
        Description = "An order's money held for buyer protection until the buyer confirms receipt or the release time after delivery passes.";
        Field(e => e.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The escrow's id.");
        Field<NonNullGraphType<EscrowStatusType>, EscrowStatus>("status").Description("Where the held money stands.").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<MoneyType>, Money>("amount")
            .Description("The order's share of the payment (its total), in VND.")
            .Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<NonNullGraphType<MoneyType>, Money>("refundedAmount")
            .Description("What of it went back to the buyer, in VND: refunds completed before release, or all of it after a lost chargeback.")
            .Resolve(context => new Money(context.Source.RefundedAmount, context.Source.Currency));
        Field<MoneyType, Money>("commission")
            .Description("The platform's commission taken at release, in whole đồng (5 % of what was released by default); null until released.")
            .Resolve(context => context.Source.Commission is { } commission ? new Money(commission, context.Source.Currency) : null);
        Field<OrderType, EntityReference<OrderType>>("order")
            .Description("The order whose money it holds. Null when ordering cannot be reached.")
            .Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field<ShopType, EntityReference<ShopType>>("shop")
            .Description("The shop the money is held for. Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field(e => e.HeldAt).Description("When the payment was captured and the money held.");
        Field(e => e.ReleaseDueAt, nullable: true).Description("When it is released to the shop by itself: the delivery time plus the release " +
            "period (7 days by default). Null until the order is delivered. Not released while frozen or while the buyer asks to return the order.");
        Field(e => e.ReleasedAt, nullable: true).Description("When it was released to the shop; null until then.");
        Field(e => e.RefundedAt, nullable: true).Description("When all of it had gone back to the buyer; null until then.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DisputeType>>>, IDataLoaderResult<IReadOnlyList<Dispute>?>>("disputes")
            .Description("The disputes about the order, open or decided, oldest first.")
            .Resolve(context => context.Loader<DisputesByOrderLoader>().Load(context.Source.OrderId));
    }
}

public sealed class DisputeType : ObjectGraphType<Dispute>
{
    public DisputeType()
    {
        Name = "Dispute";
        Description = "A disagreement about a paid order, opened by its buyer (openDispute) or by the buyer's bank (a chargeback). While it " +
            "is open, the order's held money is frozen.";
        Field(d => d.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The dispute's id.");
        Field<NonNullGraphType<DisputeStatusType>, DisputeStatus>("status").Description("Whether it is decided, and for whom.").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<DisputeSourceType>, DisputeSource>("source").Description("Who opened it.").Resolve(context => context.Source.Source);
        Field(d => d.Reason).Description("Why it was opened: the buyer's words, or the provider's message for a chargeback.");
        Field<OrderType, EntityReference<OrderType>>("order")
            .Description("The disputed order. Null when ordering cannot be reached.")
            .Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(d => d.OpenedAt).Description("When it was opened.");
        Field(d => d.ClosedAt, nullable: true).Description("When it was decided; null while OPEN.");
    }
}

public sealed class SavedPaymentMethodType : ObjectGraphType<SavedPaymentMethod>
{
    public SavedPaymentMethodType()
    {
        Name = "SavedPaymentMethod";
        Description = "A card or wallet saved with a provider: its token stays here; only what identifies it to a person is shown.";
        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The saved method's id: startPayment's savedPaymentMethodId.");
        Field<NonNullGraphType<PaymentGatewayType>, PaymentGateway>("gateway")
            .Description("The provider that holds it; pay with it through this gateway only.")
            .Resolve(context => context.Source.Gateway);
        Field(m => m.Brand).Description("The card brand or wallet name given when it was saved, e.g. Visa.");
        Field(m => m.Last4).Description("The card's last 4 digits, as given when it was saved.");
        Field(m => m.ExpiryMonth, nullable: true).Description("The month the card expires, 1 to 12; null when no expiry was given (e.g. a wallet).");
        Field(m => m.ExpiryYear, nullable: true).Description("The year the card expires, e.g. 2029; null when no expiry was given (e.g. a wallet).");
        Field(m => m.IsDefault).Description("Whether it is the buyer's default method; a buyer has at most one.");
        Field(m => m.CreatedAt).Description("When it was saved.");
    }
}
