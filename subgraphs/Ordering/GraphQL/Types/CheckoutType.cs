using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Ordering.Domain;
using GoShop.Ordering.GraphQL.Loaders;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Ordering.GraphQL.Types;

public sealed class CheckoutType : ObjectGraphType<Checkout>
{
    public CheckoutType()
    {
        Name = "Checkout";
        Description = "What a buyer placed in one go: one order per shop, paid with one method. Its buyer and admins see all of it; " +
            "a seller reaching it from an order sees only their own shop's order.";
        this.Key("id");
        this.ResolveReference<EntityKey, Checkout>((context, reference) =>
        {
            var viewer = Viewer.Of(context);
            return context.Loader<CheckoutByIdLoader>().Load(reference.Id).Then(checkout => checkout is not null && viewer.CanSee(checkout) ? checkout : null);
        });

        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Checkout"));
        Field<UserType, EntityReference<UserType>>("buyer")
            .Description("Who placed it. Null when identity cannot be reached.")
            .Resolve(context => EntityReference.To<UserType>(context.Source.BuyerId));
        Field<NonNullGraphType<PaymentMethodType>, PaymentMethod>("paymentMethod")
            .Description("How the buyer pays for all of its orders.")
            .Resolve(context => context.Source.PaymentMethod);
        Field<StringGraphType, string?>("idempotencyKey")
            .Description("The idempotencyKey the buyer placed it with: the buyer's own client token, so null for anyone but its buyer and admins, "
                + "and when none was given.")
            .Resolve(context => Viewer.Of(context).CanSee(context.Source) ? context.Source.IdempotencyKey : null);
        Field(c => c.CreatedAt).Description("When it was placed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderType>>>, IDataLoaderResult<IEnumerable<Order>>>("orders")
            .Description("One order per shop, in the order they were placed, as far as the viewer may see them.")
            .Resolve(context => VisibleOrders(context));
        Field<NonNullGraphType<OrderFeesType>, IDataLoaderResult<OrderFees>>("fees")
            .Description("The fees of the orders the viewer sees, added up: for its buyer and admins, what the buyer pays for the checkout.")
            .Resolve(context => VisibleOrders(context).Then(orders => orders.Aggregate(OrderFees.Zero, (sum, order) => sum.Plus(order.Fees))));
    }

    private static IDataLoaderResult<IEnumerable<Order>> VisibleOrders(IResolveFieldContext<Checkout> context)
    {
        var viewer = Viewer.Of(context);
        return context.Loader<OrdersByCheckoutLoader>().Load(context.Source.Id).Then(orders => (orders ?? []).Where(viewer.CanSee));
    }
}
