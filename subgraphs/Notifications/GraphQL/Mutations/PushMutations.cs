using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Notifications.GraphQL.Types;
using GoShop.Notifications.Push;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Notifications.GraphQL.Mutations;

[Description("The browser's push subscription (PushSubscription.toJSON(): endpoint and keys), subscribed with webPushPublicKey.")]
public sealed record RegisterPushDeviceInput
{
    [Description("The subscription's endpoint: the push service's https URL.")]
    public required string Endpoint { get; init; }

    [Description("keys.p256dh: the browser's P-256 public key, base64url.")]
    public required string P256dh { get; init; }

    [Description("keys.auth: the browser's 16-byte auth secret, base64url.")]
    public required string Auth { get; init; }
}

public sealed class RegisterPushDeviceInputType : AutoRegisteringInputObjectGraphType<RegisterPushDeviceInput>;

[Description("Which browser to stop pushing to.")]
public sealed record UnregisterPushDeviceInput
{
    [Description("The subscription's endpoint, as registered.")]
    public required string Endpoint { get; init; }
}

public sealed class UnregisterPushDeviceInputType : AutoRegisteringInputObjectGraphType<UnregisterPushDeviceInput>;

/// <summary>registerPushDevice and unregisterPushDevice.</summary>
public sealed class PushMutations(PushDevices devices, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RegisterPushDevicePayloadType>, PushDevicePayload>("registerPushDevice")
            .Description("Registers the signed-in user's browser for web push (registering an endpoint again renews its keys). Notifications " +
                "of categories with PUSH on then reach it, held during quiet hours unless urgent. userErrors: INVALID_ENDPOINT, INVALID_PUSH_KEY, " +
                "INVALID_PUSH_AUTH, PUSH_UNAVAILABLE.")
            .Authorize()
            .Argument<NonNullGraphType<RegisterPushDeviceInputType>>("input", "The browser's push subscription.")
            .ResolveAsync(async context => await context.Service<PushMutations>().RegisterAsync(context.GetArgument<RegisterPushDeviceInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<UnregisterPushDevicePayloadType>, UnregisterPushDevicePayload>("unregisterPushDevice")
            .Description("Stops web pushes to one of the signed-in user's browsers. userErrors: NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<UnregisterPushDeviceInputType>>("input", "The browser's endpoint.")
            .ResolveAsync(async context => await context.Service<PushMutations>().UnregisterAsync(context.GetArgument<UnregisterPushDeviceInput>("input"), context.CancellationToken));
    }

    public async Task<PushDevicePayload> RegisterAsync(RegisterPushDeviceInput input, CancellationToken cancellationToken)
    {
        var registered = await devices.RegisterAsync(currentUser.RequireId(), input.Endpoint.Trim(), input.P256dh.Trim(), input.Auth.Trim(), cancellationToken);
        return registered.Succeeded ? new PushDevicePayload { Device = registered.Value } : Fail<PushDevicePayload>(registered.Error);
    }

    public async Task<UnregisterPushDevicePayload> UnregisterAsync(UnregisterPushDeviceInput input, CancellationToken cancellationToken)
    {
        var removed = await devices.UnregisterAsync(currentUser.RequireId(), input.Endpoint.Trim(), cancellationToken);
        return removed.Succeeded ? new UnregisterPushDevicePayload { UnregisteredEndpoint = removed.Value } : Fail<UnregisterPushDevicePayload>(removed.Error);
    }
}
