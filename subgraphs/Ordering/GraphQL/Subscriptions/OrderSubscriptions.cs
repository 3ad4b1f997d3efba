using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.BuildingBlocks.Subscriptions;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using GoShop.Ordering.GraphQL.Types;
using GoShop.Ordering.Live;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Ordering.GraphQL.Subscriptions;

/// <summary>orderStatusChanged(orderId) and myOrderUpdates, over the topics <see cref="OrderTopics"/> names.</summary>
public static class OrderSubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<OrderStatusUpdateType>, OrderStatusUpdateMessage>("orderStatusChanged")
            .Description("Pushes each move of one order the moment it is made (news that leaves its status as it is, such as a parcel update, " +
                "is not pushed). Its buyer, its seller and admins only: FORBIDDEN for anyone else, NOT_FOUND for no such order.")
            .Authorize()
            .Argument<NonNullGraphType<IdGraphType>>("orderId", "The order to follow.")
            .ResolveStreamAsync(async context =>
            {
                var orderId = context.GetArgument<Guid>("orderId");
                var order = await context.Service<OrderingDbContext>().Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, context.CancellationToken)
                    ?? throw new ExecutionError("No order with this id exists.") { Code = ErrorCodes.NotFound };
                if (!Viewer.Of(context).CanSee(order))
                    throw GraphQLErrors.Forbidden("Only the order's buyer, its seller and admins can follow it.");
                return await context.Service<ITopicBus>().ObserveAsync<OrderStatusUpdateMessage>(OrderTopics.Order(orderId), context.CancellationToken);
            });

        subscription.Field<NonNullGraphType<OrderStatusUpdateType>, OrderStatusUpdateMessage>("myOrderUpdates")
            .Description("Pushes each move of the signed-in user's orders the moment it is made, each new order included (from is null): the " +
                "orders they placed and the orders they are the seller of. Signed-in users only.")
            .Authorize()
            .ResolveStreamAsync(async context => await context.Service<ITopicBus>().ObserveAsync<OrderStatusUpdateMessage>(OrderTopics.User(context.Service<ICurrentUser>().RequireId()), context.CancellationToken));
    }
}

public sealed class OrderStatusUpdateType : ObjectGraphType<OrderStatusUpdateMessage>
{
    public OrderStatusUpdateType()
    {
        Name = "OrderStatusUpdate";
        Description = "An order moved (or was placed: from is null).";
        Field<NonNullGraphType<OrderType>, Order?>("order")
            .Description("The order as it is now, read when the update is delivered.")
            .ResolveAsync(context => context.Service<LiveOrderReads>().ReadAsync(context.Source));
        Field<OrderStatusType, OrderStatus?>("from")
            .Description("The status before; null when the order was just placed.")
            .Resolve(context => context.Source.From);
        Field<NonNullGraphType<OrderStatusType>, OrderStatus>("to")
            .Description("The status the move led to.")
            .Resolve(context => context.Source.To);
        Field<NonNullGraphType<OrderActorRoleType>, ActorRole>("actorRole")
            .Description("In which capacity the move was made.")
            .Resolve(context => context.Source.ActorRole);
        Field<UserType, EntityReference<UserType>>("actor")
            .Description("The person who made the move; null when GoShop did (SYSTEM).")
            .Resolve(context => EntityReference.To<UserType>(context.Source.ActorId));
        Field(u => u.Reason, nullable: true).Description(OrderStatusChangeType.ReasonDescription);
        Field(u => u.At).Description("When the move was made.");
    }
}
