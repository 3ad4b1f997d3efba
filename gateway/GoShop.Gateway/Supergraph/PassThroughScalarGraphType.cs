using GraphQL.Types;
using GraphQLParser.AST;

namespace GoShop.Gateway.Supergraph;

/// <summary>
/// A custom scalar of the supergraph (Decimal, DateTime, Upload, ...) as the gateway sees it: any literal or value
/// is taken as it is and passed to the subgraph that owns the argument, which knows the scalar's rules and answers
/// with its own error code when a value breaks them.
/// </summary>
internal sealed class PassThroughScalarGraphType : ScalarGraphType
{
    public PassThroughScalarGraphType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public override object? ParseValue(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => text.Value.ToString(),
        GraphQLIntValue integer => integer.Value.ToString(),
        GraphQLFloatValue number => number.Value.ToString(),
        GraphQLBooleanValue boolean => boolean.BoolValue,
        _ => value,
    };

    public override bool CanParseLiteral(GraphQLValue value) => true;

    public override bool CanParseValue(object? value) => true;

    public override object? Serialize(object? value) => value;
}
