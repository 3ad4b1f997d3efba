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
        Description = "One attempt to pay for an order or a whole checkout. Its buyer, the sellers of its orders and admins see it.";
        this.Key("id");
        this.ResolveReference<EntityKey, Payment>((context, reference) =>
        {
            var viewer = Viewer.Of(context);
            return context.Loader<PaymentByIdLoader>().Load(reference.Id).Then(p => p is not null && viewer.CanSee(p) ? p : null);
        });
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<PaymentStatusType>, PaymentStatus>("status").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<PaymentMethodType>, PaymentMethod>("method").Resolve(context => context.Source.Method);
        Field<PaymentGatewayType, PaymentGateway?>("gateway").Description("None for cash on delivery.").Resolve(context => context.Source.Gateway);
        Field<NonNullGraphType<MoneyType>, Money>("amount").Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<MoneyType, Money>("providerAmount")
            .Description("What the provider collects, in its currency (PayPal converts VND).")
            .Resolve(context => context.Source.ProviderAmount is { } amount ? new Money(amount, context.Source.ProviderCurrency!) : null);
        Field<NonNullGraphType<MoneyType>, Money>("capturedAmount").Resolve(context => new Money(context.Source.Captured, context.Source.Currency));
        Field<NonNullGraphType<MoneyType>, Money>("refundedAmount")
            .Description("Refunds and chargebacks.")
            .Resolve(context => new Money(context.Source.Refunded, context.Source.Currency));
        Field(p => p.ProviderReference, nullable: true).Description("The provider's id of the payment.");
        Field(p => p.RedirectUrl, nullable: true).Description("Where the buyer pays (VNPay, MoMo, PayPal).");
        Field(p => p.ClientSecret, nullable: true).Description("What Stripe's client SDK needs to confirm the card payment.");
        Field(p => p.FailureReason, nullable: true).Description("The provider's code when the payment failed or was cancelled.");
        Field<NonNullGraphType<UserType>, EntityReference<UserType>>("buyer").Resolve(context => EntityReference.To<UserType>(context.Source.BuyerId));
        Field<CheckoutType, EntityReference<CheckoutType>>("checkout")
            .Resolve(context => EntityReference.To<CheckoutType>(context.Source.CheckoutId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderType>>>, IEnumerable<EntityReference<OrderType>>>("orders")
            .Resolve(context => context.Source.Orders.OrderBy(o => o.OrderId).Select(o => EntityReference.To<OrderType>(o.OrderId)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TransactionType>>>, IEnumerable<PaymentTransaction>>("transactions")
            .Description("The ledger of the payment, oldest first.")
            .Resolve(context => context.Source.Transactions.OrderBy(t => t.Sequence));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RefundType>>>, IDataLoaderResult<IReadOnlyList<Refund>?>>("refunds")
            .Resolve(context => context.Loader<RefundsByPaymentLoader>().Load(context.Source.Id));
        Field(p => p.CreatedAt);
        Field(p => p.CapturedAt, nullable: true);
        Field(p => p.UpdatedAt);
    }
}

public sealed class TransactionType : ObjectGraphType<PaymentTransaction>
{
    public TransactionType()
    {
        Name = "Transaction";
        Description = "One movement of a payment's money, never changed once written.";
        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<TransactionKindType>, TransactionKind>("kind").Resolve(context => context.Source.Kind);
        Field<NonNullGraphType<MoneyType>, Money>("amount").Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<MoneyType, Money>("providerAmount")
            .Resolve(context => context.Source is { ProviderAmount: { } amount, ProviderCurrency: { } currency } ? new Money(amount, currency) : null);
        Field(t => t.ProviderReference, nullable: true).Description("The provider's id of this movement (for cash: the shipment).");
        Field<OrderType, EntityReference<OrderType>>("order")
            .Description("The order a refund was for.")
            .Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(t => t.At);
    }
}

public sealed class RefundType : ObjectGraphType<Refund>
{
    public RefundType()
    {
        Name = "Refund";
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<RefundStatusType>, RefundStatus>("status").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<MoneyType>, Money>("amount").Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<NonNullGraphType<OrderType>, EntityReference<OrderType>>("order").Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(r => r.Reason);
        Field(r => r.FailureReason, nullable: true);
        Field(r => r.CreatedAt);
        Field(r => r.CompletedAt, nullable: true);
    }
}

public sealed class EscrowType : ObjectGraphType<Escrow>
{
    public EscrowType()
    {
        Name = "Escrow";
        Description = "An order's money held for buyer protection until the buyer confirms receipt or the release time after delivery passes.";
        Field(e => e.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<EscrowStatusType>, EscrowStatus>("status").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<MoneyType>, Money>("amount").Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<NonNullGraphType<MoneyType>, Money>("refundedAmount").Resolve(context => new Money(context.Source.RefundedAmount, context.Source.Currency));
        Field<MoneyType, Money>("commission")
            .Description("The platform's part, once released.")
            .Resolve(context => context.Source.Commission is { } commission ? new Money(commission, context.Source.Currency) : null);
        Field<NonNullGraphType<OrderType>, EntityReference<OrderType>>("order").Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field<NonNullGraphType<ShopType>, EntityReference<ShopType>>("shop").Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field(e => e.HeldAt);
        Field(e => e.ReleaseDueAt, nullable: true).Description("When it is released by itself; set at delivery.");
        Field(e => e.ReleasedAt, nullable: true);
        Field(e => e.RefundedAt, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DisputeType>>>, IDataLoaderResult<IReadOnlyList<Dispute>?>>("disputes")
            .Resolve(context => context.Loader<DisputesByOrderLoader>().Load(context.Source.OrderId));
    }
}

public sealed class DisputeType : ObjectGraphType<Dispute>
{
    public DisputeType()
    {
        Name = "Dispute";
        Field(d => d.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<DisputeStatusType>, DisputeStatus>("status").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<DisputeSourceType>, DisputeSource>("source").Resolve(context => context.Source.Source);
        Field(d => d.Reason);
        Field<NonNullGraphType<OrderType>, EntityReference<OrderType>>("order").Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(d => d.OpenedAt);
        Field(d => d.ClosedAt, nullable: true);
    }
}

public sealed class SavedPaymentMethodType : ObjectGraphType<SavedPaymentMethod>
{
    public SavedPaymentMethodType()
    {
        Name = "SavedPaymentMethod";
        Description = "A card or wallet saved with a provider: its token stays here; only what identifies it to a person is shown.";
        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<PaymentGatewayType>, PaymentGateway>("gateway").Resolve(context => context.Source.Gateway);
        Field(m => m.Brand);
        Field(m => m.Last4);
        Field(m => m.ExpiryMonth, nullable: true);
        Field(m => m.ExpiryYear, nullable: true);
        Field(m => m.IsDefault);
        Field(m => m.CreatedAt);
    }
}
