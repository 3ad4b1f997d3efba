using GoShop.PaymentGateways;
using GoShop.Payments.Domain;

namespace GoShop.Payments.Gateways;

/// <summary>The adapter of each gateway, by our name for it.</summary>
public sealed class GatewayDirectory(IPaymentGatewayRegistry registry)
{
    public IPaymentGateway Get(PaymentGateway gateway) => registry.Get(KindOf(gateway));

    public static GatewayKind KindOf(PaymentGateway gateway) => gateway switch
    {
        PaymentGateway.Stripe => GatewayKind.Stripe,
        PaymentGateway.Paypal => GatewayKind.PayPal,
        PaymentGateway.Vnpay => GatewayKind.VnPay,
        PaymentGateway.Momo => GatewayKind.MoMo,
        _ => throw new ArgumentOutOfRangeException(nameof(gateway), gateway, null),
    };

    public static PaymentGateway Of(GatewayKind kind) => kind switch
    {
        GatewayKind.Stripe => PaymentGateway.Stripe,
        GatewayKind.PayPal => PaymentGateway.Paypal,
        GatewayKind.VnPay => PaymentGateway.Vnpay,
        GatewayKind.MoMo => PaymentGateway.Momo,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
