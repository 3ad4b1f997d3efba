using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Mail;
using GoShop.Identity.Account;
using GoShop.Identity.Addresses;
using GoShop.Identity.GraphQL.Loaders;
using GoShop.Identity.GraphQL.Mutations;
using GoShop.Identity.Security;
using GoShop.Identity.Seed;
using GoShop.Identity.Sessions;
using GoShop.Identity.Suspensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Identity;

public static class IdentityServices
{
    /// <summary>The identity domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddIdentityServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.Section));
        services.AddOptions<Argon2Options>().Bind(configuration.GetSection(IdentityOptions.Section + ":Argon2"));
        services.AddGoShopMail(configuration);

        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<IAccessTokenKeys>(provider => provider.GetRequiredService<SigningKeyStore>());
        services.AddHostedService<SigningKeyRefresher>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddScoped<SessionService>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<PasswordResetCodes>();
        services.AddSingleton<AccountEvents>();

        services.AddScoped<SessionDesk>();
        services.AddScoped<PasswordDesk>();
        services.AddScoped<AccountDesk>();
        services.AddScoped<AddressBook>();
        services.AddScoped<SuspensionDesk>();

        services.AddScoped<UserByIdLoader>();
        services.AddScoped<AddressesByUserLoader>();
        services.AddScoped<SessionMutations>();
        services.AddScoped<PasswordMutations>();
        services.AddScoped<ProfileMutations>();
        services.AddScoped<AddressMutations>();
        services.AddScoped<SuspensionMutations>();
        services.AddScoped<IDemoDataSeeder, IdentityDemoData>();
        return builder;
    }
}
