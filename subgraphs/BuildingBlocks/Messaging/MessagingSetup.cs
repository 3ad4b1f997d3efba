using GoShop.BuildingBlocks.Data;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.BuildingBlocks.Messaging;

/// <summary>
/// Integration events over RabbitMQ through MassTransit: the consumers of the subgraph's assembly, queue and exchange
/// naming, retries, and the dispatcher that publishes what the outbox holds.
/// </summary>
internal static class MessagingSetup
{
    public static void AddGoShopMessaging<TSchema, TContext>(this IServiceCollection services, IConfiguration configuration, string name)
        where TContext : GoShopDbContext
    {
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection(MessagingOptions.Section));
        services.AddSingleton<HandlerSlots>();
        services.AddMassTransit(bus =>
        {
            var messaging = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
            // MassTransit reports usage to its vendor over the internet by default: our deployments say nothing to
            // third parties (and machines without internet logged a failed DNS lookup from every subgraph).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(messaging.QueuePrefix ?? name, includeNamespace: false));
            if (messaging.TemporaryQueues)
            {
                bus.AddConfigureEndpointsCallback((_, endpoint) =>
                {
                    // Durable, so they outlive a broker restart like any other queue, and left for RabbitMQ to delete a
                    // while after their host has gone.
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                        rabbit.QueueExpiration = MessagingOptions.TemporaryQueueExpiration;
                });
            }
            bus.AddConsumers(typeof(TSchema).Assembly);
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "rabbitmq";
                health.Tags.Add("ready");
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(configuration.GetConnectionString("RabbitMq")!));
                if (!string.IsNullOrEmpty(messaging.ExchangePrefix))
                    rabbit.MessageTopology.SetEntityNameFormatter(
                        new PrefixEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter, messaging.ExchangePrefix + "."));
                rabbit.UseMessageRetry(retry => retry.Intervals(200, 1000, 5000, 15000));
                rabbit.UseConsumeFilter(typeof(HandlerSlotFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });
        services.Configure<MassTransitHostOptions>(host =>
        {
            // Start serving GraphQL even while RabbitMQ is away; the outbox holds events until it is back.
            host.WaitUntilStarted = false;
            host.StopTimeout = TimeSpan.FromSeconds(15);
        });
        services.AddHostedService<OutboxDispatcher<TContext>>();
    }
}
