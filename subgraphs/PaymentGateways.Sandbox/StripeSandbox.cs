using System.Globalization;
using System.Text;
using System.Text.Json;
using GoShop.PaymentGateways.Stripe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GoShop.PaymentGateways.Sandbox;

/// <summary>
/// Plays the subset of Stripe's API that Stripe.net calls here (create/retrieve/cancel PaymentIntents, create
/// refunds; secret key and Idempotency-Key honoured), a hosted confirmation page (<c>/checkout/{id}</c>) standing in
/// for Stripe.js, and signed events (<c>Stripe-Signature</c>) to <c>Stripe:SandboxWebhookUrl</c>; <c>/disputes</c>
/// opens or closes a dispute. State is in memory (one instance per process).
/// </summary>
public sealed class StripeSandbox(IOptionsMonitor<PaymentGatewaysOptions> options, SandboxCallbacks callbacks, TimeProvider clock)
{
    private const string Provider = "Stripe";
    private readonly Lock gate = new();
    private readonly Dictionary<string, Intent> intents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Status, string Body)> idempotent = new(StringComparer.Ordinal);

    private StripeOptions Options => options.CurrentValue.Stripe;

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/v1/payment_intents", (HttpContext context, StripeSandbox sandbox) =>
            sandbox.Api(context, form => sandbox.CreateIntent(form)));
        group.MapGet("/v1/payment_intents/{id}", (string id, HttpContext context, StripeSandbox sandbox) =>
            sandbox.Api(context, _ => sandbox.WithIntent(id, intent => (200, intent.Json()))));
        group.MapPost("/v1/payment_intents/{id}/cancel", (string id, HttpContext context, StripeSandbox sandbox) =>
            sandbox.Api(context, form => sandbox.CancelIntent(id, form)));
        group.MapPost("/v1/refunds", (HttpContext context, StripeSandbox sandbox) =>
            sandbox.Api(context, form => sandbox.CreateRefund(form)));
        group.MapGet("/checkout/{id}", (string id, HttpContext context, StripeSandbox sandbox) => sandbox.CheckoutAsync(id, context));
        group.MapPost("/disputes", (HttpContext context, StripeSandbox sandbox) => sandbox.Dispute(context));
    }

    /// <summary>An API call: the secret key is checked, a POST's Idempotency-Key replays the first answer.</summary>
    private async Task<IResult> Api(HttpContext context, Func<IFormCollection, (int Status, object Body)> handle)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization != $"Bearer {Options.SecretKey}")
            return Error(401, "invalid_request_error", "api_key_invalid", "Invalid API Key provided.");
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var scope = $"{context.Request.Path}|{key}";
        lock (gate)
        {
            if (HttpMethods.IsPost(context.Request.Method) && key.Length > 0 && idempotent.TryGetValue(scope, out var earlier))
                return Results.Content(earlier.Body, "application/json", Encoding.UTF8, earlier.Status);
            var (status, body) = handle(form);
            var json = body as string ?? JsonSerializer.Serialize(body);
            if (HttpMethods.IsPost(context.Request.Method) && key.Length > 0)
                idempotent[scope] = (status, json);
            return Results.Content(json, "application/json", Encoding.UTF8, status);
        }
    }

    private (int, object) CreateIntent(IFormCollection form)
    {
        if (!long.TryParse(form["amount"], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1)
            return Failure(400, "invalid_request_error", "parameter_missing", "amount must be a positive integer.", "amount");
        if (form["currency"].ToString() is not { Length: 3 } currency)
            return Failure(400, "invalid_request_error", "parameter_missing", "currency is required.", "currency");
        var id = SandboxPages.Id("pi_");
        var metadata = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
            .ToDictionary(f => f.Key[9..^1], f => f.Value.ToString(), StringComparer.Ordinal);
        var intent = new Intent(id, $"{id}_secret_{SandboxPages.Id("", 24)}", amount, currency.ToLowerInvariant(), form["description"].ToString(),
            metadata, clock.GetUtcNow().ToUnixTimeSeconds())
        {
            Status = string.IsNullOrEmpty(form["payment_method"]) ? "requires_payment_method" : "requires_confirmation",
            PaymentMethod = string.IsNullOrEmpty(form["payment_method"]) ? null : form["payment_method"].ToString(),
        };
        intents[id] = intent;
        return (200, intent.Json());
    }

    private (int, object) WithIntent(string id, Func<Intent, (int, object)> then) =>
        intents.TryGetValue(id, out var intent)
            ? then(intent)
            : Failure(404, "invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'", "intent");

    private (int, object) CancelIntent(string id, IFormCollection form) => WithIntent(id, intent =>
    {
        if (intent.Status is "succeeded" or "canceled")
            return Failure(400, "invalid_request_error", "payment_intent_unexpected_state",
                $"You cannot cancel this PaymentIntent because it has a status of {intent.Status}.", null);
        intent.Status = "canceled";
        intent.CancellationReason = form["cancellation_reason"].ToString() is { Length: > 0 } reason ? reason : "requested_by_customer";
        Later("payment_intent.canceled", intent.Json());
        return (200, intent.Json());
    });

    private (int, object) CreateRefund(IFormCollection form) => WithIntent(form["payment_intent"].ToString(), intent =>
    {
        if (intent.Status != "succeeded")
            return Failure(400, "invalid_request_error", "charge_not_refundable", "This PaymentIntent has no successful charge to refund.", "payment_intent");
        var remaining = intent.Amount - intent.Refunds.Sum(r => r.Amount);
        var amount = long.TryParse(form["amount"], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : remaining;
        if (amount < 1 || amount > remaining)
            return Failure(400, "invalid_request_error", "amount_too_large", $"Refund amount ({amount}) is greater than unrefunded amount on charge ({remaining}).", "amount");
        var metadata = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
            .ToDictionary(f => f.Key[9..^1], f => f.Value.ToString(), StringComparer.Ordinal);
        var refund = new Refund(SandboxPages.Id("re_"), amount, intent, metadata, form["reason"].ToString(), clock.GetUtcNow().ToUnixTimeSeconds());
        intent.Refunds.Insert(0, refund);
        Later("charge.refunded", intent.ChargeJson());
        return (200, refund.Json());
    });

    private async Task<IResult> CheckoutAsync(string id, HttpContext context)
    {
        Intent? intent;
        lock (gate)
            intent = intents.GetValueOrDefault(id);
        if (intent is null || context.Request.Query["client_secret"] != intent.ClientSecret)
            return SandboxPages.Error(404, Provider, "No such PaymentIntent, or a wrong client_secret.");
        if (intent.Status is not ("requires_payment_method" or "requires_confirmation" or "requires_action"))
            return SandboxPages.Error(400, Provider, $"This PaymentIntent is {intent.Status}.");
        var returnUrl = context.Request.Query["return_url"].ToString();
        var outcome = SandboxPages.OutcomeOf(context.Request);
        if (outcome is null)
            return SandboxPages.Choose(context.Request, Provider, $"Confirm {intent.Amount} {intent.Currency.ToUpperInvariant()} (PaymentIntent {intent.Id}) with test card 4242 4242 4242 4242.");
        if (!SandboxPages.IsKnownOutcome(outcome))
            return SandboxPages.Error(400, Provider, "outcome must be success, failure or cancel.");
        string type;
        lock (gate)
        {
            switch (outcome)
            {
                case "success":
                    intent.Status = "succeeded";
                    intent.LatestCharge = SandboxPages.Id("ch_");
                    intent.LastPaymentError = null;
                    type = "payment_intent.succeeded";
                    break;
                case "failure":
                    intent.Status = "requires_payment_method";
                    intent.LatestCharge = SandboxPages.Id("ch_");
                    intent.LastPaymentError = new Dictionary<string, object?>
                    {
                        ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "insufficient_funds",
                        ["message"] = "Your card has insufficient funds.", ["charge"] = intent.LatestCharge,
                    };
                    type = "payment_intent.payment_failed";
                    break;
                default:
                    intent.Status = "canceled";
                    intent.CancellationReason = "abandoned";
                    type = "payment_intent.canceled";
                    break;
            }
        }
        await callbacks.SendAsync(Provider, Event(type, intent.Json()), context.RequestAborted);
        if (!Uri.TryCreate(returnUrl, UriKind.Absolute, out _))
            return Results.Content($"PaymentIntent {intent.Id}: {intent.Status}", "text/plain");
        var status = outcome switch { "success" => "succeeded", "failure" => "failed", _ => "canceled" };
        return Results.Redirect(SandboxPages.AppendQuery(returnUrl,
            $"payment_intent={intent.Id}&payment_intent_client_secret={Uri.EscapeDataString(intent.ClientSecret)}&redirect_status={status}"));
    }

    /// <summary>POST /disputes?payment_intent=pi_...&amp;status=needs_response|won|lost: a dispute opens (needs_response) or closes.</summary>
    private IResult Dispute(HttpContext context)
    {
        var status = context.Request.Query["status"].ToString();
        lock (gate)
        {
            if (!intents.TryGetValue(context.Request.Query["payment_intent"].ToString(), out var intent) || intent.Status != "succeeded")
                return Results.NotFound();
            if (status is not ("needs_response" or "won" or "lost"))
                return Results.BadRequest("status must be needs_response, won or lost.");
            intent.DisputeId ??= SandboxPages.Id("dp_");
            var dispute = new Dictionary<string, object?>
            {
                ["id"] = intent.DisputeId, ["object"] = "dispute", ["amount"] = intent.Amount, ["currency"] = intent.Currency,
                ["charge"] = intent.LatestCharge, ["payment_intent"] = intent.Id, ["reason"] = "fraudulent", ["status"] = status,
                ["metadata"] = new Dictionary<string, string>(), ["created"] = clock.GetUtcNow().ToUnixTimeSeconds(), ["livemode"] = false,
            };
            Later(status == "needs_response" ? "charge.dispute.created" : "charge.dispute.closed", dispute);
            return Results.Json(dispute);
        }
    }

    private void Later(string type, object data) => callbacks.Enqueue(Provider, () => Event(type, data));

    /// <summary>A Stripe event to the webhook, signed the way Stripe signs: t={now},v1=HMAC-SHA256(secret, "t.body").</summary>
    private HttpRequestMessage Event(string type, object data)
    {
        var created = clock.GetUtcNow().ToUnixTimeSeconds();
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = SandboxPages.Id("evt_"), ["object"] = "event", ["api_version"] = global::Stripe.StripeConfiguration.ApiVersion,
            ["created"] = created, ["livemode"] = false, ["pending_webhooks"] = 1, ["type"] = type,
            ["data"] = new Dictionary<string, object?> { ["object"] = data },
            ["request"] = new Dictionary<string, object?> { ["id"] = null, ["idempotency_key"] = null },
        });
        var message = new HttpRequestMessage(HttpMethod.Post, Options.SandboxWebhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        message.Headers.Add(StripeSignature.Header, StripeSignature.HeaderValue(Options.WebhookSecret!, created, body));
        return message;
    }

    private static (int, object) Failure(int status, string type, string code, string message, string? param) =>
        (status, new { error = new { type, code, message, param } });

    private static IResult Error(int status, string type, string code, string message) =>
        Results.Json(new { error = new { type, code, message } }, statusCode: status);

    private sealed class Intent(string id, string clientSecret, long amount, string currency, string description, Dictionary<string, string> metadata, long created)
    {
        public string Id { get; } = id;
        public string ClientSecret { get; } = clientSecret;
        public long Amount { get; } = amount;
        public string Currency { get; } = currency;
        public string Status { get; set; } = "requires_payment_method";
        public string? PaymentMethod { get; set; }
        public string? LatestCharge { get; set; }
        public string? CancellationReason { get; set; }
        public string? DisputeId { get; set; }
        public Dictionary<string, object?>? LastPaymentError { get; set; }
        public List<Refund> Refunds { get; } = [];

        public Dictionary<string, object?> Json() => new()
        {
            ["id"] = Id, ["object"] = "payment_intent", ["amount"] = Amount, ["amount_capturable"] = 0,
            ["amount_received"] = Status == "succeeded" ? Amount : 0, ["currency"] = Currency, ["status"] = Status,
            ["client_secret"] = ClientSecret, ["description"] = description, ["metadata"] = metadata, ["latest_charge"] = LatestCharge,
            ["last_payment_error"] = LastPaymentError, ["cancellation_reason"] = CancellationReason, ["capture_method"] = "automatic",
            ["confirmation_method"] = "automatic", ["payment_method"] = PaymentMethod, ["payment_method_types"] = new[] { "card" },
            ["created"] = created, ["livemode"] = false,
        };

        public Dictionary<string, object?> ChargeJson()
        {
            var refunded = Refunds.Sum(r => r.Amount);
            return new()
            {
                ["id"] = LatestCharge, ["object"] = "charge", ["amount"] = Amount, ["amount_captured"] = Amount, ["amount_refunded"] = refunded,
                ["currency"] = Currency, ["paid"] = true, ["captured"] = true, ["refunded"] = refunded == Amount, ["status"] = "succeeded",
                ["payment_intent"] = Id, ["metadata"] = metadata, ["created"] = created, ["livemode"] = false,
                ["refunds"] = new Dictionary<string, object?>
                {
                    ["object"] = "list", ["data"] = Refunds.Select(r => r.Json()).ToArray(), ["has_more"] = false, ["total_count"] = Refunds.Count,
                },
            };
        }
    }

    private sealed class Refund(string id, long amount, Intent intent, Dictionary<string, string> metadata, string reason, long created)
    {
        public long Amount { get; } = amount;

        public Dictionary<string, object?> Json() => new()
        {
            ["id"] = id, ["object"] = "refund", ["amount"] = Amount, ["currency"] = intent.Currency, ["status"] = "succeeded",
            ["payment_intent"] = intent.Id, ["charge"] = intent.LatestCharge, ["metadata"] = metadata,
            ["reason"] = reason.Length > 0 ? reason : null, ["created"] = created,
        };
    }
}
