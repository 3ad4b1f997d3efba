using System.Text.Json;
using System.Text.Json.Nodes;
using GoShop.Gateway.Planning;

namespace GoShop.Gateway.Execution;

/// <summary>The JSON body of one fetch: its document, and only the client variables it uses (plus the representations of an entity fetch).</summary>
internal static class FetchRequest
{
    /// <summary>A batch's body: its combined document, each part's representations under the part's variable.</summary>
    public static void Write(Utf8JsonWriter writer, EntityBatch batch, IReadOnlyDictionary<string, object?>? variables, IReadOnlyList<JsonArray> representations)
    {
        writer.WriteStartObject();
        writer.WriteString("query", batch.Document);
        writer.WriteStartObject("variables");
        for (var i = 0; i < representations.Count; i++)
        {
            writer.WritePropertyName(batch.RepresentationsVariable(i));
            representations[i].WriteTo(writer);
        }
        WriteVariables(writer, batch.Variables, variables);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, FetchNode fetch, IReadOnlyDictionary<string, object?>? variables, JsonArray? representations = null)
    {
        writer.WriteStartObject();
        writer.WriteString("query", fetch.Document);
        if (representations is not null || fetch.Variables.Count > 0)
        {
            writer.WriteStartObject("variables");
            if (representations is not null)
            {
                writer.WritePropertyName(OperationPlanner.RepresentationsVariable);
                representations.WriteTo(writer);
            }
            WriteVariables(writer, fetch.Variables, variables);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteVariables(Utf8JsonWriter writer, IReadOnlyList<string> names, IReadOnlyDictionary<string, object?>? variables)
    {
        foreach (var name in names)
        {
            if (variables is null || !variables.TryGetValue(name, out var value))
                continue; // Not given: the document's default (if any) applies there as it would here.
            writer.WritePropertyName(name);
            VariableWriter.Write(writer, value);
        }
    }
}
