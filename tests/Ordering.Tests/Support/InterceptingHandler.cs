namespace GoShop.Ordering.Tests.Support;

/// <summary>
/// Sits in front of a fake internal API so a test can step in between two calls of a placement: make something happen
/// first (another buyer takes the last units), or answer instead of the fake (a redemption lost to a race, an outage).
/// Without an interception every request goes to the fake.
/// </summary>
public sealed class InterceptingHandler(HttpMessageHandler fake) : HttpMessageHandler
{
    // Not disposing the fake: the client factory disposes the handlers it rotates out, the fake lives as long as the app.
    private readonly HttpMessageInvoker _fake = new(fake, disposeHandler: false);

    /// <summary>Sees each request first; a response it returns is the answer, null lets the fake answer.</summary>
    public Func<HttpRequestMessage, Task<HttpResponseMessage?>>? Intercept { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        (Intercept is { } intercept ? await intercept(request) : null) ?? await _fake.SendAsync(request, cancellationToken);
}
