using GoShop.Payments.Escrows;
using GoShop.Payments.Domain;
using GoShop.Payments.GraphQL.Mutations;
using GoShop.Payments.GraphQL.Queries;
using GoShop.Payments.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Payments.GraphQL;

public sealed class PaymentsSchema : Schema
{
    public PaymentsSchema(IServiceProvider services, PaymentsQuery query, PaymentsMutation mutation)
        : base(services)
    {
        Description = "GoShop payments: payments through the gateways or cash on delivery, their ledger, escrow, refunds, disputes, saved methods and receipts.";
        Query = query;
        Mutation = mutation;
        this.RegisterTypeMapping<PaymentMethod, PaymentMethodType>();
        this.RegisterTypeMapping<PaymentGateway, PaymentGatewayType>();
        this.RegisterTypeMapping<PaymentStatus, PaymentStatusType>();
        this.RegisterTypeMapping<TransactionKind, TransactionKindType>();
        this.RegisterTypeMapping<EscrowStatus, EscrowStatusType>();
        this.RegisterTypeMapping<RefundStatus, RefundStatusType>();
        this.RegisterTypeMapping<DisputeStatus, DisputeStatusType>();
        this.RegisterTypeMapping<DisputeSource, DisputeSourceType>();
        this.RegisterTypeMapping<DisputeOutcome, DisputeOutcomeType>();
        this.RegisterTypeMapping<PayoutStatus, PayoutStatusType>();
        this.RegisterTypeMapping<LedgerEntryKind, LedgerEntryKindType>();
    }
}

public sealed class PaymentsQuery : ObjectGraphType
{
    public PaymentsQuery()
    {
        Name = "Query";
        PaymentQueries.AddTo(this);
    }
}

public sealed class PaymentsMutation : ObjectGraphType
{
    public PaymentsMutation()
    {
        Name = "Mutation";
        PaymentMutations.AddTo(this);
        EscrowMutations.AddTo(this);
        PaymentMethodMutations.AddTo(this);
        PayoutMutations.AddTo(this);
    }
}
