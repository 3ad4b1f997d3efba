using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Notifications.Domain;
using GraphQL.Types;

namespace GoShop.Notifications.GraphQL.Types;

public sealed class PushDeviceType : ObjectGraphType<PushDevice>
{
    public PushDeviceType()
    {
        Name = "PushDevice";
        Description = "A browser registered for web push: notifications reach it even when GoShop is closed.";
        Field("id", d => d.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The device's id.");
        Field(d => d.Endpoint).Description("The push service URL of the browser's subscription (unregisterPushDevice takes it).");
        Field(d => d.CreatedAt).Description("When it was registered.");
    }
}

public sealed record PushDevicePayload : Payload
{
    public PushDevice? Device { get; init; }
}

public sealed class RegisterPushDevicePayloadType : PayloadType<PushDevicePayload>
{
    public RegisterPushDevicePayloadType()
    {
        Name = "RegisterPushDevicePayload";
        Field<PushDeviceType, PushDevice>("device").Description("The registered device; null when refused.").Resolve(context => context.Source.Device);
    }
}

public sealed record UnregisterPushDevicePayload : Payload
{
    public string? UnregisteredEndpoint { get; init; }
}

public sealed class UnregisterPushDevicePayloadType : PayloadType<UnregisterPushDevicePayload>
{
    public UnregisterPushDevicePayloadType()
    {
        Name = "UnregisterPushDevicePayload";
        Field(p => p.UnregisteredEndpoint, nullable: true).Description("The endpoint no longer pushed to; null when refused.");
    }
}
