using GoShop.Contracts;

namespace GoShop.BuildingBlocks.Messaging;

/// <summary>The integration event contracts, by the name the outbox stores.</summary>
internal static class IntegrationEventTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(IIntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToDictionary(NameOf, t => t);

    public static string NameOf(Type type) => type.FullName!;

    public static Type? Find(string name) => ByName.GetValueOrDefault(name);
}
