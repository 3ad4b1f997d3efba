using GoShop.BuildingBlocks.GraphQL.Errors;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace GoShop.BuildingBlocks.Tests.Errors;

/// <summary>Every error leaves a subgraph with a stable extensions.code, and without internals outside development.</summary>
public sealed class GoShopErrorInfoProviderTests
{
    private static readonly GoShopErrorInfoProvider Production = new(new HostingEnvironment { EnvironmentName = Environments.Production });
    private static readonly GoShopErrorInfoProvider Development = new(new HostingEnvironment { EnvironmentName = Environments.Development });

    public static TheoryData<string, string> DeliberateErrors => new()
    {
        { "unauthenticated", ErrorCodes.Unauthenticated },
        { "forbidden", ErrorCodes.Forbidden },
        { "bad input", ErrorCodes.BadUserInput },
        { "not found", ErrorCodes.NotFound },
    };

    [Theory]
    [MemberData(nameof(DeliberateErrors))]
    public void Error_raised_on_purpose_keeps_its_code_and_message(string kind, string code)
    {
        var error = kind switch
        {
            "unauthenticated" => GraphQLErrors.Unauthenticated(),
            "forbidden" => GraphQLErrors.Forbidden("Only the shop owner can do this."),
            "bad input" => GraphQLErrors.BadUserInput("'first' must be between 1 and 100."),
            _ => new ExecutionError("No such order.") { Code = ErrorCodes.NotFound },
        };

        var info = Production.GetInfo(error);

        Assert.Equal(code, info.Extensions!["code"]);
        Assert.Equal(error.Message, info.Message);
    }

    [Fact]
    public void Plain_error_without_a_cause_is_BAD_USER_INPUT()
    {
        var info = Production.GetInfo(new ExecutionError("The variable 'id' is not a valid ID."));

        Assert.Equal(ErrorCodes.BadUserInput, info.Extensions!["code"]);
        Assert.Equal("The variable 'id' is not a valid ID.", info.Message);
    }

    [Fact]
    public void Unhandled_exception_is_INTERNAL_SERVER_ERROR_with_a_generic_message_in_production()
    {
        var info = Production.GetInfo(new UnhandledError("Error trying to resolve field 'order'.", new InvalidOperationException("connection string leaked here")));

        Assert.Equal(ErrorCodes.InternalServerError, info.Extensions!["code"]);
        Assert.DoesNotContain("leaked", info.Message, StringComparison.Ordinal);
        Assert.False(info.Extensions.ContainsKey("exception"));
    }

    [Fact]
    public void Unhandled_exception_shows_its_details_in_development()
    {
        var info = Development.GetInfo(new UnhandledError("Error trying to resolve field 'order'.", new InvalidOperationException("the real cause")));

        Assert.Equal(ErrorCodes.InternalServerError, info.Extensions!["code"]);
        Assert.Equal("Error trying to resolve field 'order'. the real cause", info.Message);
        Assert.Contains("InvalidOperationException: the real cause", (string)info.Extensions["exception"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_wrapping_an_exception_is_INTERNAL_SERVER_ERROR_and_hides_its_message_in_production()
    {
        var error = new ExecutionError("Npgsql said: relation secret_table does not exist", new TimeoutException());

        Assert.Equal(ErrorCodes.InternalServerError, Production.GetInfo(error).Extensions!["code"]);
        Assert.Equal("An unexpected error occurred.", Production.GetInfo(error).Message);
        Assert.Equal(error.Message, Development.GetInfo(error).Message);
    }

    [Fact]
    public void Validation_error_is_GRAPHQL_VALIDATION_FAILED_and_names_its_rule()
    {
        var info = Production.GetInfo(new ValidationError("{ a a: b }", "5.3.2", "Fields 'a' conflict."));

        Assert.Equal(ErrorCodes.ValidationFailed, info.Extensions!["code"]);
        Assert.Equal("5.3.2", info.Extensions["rule"]);
    }

    [Fact]
    public void Extensions_set_by_the_resolver_travel_beside_the_code()
    {
        var error = GraphQLErrors.BadUserInput("Too many items.");
        error.Extensions = new Dictionary<string, object?> { ["limit"] = 50 };

        var info = Production.GetInfo(error);

        Assert.Equal(ErrorCodes.BadUserInput, info.Extensions!["code"]);
        Assert.Equal(50, info.Extensions["limit"]);
    }
}
