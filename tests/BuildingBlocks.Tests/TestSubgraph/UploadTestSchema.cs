using System.Security.Cryptography;
using GoShop.BuildingBlocks.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;

namespace GoShop.BuildingBlocks.Tests.TestSubgraph;

/// <summary>
/// The schema of the "upload" test subgraph: mutations that take files (one, a list, one inside an input object) and
/// answer what arrived, so tests can see exactly what the multipart endpoint put into the variables.
/// </summary>
public sealed class UploadTestSchema : Schema
{
    public UploadTestSchema(IServiceProvider services, UploadTestQuery query, UploadTestMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
    }
}

public sealed class UploadTestQuery : ObjectGraphType
{
    public UploadTestQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<StringGraphType>, string>("ping").Resolve(_ => "pong");
    }
}

public sealed class UploadTestMutation : ObjectGraphType
{
    public UploadTestMutation()
    {
        Name = "Mutation";

        Field<NonNullGraphType<ReceivedFileType>, ReceivedFile>("describeUpload")
            .Argument<NonNullGraphType<UploadGraphType>>("file")
            .ResolveAsync(async context => await ReceivedFile.ReadAsync(context.GetArgument<IFormFile>("file")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReceivedFileType>>>, ReceivedFile[]>("describeUploads")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<UploadGraphType>>>>("files")
            .ResolveAsync(async context => await Task.WhenAll(context.GetArgument<List<IFormFile>>("files").Select(ReceivedFile.ReadAsync)));

        Field<NonNullGraphType<ReceivedFileType>, ReceivedFile>("describeAttachment")
            .Argument<NonNullGraphType<AttachmentInputType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<AttachmentInput>("input");
                return await ReceivedFile.ReadAsync(input.File) with { Caption = input.Caption };
            });
    }
}

public sealed class AttachmentInput
{
    public string? Caption { get; set; }

    public IFormFile File { get; set; } = null!;
}

public sealed class AttachmentInputType : InputObjectGraphType<AttachmentInput>
{
    public AttachmentInputType()
    {
        Name = "AttachmentInput";
        Field<StringGraphType>("caption");
        Field<NonNullGraphType<UploadGraphType>>("file");
    }
}

/// <summary>What a resolver saw of an uploaded file.</summary>
public sealed record ReceivedFile(string FileName, string? ContentType, long Length, string Sha256, string Text)
{
    public string? Caption { get; init; }

    public static async Task<ReceivedFile> ReadAsync(IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        var bytes = copy.ToArray();
        return new ReceivedFile(file.FileName, file.ContentType, file.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 200)]));
    }
}

public sealed class ReceivedFileType : ObjectGraphType<ReceivedFile>
{
    public ReceivedFileType()
    {
        Name = "ReceivedFile";
        Field(f => f.FileName);
        Field(f => f.ContentType, nullable: true);
        Field(f => f.Length, type: typeof(NonNullGraphType<LongGraphType>));
        Field(f => f.Sha256);
        Field(f => f.Text).Description("The first 200 bytes as UTF-8.");
        Field(f => f.Caption, nullable: true);
    }
}
