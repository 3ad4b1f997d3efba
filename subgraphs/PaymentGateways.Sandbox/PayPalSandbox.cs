using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GoShop.PaymentGateways.PayPal;
using GoShop.PaymentGateways.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GoShop.PaymentGateways.Sandbox;

/// <summary>
/// Plays PayPal: <c>/v1/oauth2/token</c> (client credentials), Orders v2 (create, get, capture), capture refunds
/// (PayPal-Request-Id honoured), the approval page (<c>/checkoutnow?token=</c>), the signing certificate
/// (<c>/v1/notifications/certs/...</c>, a self-signed RSA key made at start) and webhooks signed with it;
/// <c>/disputes</c> opens or resolves a dispute. State is in memory (one instance per process).
/// </summary>
public sealed class PayPalSandbox(IOptionsMonitor<PaymentGatewaysOptions> options, SandboxCallbacks callbacks, TimeProvider clock) : IDisposable
{
    private const string Provider = "PayPal";
    private const string CertificateName = "CERT-goshop-sandbox";
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (JsonObject Capture, string OrderId)> captures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Status, string Body)> idempotent = new(StringComparer.Ordinal);
    private readonly HashSet<string> declining = new(StringComparer.Ordinal);
    private readonly Lazy<(RSA Key, X509Certificate2 Certificate)> signing = new(() => CreateSigningKey(clock.GetUtcNow()));

    private PayPalOptions Options => options.CurrentValue.PayPal;
    private string Base => Options.ApiBase!.TrimEnd('/');

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/v1/oauth2/token", (HttpContext context, PayPalSandbox sandbox) => sandbox.TokenAsync(context));
        group.MapPost("/v2/checkout/orders", (HttpContext context, PayPalSandbox sandbox) => sandbox.Api(context, sandbox.CreateOrder));
        group.MapGet("/v2/checkout/orders/{id}", (string id, HttpContext context, PayPalSandbox sandbox) =>
            sandbox.Api(context, _ => sandbox.orders.TryGetValue(id, out var order) ? (200, order) : NotFound()));
        group.MapPost("/v2/checkout/orders/{id}/capture", (string id, HttpContext context, PayPalSandbox sandbox) =>
            sandbox.Api(context, _ => sandbox.Capture(id)));
        group.MapPost("/v2/payments/captures/{id}/refund", (string id, HttpContext context, PayPalSandbox sandbox) =>
            sandbox.Api(context, body => sandbox.Refund(id, body)));
        group.MapGet("/checkoutnow", (HttpContext context, PayPalSandbox sandbox) => sandbox.ApproveAsync(context));
        group.MapGet($"/v1/notifications/certs/{CertificateName}", (PayPalSandbox sandbox) =>
            Results.Text(sandbox.signing.Value.Certificate.ExportCertificatePem(), "application/x-pem-file"));
        group.MapPost("/disputes", (HttpContext context, PayPalSandbox sandbox) => sandbox.Dispute(context));
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var o = Options;
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.ClientId}:{o.ClientSecret}"));
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()), Encoding.UTF8.GetBytes(expected)))
            return Results.Json(new { error = "invalid_client", error_description = "Client Authentication failed" }, statusCode: 401);
        if (form["grant_type"] != "client_credentials")
            return Results.Json(new { error = "unsupported_grant_type", error_description = "unsupported grant_type" }, statusCode: 400);
        var token = SandboxPages.Id("A21AA.sandbox.", 48);
        lock (gate)
            tokens[token] = clock.GetUtcNow().AddHours(9);
        return Results.Json(new { scope = "https://uri.paypal.com/services/payments/payment", access_token = token, token_type = "Bearer", app_id = "APP-GOSHOP-SANDBOX", expires_in = 32400, nonce = SandboxPages.Id("", 32) });
    }

    /// <summary>A bearer-authenticated call; a POST's PayPal-Request-Id replays the first answer.</summary>
    private async Task<IResult> Api(HttpContext context, Func<JsonObject, (int Status, JsonNode Body)> handle)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        JsonObject body;
        try
        {
            body = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
                ? await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? []
                : [];
        }
        catch (JsonException)
        {
            return Json(400, Issue("INVALID_REQUEST", "MALFORMED_REQUEST_JSON", "The request JSON is not well formed."));
        }
        var requestId = context.Request.Headers["PayPal-Request-Id"].ToString();
        var scope = $"{context.Request.Path}|{requestId}";
        lock (gate)
        {
            if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal)
                || !tokens.TryGetValue(authorization[7..], out var expires) || expires < clock.GetUtcNow())
                return Json(401, new JsonObject { ["name"] = "AUTHENTICATION_FAILURE", ["message"] = "Authentication failed due to invalid authentication credentials or a missing Authorization header." });
            if (HttpMethods.IsPost(context.Request.Method) && requestId.Length > 0 && idempotent.TryGetValue(scope, out var earlier))
                return Results.Content(earlier.Body, "application/json", Encoding.UTF8, earlier.Status);
            var (status, answer) = handle(body);
            var json = answer.ToJsonString();
            if (HttpMethods.IsPost(context.Request.Method) && requestId.Length > 0)
                idempotent[scope] = (status, json);
            return Results.Content(json, "application/json", Encoding.UTF8, status);
        }
    }

    private (int, JsonNode) CreateOrder(JsonObject body)
    {
        if (body["intent"]?.GetValue<string>() != "CAPTURE")
            return (422, Issue("UNPROCESSABLE_ENTITY", "INTENT_NOT_SUPPORTED", "Only intent CAPTURE is simulated."));
        var unit = body["purchase_units"]?[0] as JsonObject;
        var amount = unit?["amount"];
        var currency = amount?["currency_code"]?.GetValue<string>();
        var value = amount?["value"]?.GetValue<string>();
        if (unit is null || currency is null || !decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number <= 0 || decimal.Round(number, 2) != number)
            return (422, Issue("UNPROCESSABLE_ENTITY", "DECIMAL_PRECISION", "purchase_units[0].amount is missing or not a positive amount with 2 decimals."));
        if (string.Equals(currency, "VND", StringComparison.OrdinalIgnoreCase))
            return (422, Issue("UNPROCESSABLE_ENTITY", "CURRENCY_NOT_SUPPORTED", "Currency code VND is not supported."));
        var context = body["payment_source"]?["paypal"]?["experience_context"] ?? body["application_context"];
        var id = SandboxPages.Id("", 17).ToUpperInvariant();
        var order = new JsonObject
        {
            ["id"] = id,
            ["intent"] = "CAPTURE",
            ["status"] = body["payment_source"] is null ? "CREATED" : "PAYER_ACTION_REQUIRED",
            ["purchase_units"] = new JsonArray(unit.DeepClone()),
            ["create_time"] = Now(),
            ["links"] = new JsonArray(
                Link($"{Base}/v2/checkout/orders/{id}", "self", "GET"),
                Link($"{Base}/checkoutnow?token={id}", body["payment_source"] is null ? "approve" : "payer-action", "GET")),
            ["sandbox"] = new JsonObject
            {
                ["return_url"] = context?["return_url"]?.GetValue<string>(),
                ["cancel_url"] = context?["cancel_url"]?.GetValue<string>(),
            },
        };
        orders[id] = order;
        return (201, Public(order));
    }

    private async Task<IResult> ApproveAsync(HttpContext context)
    {
        var id = context.Request.Query["token"].ToString();
        JsonObject? order;
        lock (gate)
            order = orders.GetValueOrDefault(id);
        if (order is null)
            return SandboxPages.Error(404, Provider, "No such order.");
        if (order["status"]?.GetValue<string>() is not ("CREATED" or "PAYER_ACTION_REQUIRED"))
            return SandboxPages.Error(400, Provider, $"This order is {order["status"]}.");
        var outcome = SandboxPages.OutcomeOf(context.Request);
        var unit = order["purchase_units"]![0]!;
        if (outcome is null)
            return SandboxPages.Choose(context.Request, Provider,
                $"Approve {unit["amount"]!["value"]} {unit["amount"]!["currency_code"]} (order {id}). Failure approves, then the capture is declined.");
        if (!SandboxPages.IsKnownOutcome(outcome))
            return SandboxPages.Error(400, Provider, "outcome must be success, failure or cancel.");
        var returnUrl = order["sandbox"]?["return_url"]?.GetValue<string>();
        var cancelUrl = order["sandbox"]?["cancel_url"]?.GetValue<string>() ?? returnUrl;
        if (outcome == "cancel")
            // PayPal sends no webhook when the buyer cancels: the browser just goes back to cancel_url.
            return cancelUrl is null ? Results.Text("cancelled") : Results.Redirect(SandboxPages.AppendQuery(cancelUrl, $"token={id}"));
        var payerId = SandboxPages.Id("", 13).ToUpperInvariant();
        JsonObject approved;
        lock (gate)
        {
            order["status"] = "APPROVED";
            order["payer"] = new JsonObject { ["payer_id"] = payerId, ["email_address"] = "buyer@sandbox.goshop.test" };
            if (outcome == "failure")
                declining.Add(id);
            approved = Public(order);
        }
        await callbacks.SendAsync(Provider, Event("CHECKOUT.ORDER.APPROVED", "checkout-order", approved), context.RequestAborted);
        return returnUrl is null ? Results.Text("approved") : Results.Redirect(SandboxPages.AppendQuery(returnUrl, $"token={id}&PayerID={payerId}"));
    }

    private (int, JsonNode) Capture(string id)
    {
        if (!orders.TryGetValue(id, out var order))
            return NotFound();
        switch (order["status"]?.GetValue<string>())
        {
            case "COMPLETED":
                return (422, Issue("UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED", "Order already captured."));
            case not "APPROVED":
                return (422, Issue("UNPROCESSABLE_ENTITY", "ORDER_NOT_APPROVED", "Payer has not yet approved the Order for payment."));
        }
        var unit = (JsonObject)order["purchase_units"]![0]!;
        var declined = declining.Contains(id);
        var captureId = SandboxPages.Id("", 17).ToUpperInvariant();
        var capture = new JsonObject
        {
            ["id"] = captureId,
            ["status"] = declined ? "DECLINED" : "COMPLETED",
            ["amount"] = unit["amount"]!.DeepClone(),
            ["final_capture"] = true,
            ["custom_id"] = unit["custom_id"]?.DeepClone(),
            ["invoice_id"] = unit["invoice_id"]?.DeepClone(),
            ["seller_protection"] = new JsonObject { ["status"] = "ELIGIBLE" },
            ["supplementary_data"] = new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = id } },
            ["create_time"] = Now(),
            ["update_time"] = Now(),
            ["links"] = new JsonArray(Link($"{Base}/v2/payments/captures/{captureId}", "self", "GET"),
                Link($"{Base}/v2/payments/captures/{captureId}/refund", "refund", "POST")),
        };
        if (declined)
            capture["status_details"] = new JsonObject { ["reason"] = "DECLINED_BY_RISK_FRAUD_FILTERS" };
        captures[captureId] = (capture, id);
        order["status"] = "COMPLETED";
        unit["payments"] = new JsonObject { ["captures"] = new JsonArray(capture.DeepClone()) };
        Later(declined ? "PAYMENT.CAPTURE.DENIED" : "PAYMENT.CAPTURE.COMPLETED", "capture", capture.DeepClone());
        return (201, Public(order));
    }

    private (int, JsonNode) Refund(string captureId, JsonObject body)
    {
        if (!captures.TryGetValue(captureId, out var entry))
            return NotFound();
        var capture = entry.Capture;
        if (capture["status"]?.GetValue<string>() is not ("COMPLETED" or "PARTIALLY_REFUNDED"))
            return (422, Issue("UNPROCESSABLE_ENTITY", "CAPTURE_FULLY_REFUNDED", "The capture has been fully refunded or was not completed."));
        var currency = capture["amount"]!["currency_code"]!.GetValue<string>();
        var captured = decimal.Parse(capture["amount"]!["value"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var refunded = capture["refunded"]?.GetValue<decimal>() ?? 0m;
        var amount = captured - refunded;
        if (body["amount"] is { } requested)
        {
            if (requested["currency_code"]?.GetValue<string>() != currency)
                return (422, Issue("UNPROCESSABLE_ENTITY", "REFUND_CURRENCY_MISMATCH", "Refund currency must match the capture currency."));
            if (!decimal.TryParse(requested["value"]?.GetValue<string>(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount) || amount <= 0)
                return (422, Issue("UNPROCESSABLE_ENTITY", "INVALID_PARAMETER_VALUE", "amount.value is not valid."));
        }
        if (amount > captured - refunded)
            return (422, Issue("UNPROCESSABLE_ENTITY", "REFUND_AMOUNT_EXCEEDED", "The refund amount must be less than or equal to the capture amount that has not yet been refunded."));
        capture["refunded"] = refunded + amount;
        capture["status"] = refunded + amount == captured ? "REFUNDED" : "PARTIALLY_REFUNDED";
        var refundId = SandboxPages.Id("", 17).ToUpperInvariant();
        var refund = new JsonObject
        {
            ["id"] = refundId,
            ["status"] = "COMPLETED",
            ["amount"] = new JsonObject { ["currency_code"] = currency, ["value"] = Amounts.PayPalValue(amount) },
            ["custom_id"] = body["custom_id"]?.DeepClone(),
            ["invoice_id"] = body["invoice_id"]?.DeepClone(),
            ["note_to_payer"] = body["note_to_payer"]?.DeepClone(),
            ["create_time"] = Now(),
            ["update_time"] = Now(),
            ["links"] = new JsonArray(Link($"{Base}/v2/payments/refunds/{refundId}", "self", "GET"),
                Link($"{Base}/v2/payments/captures/{captureId}", "up", "GET")),
        };
        Later("PAYMENT.CAPTURE.REFUNDED", "refund", refund.DeepClone());
        return (201, refund);
    }

    /// <summary>POST /disputes?capture_id=...&amp;outcome=created|won|lost: a dispute opens, or is resolved.</summary>
    private IResult Dispute(HttpContext context)
    {
        var outcome = context.Request.Query["outcome"].ToString();
        lock (gate)
        {
            if (!captures.TryGetValue(context.Request.Query["capture_id"].ToString(), out var entry))
                return Results.NotFound();
            if (outcome is not ("created" or "won" or "lost"))
                return Results.BadRequest("outcome must be created, won or lost.");
            var capture = entry.Capture;
            capture["dispute_id"] ??= SandboxPages.Id("PP-D-", 8).ToUpperInvariant();
            var dispute = new JsonObject
            {
                ["dispute_id"] = capture["dispute_id"]!.DeepClone(),
                ["create_time"] = Now(),
                ["update_time"] = Now(),
                ["disputed_transactions"] = new JsonArray(new JsonObject
                {
                    ["seller_transaction_id"] = capture["id"]!.DeepClone(),
                    ["invoice_number"] = capture["invoice_id"]?.DeepClone(),
                    ["custom"] = capture["custom_id"]?.DeepClone(),
                }),
                ["reason"] = "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
                ["status"] = outcome == "created" ? "OPEN" : "RESOLVED",
                ["dispute_amount"] = capture["amount"]!.DeepClone(),
            };
            if (outcome != "created")
                dispute["dispute_outcome"] = new JsonObject { ["outcome_code"] = outcome == "won" ? "RESOLVED_SELLER_FAVOUR" : "RESOLVED_BUYER_FAVOUR" };
            Later(outcome == "created" ? "CUSTOMER.DISPUTE.CREATED" : "CUSTOMER.DISPUTE.RESOLVED", "dispute", dispute.DeepClone());
            return Results.Content(dispute.ToJsonString(), "application/json");
        }
    }

    private void Later(string type, string resourceType, JsonNode resource) =>
        callbacks.Enqueue(Provider, () => Event(type, resourceType, resource));

    /// <summary>A webhook event with PayPal's transmission headers, signed with the sandbox key over
    /// "transmissionId|transmissionTime|webhookId|crc32(body)".</summary>
    private HttpRequestMessage Event(string type, string resourceType, JsonNode resource)
    {
        var body = new JsonObject
        {
            ["id"] = "WH-" + SandboxPages.Id("", 17).ToUpperInvariant(),
            ["event_version"] = "1.0",
            ["create_time"] = Now(),
            ["resource_type"] = resourceType,
            ["event_type"] = type,
            ["summary"] = $"Sandbox {type}",
            ["resource"] = resource,
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        var transmissionId = Guid.NewGuid().ToString();
        var transmissionTime = Now();
        var signature = PayPalSignature.Sign(signing.Value.Key, PayPalSignature.SignedString(transmissionId, transmissionTime, Options.WebhookId!, bytes));
        var message = new HttpRequestMessage(HttpMethod.Post, Options.SandboxWebhookUrl) { Content = new ByteArrayContent(bytes) };
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        message.Headers.Add(PayPalSignature.TransmissionId, transmissionId);
        message.Headers.Add(PayPalSignature.TransmissionTime, transmissionTime);
        message.Headers.Add(PayPalSignature.TransmissionSig, signature);
        message.Headers.Add(PayPalSignature.CertUrl, $"{Base}/v1/notifications/certs/{CertificateName}");
        message.Headers.Add(PayPalSignature.AuthAlgo, PayPalSignature.Algorithm);
        return message;
    }

    /// <summary>The order as PayPal shows it (without what the sandbox keeps for itself).</summary>
    private static JsonObject Public(JsonObject order)
    {
        var copy = (JsonObject)order.DeepClone();
        copy.Remove("sandbox");
        return copy;
    }

    private string Now() => clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static JsonObject Link(string href, string rel, string method) => new() { ["href"] = href, ["rel"] = rel, ["method"] = method };

    private static JsonObject Issue(string name, string issue, string description) => new()
    {
        ["name"] = name,
        ["message"] = "The requested action could not be performed, semantically incorrect, or failed business validation.",
        ["details"] = new JsonArray(new JsonObject { ["issue"] = issue, ["description"] = description }),
    };

    private static (int, JsonNode) NotFound() => (404, Issue("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist."));

    private static IResult Json(int status, JsonNode body) => Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    private static (RSA, X509Certificate2) CreateSigningKey(DateTimeOffset now)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=GoShop PayPal sandbox, O=GoShop (sandbox only)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return (key, request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1)));
    }

    public void Dispose()
    {
        if (!signing.IsValueCreated)
            return;
        signing.Value.Key.Dispose();
        signing.Value.Certificate.Dispose();
    }
}
