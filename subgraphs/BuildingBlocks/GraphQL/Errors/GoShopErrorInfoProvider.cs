using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQL.Validation.Errors.Custom;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Hosting;

namespace GoShop.BuildingBlocks.GraphQL.Errors;

/// <summary>
/// Shapes every GraphQL error the same way in every subgraph: a stable <c>extensions.code</c> from
/// <see cref="ErrorCodes"/>, and, outside development, nothing about unexpected exceptions but a generic message
/// (the exception itself is logged by the unhandled-exception handler).
/// </summary>
public sealed class GoShopErrorInfoProvider(IHostEnvironment environment) : IErrorInfoProvider
{
    private readonly bool _exposeDetails = environment.IsDevelopment();

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var (code, message) = Classify(executionError);
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (executionError is ValidationError { Number: not null } validation)
            extensions["rule"] = validation.Number;
        if (executionError.Extensions is { Count: > 0 } custom)
        {
            foreach (var (key, value) in custom)
                extensions[key] = value;
        }
        if (_exposeDetails && code == ErrorCodes.InternalServerError && executionError is UnhandledError { InnerException: { } exception })
            extensions["exception"] = exception.ToString();
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private (string Code, string Message) Classify(ExecutionError error) => error switch
    {
        // The parser's nesting limit is the client's fault, not an unexpected error (GraphQL.NET reports it as unhandled).
        UnhandledError { InnerException: GraphQLMaxDepthExceededException } => (ErrorCodes.ParseFailed, "The document nests deeper than the parser allows."),
        UnhandledError unhandled => (ErrorCodes.InternalServerError,
            _exposeDetails && unhandled.InnerException is not null
                ? $"{unhandled.Message} {unhandled.InnerException.Message}"
                : "An unexpected error occurred. It has been logged; please try again later."),
        SyntaxError => (ErrorCodes.ParseFailed, error.Message),
        InvalidVariableError => (ErrorCodes.BadUserInput, error.Message),
        ArgumentsOfCorrectTypeError => (ErrorCodes.BadUserInput, error.Message),
        ComplexityError => (ErrorCodes.QueryTooComplex, error.Message),
        TimeoutError => (ErrorCodes.Timeout, error.Message),
        ValidationError => (ErrorCodes.ValidationFailed, error.Message),
        DocumentError => (ErrorCodes.BadUserInput, error.Message),
        // A code set on purpose (see GraphQLErrors) travels as it is.
        { Code: { Length: > 0 } code, InnerException: null } => (code, error.Message),
        { InnerException: null } => (ErrorCodes.BadUserInput, error.Message),
        _ => (ErrorCodes.InternalServerError, _exposeDetails ? error.Message : "An unexpected error occurred."),
    };
}
