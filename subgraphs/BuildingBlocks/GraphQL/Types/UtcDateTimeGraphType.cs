using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace GoShop.BuildingBlocks.GraphQL.Types;

/// <summary>
/// The <c>DateTime</c> scalar of every GoShop subgraph: an ISO-8601 instant, always written in UTC with a
/// <c>Z</c> (e.g. <c>2026-11-25T20:09:34.123Z</c>); any offset is accepted on input and converted to UTC.
/// </summary>
public sealed class UtcDateTimeGraphType : ScalarGraphType
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public UtcDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "An ISO-8601 instant in UTC, e.g. 2026-11-25T20:09:34.123Z.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset offset => offset.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
        DateTime dateTime => DateTime.SpecifyKind(dateTime.Kind == DateTimeKind.Local ? dateTime.ToUniversalTime() : dateTime, DateTimeKind.Utc)
            .ToString(Format, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text),
        DateTimeOffset offset => offset.ToUniversalTime(),
        DateTime dateTime => new DateTimeOffset(dateTime.Kind == DateTimeKind.Local
            ? dateTime.ToUniversalTime()
            : DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse((string)text.Value),
        _ => ThrowLiteralConversionError(value),
    };

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : throw new FormatException($"'{text}' is not an ISO-8601 date and time.");
}
