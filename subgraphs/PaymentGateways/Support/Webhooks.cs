using System.Text;
using System.Text.Json;

namespace GoShop.PaymentGateways.Support;

internal static class Webhooks
{
    public static WebhookVerification Refused(string reason, string detail) => new WebhookVerification.Refused(reason, detail);

    public static WebhookVerification NotConfigured(GatewayKind gateway) =>
        Refused("NOT_CONFIGURED", $"{gateway} has no credentials configured.");

    /// <summary>A header by name, whatever case the dictionary was built with.</summary>
    public static string? Header(this WebhookRequest request, string name)
    {
        if (request.Headers.TryGetValue(name, out var value))
            return value;
        foreach (var (key, v) in request.Headers)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return v;
        return null;
    }

    public static string BodyText(this WebhookRequest request) => Encoding.UTF8.GetString(request.Body.Span);

    /// <summary>The body as JSON, or null when it is not a JSON object.</summary>
    public static JsonElement? JsonBody(this WebhookRequest request)
    {
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static WebhookReply Json(int status, string body) => new(status, "application/json", body);

    public static WebhookReply Empty(int status) => new(status, null, null);
}

internal static class JsonElementExtensions
{
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Path(this JsonElement element, params string[] names)
    {
        JsonElement? current = element;
        foreach (var name in names)
        {
            current = current?.Prop(name);
            if (current is null)
                return null;
        }
        return current;
    }

    public static string? Str(this JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.String => element.Value.GetString(),
        JsonValueKind.Number => element.Value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static long? Long(this JsonElement? element) =>
        element?.ValueKind == JsonValueKind.Number && element.Value.TryGetInt64(out var n) ? n : null;

    public static JsonElement? First(this JsonElement? element) =>
        element?.ValueKind == JsonValueKind.Array && element.Value.GetArrayLength() > 0 ? element.Value[0] : null;
}

/// <summary>Turns transport failures of provider calls into <see cref="PaymentGatewayException"/>.</summary>
internal static class ProviderCalls
{
    public static async Task<T> Guard<T>(GatewayKind gateway, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new PaymentGatewayException(gateway, "GATEWAY_UNAVAILABLE", $"{gateway} could not be reached.", null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PaymentGatewayException(gateway, "GATEWAY_UNAVAILABLE", $"{gateway} did not answer in time.", null, e);
        }
        catch (JsonException e)
        {
            throw new PaymentGatewayException(gateway, "INVALID_RESPONSE", $"{gateway} answered something unreadable.", null, e);
        }
    }
}
