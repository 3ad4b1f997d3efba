using System.Collections.Concurrent;
using Lucene.Net.Index;

namespace GoShop.Search.Index.Lucene;

/// <summary>
/// Answers computed from one index reader, kept for as long as searches use that same reader: result pages, browsing's facet
/// counts (drill sideways without text counts the whole catalog for every facet filter), suggestions, and text queries rewritten
/// against the reader's terms (typo variants and completions), which repeat far more often than the index changes. An answer is only ever served for the very reader object it was computed on, so a
/// refresh (a new reader, after any write) starts afresh and nothing counted before a change is served after it. A search
/// still holding an older reader neither reads nor replaces the newer reader's answers.
/// </summary>
internal sealed class ReaderCache<TValue>(int capacity)
    where TValue : class
{
    private Generation? _current;

    public TValue? Find(IndexReader reader, string key)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && ReferenceEquals(current.Reader, reader) && current.Values.TryGetValue(key, out var value) ? value : null;
    }

    public void Keep(IndexReader reader, string key, TValue value)
    {
        var current = Volatile.Read(ref _current);
        if (current is null || !ReferenceEquals(current.Reader, reader))
        {
            // Readers of the same writer only move forward: an older one (a search that started before the refresh) keeps nothing.
            // The version is the one read when the generation began: the reader itself may be closed by now.
            var version = Version(reader);
            if (current is not null && version < current.Version)
                return;
            var fresh = new Generation(reader, version, new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal));
            current = Interlocked.CompareExchange(ref _current, fresh, current) == current ? fresh : Volatile.Read(ref _current);
            if (current is null || !ReferenceEquals(current.Reader, reader))
                return;
        }
        // A bound, so odd filters cannot grow it without end; past it, answers are computed every time until the next reader.
        if (current.Values.Count < capacity)
            current.Values.TryAdd(key, value);
    }

    private static long Version(IndexReader reader) => reader is DirectoryReader directory ? directory.Version : 0;

    private sealed record Generation(IndexReader Reader, long Version, ConcurrentDictionary<string, TValue> Values);
}
