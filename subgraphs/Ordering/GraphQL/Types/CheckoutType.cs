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

        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<UserType>, EntityReference<UserType>>("buyer").Resolve(context => EntityReference.To<UserType>(context.Source.BuyerId));
        Field<NonNullGraphType<PaymentMethodType>, PaymentMethod>("paymentMethod").Resolve(context => context.Source.PaymentMethod);
        Field(c => c.IdempotencyKey, nullable: true).Description("The key the buyer placed it with, if any.");
        Field(c => c.CreatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderType>>>, IDataLoaderResult<IEnumerable<Order>>>("orders")
            .Description("One order per shop, as far as the viewer may see them.")
            .Resolve(context => VisibleOrders(context));
        Field<NonNullGraphType<OrderFeesType>, IDataLoaderResult<OrderFees>>("fees")
            .Description("The fees of those orders added up: what the buyer pays for the checkout.")
            .Resolve(context => VisibleOrders(context).Then(orders => orders.Aggregate(OrderFees.Zero, (sum, order) => sum.Plus(order.Fees))));
    }

    private static IDataLoaderResult<IEnumerable<Order>> VisibleOrders(IResolveFieldContext<Checkout> context)
    {
        var viewer = Viewer.Of(context);
        return context.Loader<OrdersByCheckoutLoader>().Load(context.Source.Id).Then(orders => (orders ?? []).Where(viewer.CanSee));
    }
}
