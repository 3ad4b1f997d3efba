namespace GoShop.BuildingBlocks.GraphQL.Errors;

/// <summary>
/// The <c>extensions.code</c> values of top-level GraphQL errors. Expected business failures are not here:
/// they are <c>userErrors</c> in mutation payloads with their own domain codes.
/// </summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string NotFound = "NOT_FOUND";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string Timeout = "TIMEOUT";
}
