using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoShop.BuildingBlocks.GraphQL.Transport;

/// <summary>
/// Writes decimals in GraphQL responses at the smallest scale that holds them: <c>199000</c>, not the
/// <c>199000.0000</c> a numeric(18,4) column reads back as. Reading is unchanged.
/// </summary>
public sealed class DecimalJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(WithoutTrailingZeros(value));

    /// <summary>The same value at the smallest scale (dividing by 1.000... drops trailing zeros, never digits).</summary>
    public static decimal WithoutTrailingZeros(decimal value) => value / 1.000000000000000000000000000000000m;
}
