using System.Text;

namespace GoShop.BuildingBlocks.Domain;

/// <summary>
/// The UPPER_SNAKE names the API and the integration events use for a domain's enums (PendingPayment →
/// PENDING_PAYMENT, PickedUp → PICKED_UP), so every subgraph spells its enums on the wire the same way.
/// </summary>
public static class ContractNames
{
    public static string ToContractName<TEnum>(this TEnum value) where TEnum : struct, Enum
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
}
