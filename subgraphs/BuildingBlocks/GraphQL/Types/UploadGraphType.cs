using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;

namespace GoShop.BuildingBlocks.GraphQL.Types;

/// <summary>
/// The <c>Upload</c> scalar of the GraphQL multipart request spec: a file sent as a part of a
/// <c>multipart/form-data</c> request and put into a variable by the HTTP endpoint. Its value is an
/// <see cref="IFormFile"/> (the bytes as a stream, the file name and content type the client declared, the length);
/// neither name nor declared type is to be trusted. Input only: it cannot be written in a query or returned.
/// </summary>
public sealed class UploadGraphType : ScalarGraphType
{
    public const string TypeName = "Upload";

    public UploadGraphType()
    {
        Name = TypeName;
        Description = "A file, sent as a part of a multipart/form-data request (GraphQL multipart request spec) and referenced from a variable.";
    }

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        IFormFile file => file,
        _ => throw new FormatException("An Upload is a file sent in a multipart request (GraphQL multipart request spec), not a JSON value."),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        _ => throw new FormatException("An Upload cannot be written in the query: send the file in a multipart request and pass it as a variable."),
    };

    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLNullValue;

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        _ => throw new InvalidOperationException("An Upload is input only and cannot be returned."),
    };
}
