using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.BuildingBlocks.Mail;

/// <summary>
/// Mail for the subgraphs that send it (identity's account mail, notifications' email channel): section <c>Mail</c>,
/// delivered to the pickup folder unless <c>Mail:Delivery</c> is <c>smtp</c>.
/// </summary>
public static class MailSetup
{
    public static IServiceCollection AddGoShopMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        if (string.Equals(configuration[MailOptions.Section + ":Delivery"], "smtp", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        else
            services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        return services;
    }
}
