using System.Text.Encodings.Web;
using System.Text.Json;

namespace GoShop.Gateway.Tests.Federation;

/// <summary>Compares JSON exactly (names, order, values), ignoring only whitespace and escaping.</summary>
public static class JsonAssert
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Equal(string expected, JsonElement actual) =>
        Assert.Equal(Normalize(JsonDocument.Parse(expected).RootElement), Normalize(actual));

    public static string Normalize(JsonElement element) => JsonSerializer.Serialize(element, Compact);
}
