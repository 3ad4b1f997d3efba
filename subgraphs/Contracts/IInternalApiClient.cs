namespace GoShop.Contracts;

/// <summary>
/// A typed client of one subgraph's internal API (its routes under <c>/internal</c>). The subgraph it calls is part of
/// its type, so registering it (<c>services.AddInternalApiClient&lt;TClient&gt;(configuration)</c>) needs no name or port.
/// </summary>
public interface IInternalApiClient
{
    /// <summary>The subgraph that serves the routes this client calls.</summary>
    static abstract Subgraph Owner { get; }
}
