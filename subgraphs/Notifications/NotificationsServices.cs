using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Mail;
using GoShop.Notifications.Delivery;
using GoShop.Notifications.GraphQL.Loaders;
using GoShop.Notifications.GraphQL.Mutations;
using GoShop.Notifications.Inbox;
using GoShop.Notifications.Preferences;
using GoShop.Notifications.Push;
using GoShop.Notifications.Seed;
using GoShop.Notifications.Sms;
using GoShop.Notifications.Templates;

namespace GoShop.Notifications;

public static class NotificationsServices
{
    /// <summary>The notifications domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddNotificationsServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationsOptions>().Bind(builder.Configuration.GetSection(NotificationsOptions.Section));
        services.AddGoShopMail(builder.Configuration);
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddSingleton<EmailChannel>();
        services.AddSingleton<VapidKeys>();
        services.AddHttpClient<PushChannel>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddScoped<PushDevices>();
        if (string.Equals(builder.Configuration["Notifications:Sms:Provider"], "twilio", StringComparison.OrdinalIgnoreCase))
            services.AddHttpClient<ISmsSender, TwilioSmsSender>(http => http.Timeout = TimeSpan.FromSeconds(15));
        else
            services.AddSingleton<ISmsSender, SandboxSmsSender>();
        services.AddSingleton<SmsChannel>();
        services.AddScoped<PushMutations>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationSettings>();
        services.AddScoped<NotificationTemplates>();
        services.AddScoped<NotificationMutations>();
        services.AddScoped<DeliveriesByNotificationLoader>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<DeliveryDispatcher>());
        services.AddSingleton<DigestSender>();
        services.AddHostedService(provider => provider.GetRequiredService<DigestSender>());
        services.AddScoped<IDemoDataSeeder, NotificationsDemoData>();
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionSweeper>());
        return builder;
    }
}
