using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;

namespace GoShop.BuildingBlocks.GraphQL.Errors;

/// <summary>
/// A resolver's <c>GetArgument&lt;Guid&gt;</c> on an <c>ID</c> the client made up ("nope") throws from GraphQL.NET's
/// value converter: the client's mistake, not an unexpected error. It becomes BAD_USER_INPUT naming the argument,
/// instead of INTERNAL_SERVER_ERROR with a stack trace.
/// </summary>
internal static class ArgumentConversionErrors
{
    public static bool TryDescribe(UnhandledExceptionContext context, out ExecutionError error)
    {
        error = null!;
        var exception = context.OriginalException;
        if (exception is not (FormatException or OverflowException or InvalidCastException)
            || !ThrownByValueConverter(exception)
            || context.FieldContext is not { } field)
        {
            return false;
        }
        var argument = field.FieldDefinition.Arguments?.FirstOrDefault(a => field.Arguments?.TryGetValue(a.Name, out var value) == true && Unconvertible(a, value.Value));
        error = new ExecutionError(argument is null
            ? $"An argument of '{field.FieldDefinition.Name}' is not in the form its type needs."
            : $"The argument '{argument.Name}' of '{field.FieldDefinition.Name}' is not a valid {argument.ResolvedType?.GetNamedType().Name ?? "value"}: GoShop's ids are UUIDs, as other fields answer them.")
        {
            Code = ErrorCodes.BadUserInput,
        };
        return true;
    }

    private static bool ThrownByValueConverter(Exception exception) =>
        new StackTrace(exception).GetFrames().Any(frame => frame.GetMethod()?.DeclaringType?.FullName?.StartsWith("GraphQL.ValueConverter", StringComparison.Ordinal) == true);

    // An ID (or a list of IDs) holding text that is not a UUID: what GetArgument<Guid> cannot convert.
    private static bool Unconvertible(QueryArgument argument, object? value) =>
        argument.ResolvedType?.GetNamedType() is IdGraphType && value switch
        {
            string text => !Guid.TryParse(text, out _),
            IEnumerable<object?> items => items.Any(item => item is string text && !Guid.TryParse(text, out _)),
            _ => false,
        };
}
