using System.Text.Json;
using GoShop.PaymentGateways.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace GoShop.PaymentGateways.Stripe;

/// <summary>
/// Stripe PaymentIntents through Stripe.net (API base configurable; requests go through the
/// <see cref="PaymentGatewayHttpClients.Providers"/> HttpClient). VND is zero-decimal. The buyer confirms with
/// Stripe.js using <c>clientSecret</c>; in sandbox mode a hosted confirmation page of the simulator is offered as
/// <c>redirectUrl</c> too.
/// </summary>
public sealed class StripeGateway(
    IOptionsMonitor<PaymentGatewaysOptions> options,
    IHttpClientFactory httpClients,
    ILogger<StripeGateway> logger) : IPaymentGateway
{
    /// <summary>The PaymentIntent metadata key that carries our reference (and refunds' refund reference).</summary>
    public const string ReferenceKey = "goshop_reference";
    public const string RefundReferenceKey = "goshop_refund_reference";

    public GatewayKind Kind => GatewayKind.Stripe;

    private StripeOptions Options => options.CurrentValue.Stripe;

    public async Task<ChargeSession> CreateChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        var o = Configured();
        var currency = request.Currency.ToLowerInvariant();
        var create = new PaymentIntentCreateOptions
        {
            Amount = Amounts.StripeMinor(request.Amount, request.Currency),
            Currency = currency,
            Description = request.Description,
            Metadata = new Dictionary<string, string> { [ReferenceKey] = request.Reference },
            PaymentMethod = request.SavedMethodToken,
        };
        var intent = await Call(service => new PaymentIntentService(service)
            .CreateAsync(create, new RequestOptions { IdempotencyKey = $"pi-{request.Reference}" }, cancellationToken)).ConfigureAwait(false);
        if (intent is null)
            throw new PaymentGatewayException(Kind, "INVALID_RESPONSE", "Stripe answered no PaymentIntent.");
        var redirect = o.CheckoutPageUrl is { } page
            ? $"{page.TrimEnd('/')}/{Uri.EscapeDataString(intent.Id)}?client_secret={Uri.EscapeDataString(intent.ClientSecret)}&return_url={Uri.EscapeDataString(request.ReturnUrl)}"
            : null;
        return new ChargeSession(intent.Id, redirect, intent.ClientSecret,
            Amounts.FromStripeMinor(intent.Amount, intent.Currency), intent.Currency.ToUpperInvariant(), null);
    }

    /// <summary>
    /// PaymentIntents capture automatically: this reads the intent and tells whether the money is there
    /// (succeeded), still coming (processing, requires_*), or not (canceled).
    /// </summary>
    public async Task<GatewayCallResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        Configured();
        var intent = await Call(service => new PaymentIntentService(service)
            .GetAsync(request.ProviderReference, null, null, cancellationToken)).ConfigureAwait(false);
        var status = intent.Status switch
        {
            "succeeded" => GatewayCallStatus.Succeeded,
            "canceled" => GatewayCallStatus.Failed,
            _ => GatewayCallStatus.Pending,
        };
        return new GatewayCallResult(status, intent.LatestChargeId ?? intent.Id,
            Amounts.FromStripeMinor(intent.AmountReceived, intent.Currency), intent.Currency.ToUpperInvariant(), intent.Status, null);
    }

    public async Task<GatewayCallResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        Configured();
        var create = new RefundCreateOptions
        {
            PaymentIntent = request.ProviderReference,
            Amount = Amounts.StripeMinor(request.Amount, request.Currency),
            Reason = "requested_by_customer",
            Metadata = new Dictionary<string, string>
            {
                [ReferenceKey] = request.Reference,
                [RefundReferenceKey] = request.RefundReference,
            },
        };
        try
        {
            var refund = await Call(service => new RefundService(service)
                .CreateAsync(create, new RequestOptions { IdempotencyKey = request.RefundReference }, cancellationToken)).ConfigureAwait(false);
            logger.LogInformation("Stripe refund {RefundReference} of {Reference}: {Status}", request.RefundReference, request.Reference, refund.Status);
            var status = refund.Status switch
            {
                "succeeded" => GatewayCallStatus.Succeeded,
                "failed" or "canceled" => GatewayCallStatus.Failed,
                _ => GatewayCallStatus.Pending,
            };
            return new GatewayCallResult(status, refund.Id, Amounts.FromStripeMinor(refund.Amount, refund.Currency),
                refund.Currency.ToUpperInvariant(), refund.Status, refund.FailureReason);
        }
        catch (PaymentGatewayException e) when (e.InnerException is StripeException { StripeError: not null } stripe && (int)stripe.HttpStatusCode < 500)
        {
            // Stripe answered and said no (already refunded, amount too large, ...): a failed refund, not an outage.
            return new GatewayCallResult(GatewayCallStatus.Failed, null, request.Amount, request.Currency, stripe.StripeError.Code, stripe.StripeError.Message);
        }
    }

    /// <summary>Synchronous verification: blocks on the PaymentIntent lookup of a dispute. Prefer <see cref="VerifyAsync"/>.</summary>
    public WebhookVerification Verify(WebhookRequest request) =>
        VerifyAsync(request, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Verifies the signature and reads the event. A dispute does not carry our reference: it is read from the
    /// disputed PaymentIntent's metadata (one API call); when that call fails the webhook is refused, so Stripe retries.
    /// </summary>
    public async ValueTask<WebhookVerification> VerifyAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var verification = VerifySignedEvent(request);
        if (verification is not WebhookVerification.Verified { Notification: { Reference: "", ProviderReference: { Length: > 0 } intentId } notification }
            || notification.Outcome is not (NotificationOutcome.ChargebackOpened or NotificationOutcome.ChargebackWon or NotificationOutcome.ChargebackLost))
            return verification;
        try
        {
            var intent = await Call(client => new PaymentIntentService(client).GetAsync(intentId, null, null, cancellationToken)).ConfigureAwait(false);
            return intent.Metadata?.GetValueOrDefault(ReferenceKey) is { Length: > 0 } reference
                ? new WebhookVerification.Verified(notification with { Reference = reference })
                : verification;
        }
        catch (PaymentGatewayException e)
        {
            return Webhooks.Refused("LOOKUP_FAILED", $"The disputed PaymentIntent could not be read ({e.Code}).");
        }
    }

    private WebhookVerification VerifySignedEvent(WebhookRequest request)
    {
        var o = Options;
        if (!o.IsConfigured)
            return Webhooks.NotConfigured(Kind);
        var payload = request.BodyText();
        if (StripeSignature.Check(request.Header(StripeSignature.Header), payload, o.WebhookSecret!, request.ReceivedAt, o.WebhookTolerance) is { } refusal)
            return Webhooks.Refused(refusal.Reason, refusal.Detail);
        if (request.JsonBody() is not { } root
            || root.Prop("id").Str() is not { Length: > 0 } eventId
            || root.Prop("type").Str() is not { Length: > 0 } type
            || root.Path("data", "object") is not { } data)
            return Webhooks.Refused("MALFORMED", "Not a Stripe event.");
        var occurredAt = root.Prop("created").Long() is { } created ? DateTimeOffset.FromUnixTimeSeconds(created) : request.ReceivedAt;
        var notification = type switch
        {
            "payment_intent.succeeded" => Intent(eventId, data, NotificationOutcome.Captured, "amount_received", occurredAt),
            "payment_intent.amount_capturable_updated" => Intent(eventId, data, NotificationOutcome.Authorized, "amount_capturable", occurredAt),
            "payment_intent.payment_failed" => Intent(eventId, data, NotificationOutcome.Failed, "amount", occurredAt),
            "payment_intent.canceled" => Intent(eventId, data, NotificationOutcome.Cancelled, "amount", occurredAt),
            "charge.refunded" => ChargeRefunded(eventId, data, occurredAt),
            "refund.updated" or "charge.refund.updated" or "refund.created" => Refund(eventId, data, occurredAt),
            "charge.dispute.created" => Dispute(eventId, data, NotificationOutcome.ChargebackOpened, occurredAt),
            "charge.dispute.closed" => Dispute(eventId, data,
                data.Prop("status").Str() == "lost" ? NotificationOutcome.ChargebackLost : NotificationOutcome.ChargebackWon, occurredAt),
            _ => null,
        };
        notification ??= new GatewayNotification(Kind, eventId, data.Path("metadata", ReferenceKey).Str() ?? "", data.Prop("id").Str(),
            NotificationOutcome.Ignored, 0, "", type, null, occurredAt);
        return new WebhookVerification.Verified(notification);
    }

    public WebhookReply Reply(WebhookHandling handling) => handling switch
    {
        WebhookHandling.Recorded or WebhookHandling.AlreadyRecorded => Webhooks.Json(200, """{"received":true}"""),
        // Retrying will not make an unknown payment known: acknowledge it (it is logged by the caller).
        WebhookHandling.UnknownPayment => Webhooks.Json(200, """{"received":true,"unknown":true}"""),
        WebhookHandling.AmountMismatch or WebhookHandling.Refused => Webhooks.Json(400, """{"received":false}"""),
        _ => Webhooks.Json(500, """{"received":false}"""),
    };

    private GatewayNotification Intent(string eventId, JsonElement intent, NotificationOutcome outcome, string amountField, DateTimeOffset at)
    {
        var currency = intent.Prop("currency").Str() ?? "";
        var error = intent.Prop("last_payment_error");
        return new GatewayNotification(Kind, eventId, intent.Path("metadata", ReferenceKey).Str() ?? "",
            intent.Prop("latest_charge").Str() ?? intent.Prop("id").Str(), outcome,
            Amounts.FromStripeMinor(intent.Prop(amountField).Long() ?? intent.Prop("amount").Long() ?? 0, currency), currency.ToUpperInvariant(),
            error?.Prop("decline_code").Str() ?? error?.Prop("code").Str() ?? intent.Prop("status").Str(),
            error?.Prop("message").Str() ?? intent.Prop("cancellation_reason").Str(), at)
        {
            ProviderReference = intent.Prop("id").Str(),
        };
    }

    /// <summary>charge.refunded: the newest refund in the charge's refund list, when it is one of ours.</summary>
    private GatewayNotification ChargeRefunded(string eventId, JsonElement charge, DateTimeOffset at)
    {
        var refund = charge.Path("refunds", "data").First();
        if (refund is { } r && r.Path("metadata", RefundReferenceKey).Str() is not null)
            return Refund(eventId, r, at) with { ProviderReference = charge.Prop("payment_intent").Str() };
        var currency = charge.Prop("currency").Str() ?? "";
        return new GatewayNotification(Kind, eventId, charge.Path("metadata", ReferenceKey).Str() ?? "", charge.Prop("id").Str(),
            NotificationOutcome.Ignored, Amounts.FromStripeMinor(charge.Prop("amount_refunded").Long() ?? 0, currency),
            currency.ToUpperInvariant(), "refund_not_ours", "A refund without our refund reference.", at)
        {
            ProviderReference = charge.Prop("payment_intent").Str(),
        };
    }

    private GatewayNotification Refund(string eventId, JsonElement refund, DateTimeOffset at)
    {
        var currency = refund.Prop("currency").Str() ?? "";
        var status = refund.Prop("status").Str();
        return new GatewayNotification(Kind, eventId, refund.Path("metadata", RefundReferenceKey).Str() ?? "", refund.Prop("id").Str(),
            status == "succeeded" ? NotificationOutcome.Refunded : NotificationOutcome.Ignored,
            Amounts.FromStripeMinor(refund.Prop("amount").Long() ?? 0, currency), currency.ToUpperInvariant(), status,
            refund.Prop("failure_reason").Str(), at)
        {
            ProviderReference = refund.Prop("payment_intent").Str(),
        };
    }

    /// <summary>Disputes do not carry our metadata: the reference is filled in by <see cref="VerifyAsync"/> from the
    /// PaymentIntent (<see cref="GatewayNotification.ProviderReference"/>).</summary>
    private GatewayNotification Dispute(string eventId, JsonElement dispute, NotificationOutcome outcome, DateTimeOffset at)
    {
        var currency = dispute.Prop("currency").Str() ?? "";
        return new GatewayNotification(Kind, eventId, dispute.Path("metadata", ReferenceKey).Str() ?? "", dispute.Prop("id").Str(), outcome,
            Amounts.FromStripeMinor(dispute.Prop("amount").Long() ?? 0, currency), currency.ToUpperInvariant(), dispute.Prop("status").Str(),
            dispute.Prop("reason").Str(), at)
        {
            ProviderReference = dispute.Prop("payment_intent").Str(),
        };
    }

    private async Task<T> Call<T>(Func<IStripeClient, Task<T>> call)
    {
        var o = Options;
        var client = new StripeClient(
            apiKey: o.SecretKey,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(PaymentGatewayHttpClients.Providers), maxNetworkRetries: 1),
            apiBase: o.ApiBase!.TrimEnd('/'));
        try
        {
            return await call(client).ConfigureAwait(false);
        }
        catch (StripeException e)
        {
            throw new PaymentGatewayException(Kind, e.StripeError is null ? "GATEWAY_UNAVAILABLE" : "PROVIDER_REJECTED",
                $"Stripe: {e.StripeError?.Message ?? e.Message}", e.StripeError?.Code, e);
        }
        catch (HttpRequestException e)
        {
            throw new PaymentGatewayException(Kind, "GATEWAY_UNAVAILABLE", "Stripe could not be reached.", null, e);
        }
    }

    private StripeOptions Configured()
    {
        var o = Options;
        return o.IsConfigured ? o : throw new PaymentGatewayException(Kind, "GATEWAY_NOT_CONFIGURED", "Stripe has no credentials configured.");
    }
}
