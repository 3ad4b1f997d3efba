using System.Security.Cryptography;
using GoShop.BuildingBlocks.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Gateway.Tests.Federation.Subgraphs;

public sealed record Attachment(string FileName, string ContentType, long Size, string Sha256, string? Caption);

/// <summary>files: takes uploads (the Upload scalar) and answers what it received, with the bytes' SHA-256.</summary>
public static class FilesSubgraph
{
    public static Task<TestSubgraph> StartAsync(RequestSequence sequence) =>
        TestSubgraph.StartAsync("files", sequence, (services, graphql) =>
        {
            // The platform's own Upload scalar, as the media subgraph declares it.
            services.AddTransient<UploadGraphType>();
            graphql.AddSchema<FilesSchema>().AddGraphTypes(typeof(FilesSchema).Assembly);
        });
}

public sealed class FilesSchema : Schema
{
    public FilesSchema(IServiceProvider services) : base(services)
    {
        Query = new FilesQuery();
        Mutation = new FilesMutation();
    }
}

public sealed class FilesQuery : ObjectGraphType
{
    public FilesQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<StringGraphType>>("maxFileSize").Resolve(_ => "10 MB");
    }
}

public sealed class FilesMutation : ObjectGraphType
{
    public FilesMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<AttachmentType>>("attach")
            .Argument<NonNullGraphType<UploadGraphType>>("file")
            .Argument<StringGraphType>("caption")
            .ResolveAsync(async c => await ReadAsync(c.GetArgument<IFormFile>("file"), c.GetArgument<string?>("caption")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttachmentType>>>>("attachAll")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<UploadGraphType>>>>("files")
            .ResolveAsync(async c =>
            {
                var attachments = new List<Attachment>();
                foreach (var file in c.GetArgument<List<IFormFile>>("files"))
                    attachments.Add(await ReadAsync(file, null));
                return attachments;
            });
    }

    private static async Task<Attachment> ReadAsync(IFormFile file, string? caption)
    {
        await using var stream = file.OpenReadStream();
        var hash = await SHA256.HashDataAsync(stream);
        return new Attachment(file.FileName, file.ContentType, file.Length, Convert.ToHexStringLower(hash), caption);
    }
}

public sealed class AttachmentType : ObjectGraphType<Attachment>
{
    public AttachmentType()
    {
        Name = "Attachment";
        Field(a => a.FileName);
        Field(a => a.ContentType);
        Field(a => a.Size, type: typeof(NonNullGraphType<IntGraphType>)).Resolve(c => (int)c.Source.Size);
        Field(a => a.Sha256);
        Field(a => a.Caption, nullable: true);
    }
}
