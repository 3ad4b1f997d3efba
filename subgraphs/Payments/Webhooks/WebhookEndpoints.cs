using System.Net;
using GoShop.BuildingBlocks.RateLimiting;
using GoShop.PaymentGateways;
using GoShop.Payments.Charges;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.Gateways;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Payments.Webhooks;

/// <summary>
/// The providers' webhooks, the only REST of GoShop besides health: <c>POST /webhooks/stripe</c>, <c>POST /webhooks/paypal</c>,
/// <c>GET|POST /webhooks/vnpay</c> (VNPay's IPN is a GET), <c>POST /webhooks/momo</c>; and <c>GET /payments/{id}/return</c>,
/// where providers send the buyer's browser back. Each webhook call is rate-limited per client address, verified by its
/// adapter before anything reads it, handled once, answered in the provider's terms and logged with its outcome (never
/// its payload or any secret).
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>The most a webhook body may be: providers send a few kilobytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static WebApplication MapPaymentWebhooks(this WebApplication app)
    {
        app.MapPost("/webhooks/stripe", Receive(PaymentGateway.Stripe));
        app.MapPost("/webhooks/paypal", Receive(PaymentGateway.Paypal));
        app.MapMethods("/webhooks/vnpay", ["GET", "POST"], Receive(PaymentGateway.Vnpay));
        app.MapPost("/webhooks/momo", Receive(PaymentGateway.Momo));
        app.MapGet("/payments/{paymentId:guid}/return", async (Guid paymentId, PaymentsDbContext db, CancellationToken cancellationToken) =>
            await db.Payments.AsNoTracking().Where(p => p.Id == paymentId).Select(p => new { paymentId = p.Id, status = p.Status.ToString() })
                .SingleOrDefaultAsync(cancellationToken) is { } payment
                ? Results.Ok(new { payment.paymentId, status = ScreamingCase(payment.status) })
                : Results.NotFound());
        return app;
    }

    private static Delegate Receive(PaymentGateway gateway) => (HttpContext http) => ReceiveAsync(http, gateway);

    private static async Task<IResult> ReceiveAsync(HttpContext http, PaymentGateway gateway)
    {
        var services = http.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookEndpoints).FullName!);
        var options = services.GetRequiredService<IOptions<PaymentsOptions>>().Value;
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limit = await services.GetRequiredService<RedisRateLimiter>().HitAsync($"webhook:{gateway}:{client}", options.WebhookRateLimitPerMinute, TimeSpan.FromMinutes(1));
        if (!limit.Allowed)
        {
            logger.LogWarning("{Gateway} webhook from {Client} refused: rate limit reached", gateway, client);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(limit.RetryAfter.TotalSeconds)).ToString();
            return Results.StatusCode((int)HttpStatusCode.TooManyRequests);
        }
        var adapter = services.GetRequiredService<GatewayDirectory>().Get(gateway);
        var request = await ReadAsync(http, services.GetRequiredService<TimeProvider>());
        if (request is null)
        {
            logger.LogWarning("{Gateway} webhook from {Client} refused: body over {Max} bytes", gateway, client, MaxBodyBytes);
            return Reply(adapter.Reply(WebhookHandling.Refused));
        }
        WebhookVerification verification;
        try
        {
            // Asynchronous: PayPal downloads its signing certificate, Stripe looks disputes up, before answering.
            verification = await adapter.VerifyAsync(request, http.RequestAborted);
        }
        catch (Exception ex) when (GatewayFailure.Of(ex, http.RequestAborted) is { } failure)
        {
            // Nothing was read or recorded: answered as a failure, so the provider sends it again later.
            logger.LogWarning(ex, "{Gateway} webhook from {Client} could not be verified: {Reason}", gateway, client, failure.Reason);
            return Reply(adapter.Reply(WebhookHandling.Failed));
        }
        WebhookHandling handling;
        switch (verification)
        {
            case WebhookVerification.Refused refused:
                logger.LogWarning("{Gateway} webhook from {Client} refused: {Reason} ({Detail})", gateway, client, refused.Reason, refused.Detail);
                handling = WebhookHandling.Refused;
                break;
            case WebhookVerification.Verified { Notification: var notification }:
                try
                {
                    handling = await services.GetRequiredService<WebhookHandler>().HandleAsync(notification, http.RequestAborted);
                    if (handling == WebhookHandling.Recorded && notification.Outcome == NotificationOutcome.Authorized)
                        await CaptureAuthorizedAsync(services, notification, logger, http.RequestAborted);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Gateway} event {EventId} could not be recorded", gateway, notification.ProviderEventId);
                    handling = WebhookHandling.Failed;
                }
                var level = handling is WebhookHandling.Recorded or WebhookHandling.AlreadyRecorded ? LogLevel.Information : LogLevel.Warning;
                logger.Log(level, "{Gateway} event {EventId} ({Outcome}) for {Reference}: {Handling}", gateway, notification.ProviderEventId,
                    notification.Outcome, notification.Reference, handling);
                break;
            default:
                throw new InvalidOperationException("An adapter answered neither Verified nor Refused.");
        }
        return Reply(adapter.Reply(handling));
    }

    /// <summary>
    /// GoShop takes the money as soon as it is authorised (a PayPal order the buyer approved): a capture that fails leaves
    /// the payment AUTHORIZED for capturePayment, and the webhook is still answered as recorded.
    /// </summary>
    private static async Task CaptureAuthorizedAsync(IServiceProvider services, GatewayNotification notification, ILogger logger, CancellationToken cancellationToken)
    {
        var captured = await services.GetRequiredService<PaymentCapture>().CaptureAsync(Guid.ParseExact(notification.Reference, "N"), cancellationToken);
        if (!captured.Succeeded && captured.Error != PaymentErrors.NotAuthorized)
            logger.LogWarning("Payment {Reference} stays authorised: {Code}", notification.Reference, captured.Error.Code);
    }

    /// <summary>The request exactly as it arrived: signatures cover the raw body. Null when it is too large.</summary>
    private static async Task<WebhookRequest?> ReadAsync(HttpContext http, TimeProvider clock)
    {
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            if (body.Length + read > MaxBodyBytes)
                return null;
            body.Write(buffer, 0, read);
        }
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new WebhookRequest(http.Request.Method, query, headers, body.ToArray(), clock.GetUtcNow());
    }

    private static IResult Reply(WebhookReply reply) =>
        reply.Body is null ? Results.StatusCode(reply.StatusCode) : Results.Text(reply.Body, reply.ContentType, statusCode: reply.StatusCode);

    private static string ScreamingCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
