using System.Collections;

namespace GoShop.Gateway.Execution;

/// <summary>A file of the client's multipart request, and where it stands in a fetch's variables (<c>variables.file</c>, <c>variables.input.files.0</c>).</summary>
public sealed record UploadedFile(IFormFile File, IReadOnlyList<string> Paths);

/// <summary>
/// Finds the files (the <c>Upload</c> scalar's values, put there by the HTTP endpoint) in the variables a fetch sends:
/// such a fetch goes to its subgraph as a GraphQL multipart request, the files standing as nulls in its variables.
/// </summary>
internal static class UploadedFiles
{
    public static IReadOnlyList<UploadedFile> In(IReadOnlyList<string> names, IReadOnlyDictionary<string, object?>? variables)
    {
        if (variables is null || names.Count == 0)
            return [];
        List<(IFormFile File, List<string> Paths)>? found = null;
        foreach (var name in names)
        {
            if (variables.TryGetValue(name, out var value))
                Collect(value, "variables." + name, ref found);
        }
        return found?.Select(f => new UploadedFile(f.File, f.Paths)).ToList() ?? [];
    }

    private static void Collect(object? value, string path, ref List<(IFormFile File, List<string> Paths)>? found)
    {
        switch (value)
        {
            case IFormFile file:
                found ??= [];
                // One part for a file the client placed at several paths, as it sent it.
                var index = found.FindIndex(f => ReferenceEquals(f.File, file));
                if (index >= 0)
                    found[index].Paths.Add(path);
                else
                    found.Add((file, [path]));
                break;
            case string:
                break;
            case IEnumerable<KeyValuePair<string, object?>> fields:
                foreach (var (key, item) in fields)
                    Collect(item, path + "." + key, ref found);
                break;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                    Collect(item, path + "." + i++, ref found);
                break;
        }
    }
}
