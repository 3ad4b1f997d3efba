using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;
using GoShop.Ordering.GraphQL.Mutations;
using GoShop.Ordering.GraphQL.Queries;
using GoShop.Ordering.GraphQL.Subscriptions;
using GoShop.Ordering.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Ordering.GraphQL;

public sealed class OrderingSchema : Schema
{
    public OrderingSchema(IServiceProvider services, OrderingQuery query, OrderingMutation mutation, OrderingSubscription subscription)
        : base(services)
    {
        Description = "GoShop ordering: checkouts and their orders (one per shop), fees, the order process, returns and live order updates.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        // The CLR types of input fields map to these graph types rather than to auto-generated ones of the same name.
        this.RegisterTypeMapping<OrderStatus, OrderStatusType>();
        this.RegisterTypeMapping<PaymentMethod, PaymentMethodType>();
        this.RegisterTypeMapping<ActorRole, OrderActorRoleType>();
        this.RegisterTypeMapping<OrderAction, OrderActionType>();
        this.RegisterTypeMapping<OrderTimelineKind, OrderTimelineKindType>();
        this.RegisterTypeMapping<ReturnStatus, ReturnStatusType>();
        this.RegisterTypeMapping<ReturnLineInput, ReturnLineInputType>();
    }
}

public sealed class OrderingQuery : ObjectGraphType
{
    public OrderingQuery()
    {
        Name = "Query";
        OrderQueries.AddTo(this);
        ReturnQueries.AddTo(this);
    }
}

public sealed class OrderingMutation : ObjectGraphType
{
    public OrderingMutation()
    {
        Name = "Mutation";
        PlacementMutations.AddTo(this);
        OrderMutations.AddTo(this);
        ReturnMutations.AddTo(this);
    }
}

public sealed class OrderingSubscription : ObjectGraphType
{
    public OrderingSubscription()
    {
        Name = "Subscription";
        OrderSubscriptions.AddTo(this);
    }
}
