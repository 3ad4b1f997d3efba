using System.Collections.Concurrent;

namespace GoShop.PaymentGateways.Tests.Support;

/// <summary>Answers provider calls from a function and keeps the requests (to count downloads).</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public ConcurrentQueue<Uri> Calls { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls.Enqueue(request.RequestUri!);
        return Task.FromResult(answer(request));
    }
}
