namespace GoShop.PaymentGateways;

/// <summary>The four adapters by kind.</summary>
public sealed class PaymentGatewayRegistry(IEnumerable<IPaymentGateway> gateways) : IPaymentGatewayRegistry
{
    private readonly Dictionary<GatewayKind, IPaymentGateway> byKind = gateways.ToDictionary(g => g.Kind);

    public IPaymentGateway Get(GatewayKind kind) =>
        byKind.TryGetValue(kind, out var gateway) ? gateway : throw new KeyNotFoundException($"No payment gateway {kind} is registered.");
}
