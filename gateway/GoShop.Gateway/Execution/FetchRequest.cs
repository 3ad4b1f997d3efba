using System.Text.Json;
using System.Text.Json.Nodes;
using GoShop.Gateway.Planning;

namespace GoShop.Gateway.Execution;

/// <summary>The JSON body of one fetch: its document, and only the client variables it uses (plus the representations of an entity fetch).</summary>
internal static class FetchRequest
{
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
            foreach (var name in fetch.Variables)
            {
                if (variables is null || !variables.TryGetValue(name, out var value))
                    continue; // Not given: the document's default (if any) applies there as it would here.
                writer.WritePropertyName(name);
                VariableWriter.Write(writer, value);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
