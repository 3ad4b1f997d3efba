using GoShop.BuildingBlocks.Auth;
using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace GoShop.BuildingBlocks.Subscriptions;

/// <summary>
/// Resolves each event of a subscription in a DI scope of its own, its fields one after another, as the subscriber.
/// A subscription lives as long as its stream, and graphql-dotnet would resolve its events concurrently with the
/// request's services: overlapping events would share one DbContext, and batching loaders would answer every later
/// event from what they cached for the first. The event arrives on a Redis thread, outside the subscriber's HTTP
/// request, so the scope's <see cref="ICurrentUser"/> is told who subscribed (the operation's principal).
/// </summary>
internal sealed class ScopedSubscriptionExecutionStrategy() : SubscriptionExecutionStrategy(SerialExecutionStrategy.Instance)
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        await using var scope = context.RequestServices!.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SubscriberPrincipal>().User = context.User;
        context.RequestServices = scope.ServiceProvider;
        return await base.ProcessDataAsync(context, node, value);
    }
}
