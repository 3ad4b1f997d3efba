using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.Gateway.Validation;
using GraphQL.Execution;

namespace GoShop.Gateway.Execution;

/// <summary>
/// Errors as the subgraphs shape them (<see cref="GoShopErrorInfoProvider"/>); a subgraph's error keeps the
/// message and extensions it was given, with <c>serviceName</c> added.
/// </summary>
internal sealed class GatewayErrorInfoProvider(IHostEnvironment environment) : IErrorInfoProvider
{
    private readonly GoShopErrorInfoProvider _platform = new(environment);

    public ErrorInfo GetInfo(GraphQL.ExecutionError executionError)
    {
        switch (executionError)
        {
            case MaxAliasesError:
                return new ErrorInfo { Message = executionError.Message, Extensions = new Dictionary<string, object?> { ["code"] = ErrorCodes.QueryTooComplex } };
        }
        if (executionError is not GatewayError error)
            return _platform.GetInfo(executionError);
        var extensions = new Dictionary<string, object?>();
        if (error.SubgraphExtensions is { } fromSubgraph)
        {
            foreach (var (key, value) in fromSubgraph)
                extensions[key] = value;
        }
        else
        {
            extensions["code"] = error.Code;
            if (error.ServiceName is not null)
                extensions["serviceName"] = error.ServiceName;
        }
        return new ErrorInfo { Message = error.Message, Extensions = extensions };
    }
}
