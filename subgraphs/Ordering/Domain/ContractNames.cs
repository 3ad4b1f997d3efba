using System.Text;

namespace GoShop.Ordering.Domain;

/// <summary>The UPPER_SNAKE names the API and the integration events use for the domain's enums (PendingPayment → PENDING_PAYMENT).</summary>
public static class ContractNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var snake = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
                snake.Append('_');
            snake.Append(char.ToUpperInvariant(name[i]));
        }
        return snake.ToString();
    }

    public static string ToContractName(this OrderStatus status) => Of(status);

    public static string ToContractName(this PaymentMethod method) => Of(method);

    public static string ToContractName(this ActorRole role) => Of(role);
}
