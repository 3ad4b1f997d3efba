using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace GoShop.Gateway.Execution;

/// <summary>
/// Writes a client's variable back to JSON as it came: GraphQL.NET reads request variables into strings, numbers
/// (int, long, BigInteger, double, decimal), booleans, dictionaries and lists; a subgraph gets the same values.
/// </summary>
internal static class VariableWriter
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case float f:
                writer.WriteNumberValue(f);
                break;
            case BigInteger big:
                writer.WriteRawValue(big.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IReadOnlyDictionary<string, object?> readOnlyMap:
                writer.WriteStartObject();
                foreach (var (key, item) in readOnlyMap)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                // Anything else (an uploaded file) is sent apart from the variables: it stands as null here.
                writer.WriteNullValue();
                break;
        }
    }
}
