namespace GoShop.BuildingBlocks.GraphQL.Transport;

/// <summary>A request the endpoint refuses before running anything: answered with <see cref="Status"/> and one error.</summary>
internal sealed class RequestRejected(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
