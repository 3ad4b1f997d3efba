using GraphQL.Types;

namespace GoShop.BuildingBlocks.GraphQL.Types;

/// <summary>
/// The built-in <c>Decimal</c> scalar, answering amounts without the trailing zeros of the database column's scale:
/// <c>199000</c>, not <c>199000.0000</c>. Registered under the same name, it replaces graphql-dotnet's own.
/// </summary>
public sealed class DecimalScalar : DecimalGraphType
{
    public override object? Serialize(object? value) => base.Serialize(value) is decimal amount ? WithoutTrailingZeros(amount) : base.Serialize(value);

    /// <summary>The same value at the smallest scale that holds it.</summary>
    public static decimal WithoutTrailingZeros(decimal value) => value / 1.000000000000000000000000000000000m;
}
