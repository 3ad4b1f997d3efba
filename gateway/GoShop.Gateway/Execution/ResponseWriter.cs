using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using GoShop.Gateway.Planning;
using GraphQLParser.AST;

namespace GoShop.Gateway.Execution;

/// <summary>
/// Writes the client's <c>data</c> from the merged subgraph answers, in the client's selection order and with its
/// response names, leaving out what the gateway selected for itself (entity keys). Nulls propagate as the spec
/// says: a non-null field that is null nulls its parent, up to the nearest nullable field, with one error at the
/// null unless a subgraph already reported one there.
/// </summary>
public static class ResponseWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Vietnamese names stay readable, as the subgraphs write them.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        SkipValidation = true,
    };

    /// <summary>The <c>data</c> JSON, or null when a non-null root field nulled it all.</summary>
    public static RawJson? Write(OperationPlan plan, JsonObject data, List<GatewayError> errors)
    {
        var completer = new Completer(errors);
        if (!completer.CompleteObject(data, plan.Selections, []))
            return null;
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            WriteObject(writer, data, plan.Selections, plan.RootType);
        return new RawJson(buffer.WrittenMemory);
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonObject obj, IReadOnlyList<SelectedField> fields, string typeName)
    {
        writer.WriteStartObject();
        foreach (var field in fields)
        {
            writer.WritePropertyName(field.ResponseName);
            if (field.IsTypeName)
                writer.WriteStringValue(typeName);
            else
                WriteValue(writer, obj[field.DataName], field);
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? node, SelectedField field)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                    WriteValue(writer, item, field);
                writer.WriteEndArray();
                break;
            case JsonObject obj when field.Selections is { } selections:
                WriteObject(writer, obj, selections, field.NamedType);
                break;
            case JsonObject obj when field.PossibleSelections is { } possible:
                var typeName = TypeOf(obj);
                // An object an @interfaceObject subgraph returned has no type when the selection does not depend on it.
                WriteObject(writer, obj, typeName is not null && possible.TryGetValue(typeName, out var typeSelections) ? typeSelections : field.InterfaceSelections ?? [], typeName ?? field.NamedType);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>The object type of an object under an interface or union, as its subgraph said.</summary>
    internal static string? TypeOf(JsonObject obj) =>
        obj["__typename"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;

    private sealed class Completer(List<GatewayError> errors)
    {
        /// <summary>Completes an object's fields; false when one of its non-null fields is null (the object must be null).</summary>
        public bool CompleteObject(JsonObject obj, IReadOnlyList<SelectedField> fields, List<object> path)
        {
            foreach (var field in fields)
            {
                if (field.IsTypeName)
                    continue;
                obj.TryGetPropertyValue(field.DataName, out var node);
                path.Add(field.ResponseName);
                var completed = Complete(node, field.Type!, field, path, out var propagate);
                path.RemoveAt(path.Count - 1);
                if (propagate)
                    return false;
                if (!ReferenceEquals(completed, node))
                    obj[field.DataName] = completed;
            }
            return true;
        }

        private JsonNode? Complete(JsonNode? node, GraphQLType type, SelectedField field, List<object> path, out bool propagate)
        {
            if (type is GraphQLNonNullType nonNull)
            {
                var value = CompleteInner(node, nonNull.Type, field, path, out var inner);
                if (inner || value is null)
                {
                    if (!inner)
                        ReportNull(path, field);
                    propagate = true;
                    return null;
                }
                propagate = false;
                return value;
            }
            var nullable = CompleteInner(node, type, field, path, out var failed);
            propagate = false;
            return failed ? null : nullable;
        }

        private JsonNode? CompleteInner(JsonNode? node, GraphQLType type, SelectedField field, List<object> path, out bool propagate)
        {
            propagate = false;
            if (node is null)
                return null;
            if (type is GraphQLListType list)
            {
                if (node is not JsonArray array)
                    return null;
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    path.Add(i);
                    var completed = Complete(item, list.Type, field, path, out var itemFailed);
                    path.RemoveAt(path.Count - 1);
                    if (itemFailed)
                    {
                        propagate = true;
                        return null;
                    }
                    if (!ReferenceEquals(completed, item))
                        array[i] = completed;
                }
                return array;
            }
            if (field.Selections is { } selections)
            {
                if (node is not JsonObject obj)
                    return null;
                if (!CompleteObject(obj, selections, path))
                {
                    propagate = true;
                    return null;
                }
                return obj;
            }
            if (field.PossibleSelections is { } possible)
            {
                if (node is not JsonObject obj)
                    return null;
                var typeName = TypeOf(obj);
                IReadOnlyList<SelectedField>? typeSelections;
                if (typeName is null)
                {
                    typeSelections = field.InterfaceSelections;
                }
                else if (!possible.TryGetValue(typeName, out typeSelections))
                {
                    // A type hidden from clients (@inaccessible) is no value to them.
                    errors.Add(new GatewayError($"Abstract type \"{field.NamedType}\" cannot be resolved to the type \"{typeName}\" a subgraph returned.", path.ToArray(), null, GatewayErrorCodes.NullForNonNullField));
                    return null;
                }
                if (typeSelections is not null && !CompleteObject(obj, typeSelections, path))
                {
                    propagate = true;
                    return null;
                }
                return obj;
            }
            if (field.EnumValues is { } accessible && (node is not JsonValue value || !value.TryGetValue<string>(out var name) || !accessible.Contains(name)))
            {
                // A value hidden from clients (@inaccessible) that a subgraph still answers is no value to them.
                errors.Add(new GatewayError($"Enum \"{field.NamedType}\" cannot represent value: {node.ToJsonString()}", path.ToArray(), null, GatewayErrorCodes.NullForNonNullField));
                return null;
            }
            return node;
        }

        private void ReportNull(List<object> path, SelectedField field)
        {
            foreach (var error in errors)
            {
                if (StartsWith(error.ResponsePath, path))
                    return;
            }
            errors.Add(new GatewayError(
                $"Cannot return null for non-nullable field {field.FieldName}.", path.ToArray(), null, GatewayErrorCodes.NullForNonNullField));
        }

        private static bool StartsWith(IReadOnlyList<object> errorPath, List<object> path)
        {
            if (errorPath.Count < path.Count)
                return false;
            for (var i = 0; i < path.Count; i++)
            {
                if (!Equals(errorPath[i], path[i]))
                    return false;
            }
            return true;
        }
    }
}

/// <summary>JSON already written: the response's <c>data</c>, copied as it is into the serialized response.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson(ReadOnlyMemory<byte> utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    private sealed class RawJsonConverter : System.Text.Json.Serialization.JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(System.Text.Encoding.UTF8.GetBytes(JsonDocument.ParseValue(ref reader).RootElement.GetRawText()));

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
