using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace GoShop.Search.Index.Lucene;

/// <summary>
/// The index in Lucene.NET 4.8 on local disk (<c>Search:IndexPath</c>): one writer for the instance's lifetime and a
/// near-real-time <see cref="SearcherManager"/> that sees the writer's changes after <see cref="Refresh"/> without a
/// commit. Commits record the format version and the feed position in the commit's user data.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex
{
    /// <summary>Raise when documents change shape: every instance rebuilds its index at its next start.</summary>
    public const int FormatVersion = 3;

    private const string FormatKey = "goshop.format";
    private const string FeedKey = "goshop.feed";
    private const string SourceKey = "goshop.source";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeLock = new();

    public LuceneSearchIndex(IOptions<SearchOptions> options)
    {
        var path = Path.GetFullPath(options.Value.IndexPath);
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(new DirectoryInfo(path));
        State = ReadState(_directory);
        var config = new IndexWriterConfig(ProductAnalyzers.Version, ProductAnalyzers.ForIndex)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 32,
            Similarity = Similarity,
            // A search costs per segment as much as per match: every term of the query (a word's typo variants and
            // completions included) opens its postings in each one. 23 segments took a broad text search 9 ms of CPU and
            // 7.5 MB of allocations over 100,000 products, 1 segment 4.5 ms and 0.5 MB. The feed's refreshes add a small
            // segment each time: those below the floor are merged four at a time, as are larger ones, so few stay apart.
            MergePolicy = new TieredMergePolicy { SegmentsPerTier = 4, MaxMergeAtOnce = 4, FloorSegmentMB = 8 },
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new StableSearcherFactory());
    }

    private static readonly StableSimilarity Similarity = new();

    // Bounds that keep the caches to a few megabytes whatever is asked (the instance's budget is 300 MB resident); every
    // refresh empties them anyway.
    private readonly ReaderCache<SearchFacetCounts> _browseFacets = new(capacity: 1024);
    private readonly ReaderCache<SearchPage> _pages = new(capacity: 1024);
    private readonly ReaderCache<IReadOnlyList<IndexSuggestion>> _suggestions = new(capacity: 2048);
    private readonly ReaderCache<Query> _textQueries = new(capacity: 256);

    public IndexState State { get; private set; }

    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    public void Upsert(IReadOnlyCollection<IndexedProduct> products)
    {
        lock (_writeLock)
        {
            foreach (var product in products)
                _writer.UpdateDocument(new Term(ProductFields.Id, ProductFields.IdTerm(product.Id)), ProductFields.ToDocument(product));
        }
    }

    public void Remove(IReadOnlyCollection<Guid> productIds)
    {
        lock (_writeLock)
        {
            foreach (var id in productIds)
                _writer.DeleteDocuments(new Term(ProductFields.Id, ProductFields.IdTerm(id)));
        }
    }

    public void Clear()
    {
        lock (_writeLock)
            _writer.DeleteAll();
    }

    public void Refresh() => _searchers.MaybeRefreshBlocking();

    public void Compact()
    {
        lock (_writeLock)
            _writer.ForceMerge(1);
        Refresh();
    }

    public void Commit(IndexState state)
    {
        lock (_writeLock)
        {
            _writer.SetCommitData(new Dictionary<string, string>
            {
                [FormatKey] = state.FormatVersion.ToString(CultureInfo.InvariantCulture),
                [FeedKey] = state.FeedPosition.ToString(CultureInfo.InvariantCulture),
                [SourceKey] = state.Source,
            });
            _writer.Commit();
            State = state;
        }
    }

    public SearchPage Search(SearchRequest request)
    {
        var browsing = string.IsNullOrWhiteSpace(request.Text) || TextFolding.Fold(request.Text).Length == 0;
        var searcher = _searchers.Acquire();
        try
        {
            // Between two changes of the index the same pages are asked again and again (a category's pages, the searches
            // many buyers make: "iphone 15", "tai nghe bluetooth"), and each counts every match for its total and facets:
            // kept whole per reader, as a search engine's request cache is kept per refresh. Browsing keeps its facets apart
            // too, for its other pages and orders.
            var facetsKey = FacetsKey(request);
            var text = browsing ? "" : request.Text!;
            var pageKey = string.Create(CultureInfo.InvariantCulture,
                $"{facetsKey}|{request.Sort}|{request.First}|{request.WithFacets}|{request.After?.Value:R}|{request.After?.Id:N}|{text.Length}:{text}");
            if (_pages.Find(searcher.IndexReader, pageKey) is { } known)
                return known;
            SearchPage page;
            if (!browsing || !request.WithFacets)
            {
                page = Search(searcher, request, browsing);
            }
            else if (_browseFacets.Find(searcher.IndexReader, facetsKey) is { } facets)
            {
                // Browsing counts its facets over the whole catalog (drill sideways leaves the facet filters out of the
                // query), the same for every page and order: once per reader, then only the page and its total are searched.
                page = Search(searcher, request with { WithFacets = false }, browsing) with { Facets = facets };
            }
            else
            {
                page = Search(searcher, request, browsing);
                _browseFacets.Keep(searcher.IndexReader, facetsKey, page.Facets);
            }
            _pages.Keep(searcher.IndexReader, pageKey, page);
            return page;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private SearchPage Search(IndexSearcher searcher, SearchRequest request, bool browsing)
    {
        var query = browsing ? new MatchAllDocsQuery() : TextQuery(searcher, request.Text!, ranked: request.Sort == SearchSort.Relevance);
        var sideways = FacetFilters.For(request);
        if (ProductQueries.Filters(request, sideways?.Dimensions ?? FacetDimension.None) is { } filters)
            query = new FilteredQuery(query, new QueryWrapperFilter(filters));
        var collector = new PageCollector(request, browsing, sideways);
        searcher.Search(query, collector);
        // Facet names are read from the last segment's doc values: before the searcher is released and its segments may close.
        return collector.Result();
    }

    /// <summary>
    /// The text's query rewritten against this reader: a word's typo variants (fuzzy: a Levenshtein automaton per word,
    /// run over the terms of every segment) and the last word's completions (prefix) are the same for every page, order
    /// and filter of the same text until the next refresh. Ranked and unranked forms differ (<see cref="ProductQueries.Text"/>).
    /// </summary>
    private Query TextQuery(IndexSearcher searcher, string text, bool ranked)
    {
        var key = (ranked ? "r|" : "u|") + text;
        if (_textQueries.Find(searcher.IndexReader, key) is { } known)
            return known;
        var rewritten = searcher.Rewrite(ProductQueries.Text(text, ranked));
        _textQueries.Keep(searcher.IndexReader, key, rewritten);
        return rewritten;
    }

    /// <summary>
    /// Everything a search's matches depend on besides its text, as the index compares it: categories, folded brand keys
    /// (an empty list differs from a list of nothing usable, which matches nothing), scaled prices and rating, shop, point
    /// and stock.
    /// Not the sort, the page size or the cursor: facets count every match.
    /// </summary>
    private static string FacetsKey(SearchRequest request) => string.Join('|',
        string.Join(',', request.CategoryIds.Distinct().Order()),
        request.Brands.Count == 0 ? "" : "b:" + string.Join(',', request.Brands.Select(TextFolding.Key).Where(k => k.Length > 0).Distinct().Order(StringComparer.Ordinal)),
        request.MinPrice is { } min ? ProductFields.Format(ProductFields.Scaled(min)) : "",
        request.MaxPrice is { } max ? ProductFields.Format(ProductFields.Scaled(max)) : "",
        request.MinRating is { } rating ? ProductFields.Format(ProductFields.Scaled((decimal)rating)) : "",
        request.ShopId?.ToString("N") ?? "",
        request.Near is { } near ? string.Create(CultureInfo.InvariantCulture, $"{near.Latitude:R},{near.Longitude:R},{near.RadiusKm:R}") : "",
        request.InStockOnly ? "s" : "");

    public IReadOnlyList<IndexSuggestion> Suggest(string prefix, int first)
    {
        var folded = TextFolding.Fold(prefix);
        if (folded.Length == 0)
            return [];
        var searcher = _searchers.Acquire();
        try
        {
            var key = ProductFields.Format(first) + "|" + folded;
            if (_suggestions.Find(searcher.IndexReader, key) is { } known)
                return known;
            var suggestions = Suggest(searcher, folded, first);
            _suggestions.Keep(searcher.IndexReader, key, suggestions);
            return suggestions;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static List<IndexSuggestion> Suggest(IndexSearcher searcher, string folded, int first)
    {
        var suggestions = new List<IndexSuggestion>();
        suggestions.AddRange(Terms(searcher.IndexReader, ProductFields.BrandTerm, folded, first)
            .Select(t => new IndexSuggestion(t.Split(ProductFields.TermSeparator)[1], SuggestionKind.Brand, null, null)));
        suggestions.AddRange(Terms(searcher.IndexReader, ProductFields.CategoryTerm, folded, first).Select(t =>
        {
            var parts = t.Split(ProductFields.TermSeparator);
            return new IndexSuggestion(parts[2], SuggestionKind.Category, null, Guid.ParseExact(parts[1], "N"));
        }));
        suggestions.AddRange(Titles(searcher, folded, first));
        // Brands and categories first (short and broad), then titles; one of each text.
        return suggestions.DistinctBy(s => (s.Kind, TextFolding.Fold(s.Text))).Take(first).ToList();
    }

    public IReadOnlyList<Guid> Similar(Guid productId, int first)
    {
        if (Find(productId) is not { } product)
            return [];
        var words = ProductAnalyzers.Words(ProductAnalyzers.Folding, ProductFields.Title, product.Title).Distinct().Take(12).ToList();
        var query = new BooleanQuery(disableCoord: true);
        var text = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
            text.Add(new TermQuery(new Term(ProductFields.Text, word)), Occur.SHOULD);
        if (product.CategoryId is { } category)
            text.Add(new TermQuery(new Term(ProductFields.Category, ProductFields.IdTerm(category))) { Boost = 2f }, Occur.SHOULD);
        query.Add(text, Occur.MUST);
        if (!string.IsNullOrWhiteSpace(product.Brand))
            query.Add(new TermQuery(new Term(ProductFields.BrandKey, TextFolding.Key(product.Brand))) { Boost = 1.5f }, Occur.SHOULD);
        // The same price band: half to twice the price.
        query.Add(NumericRangeQuery.NewInt64Range(ProductFields.Price, ProductFields.Scaled(product.EffectivePrice / 2), ProductFields.Scaled(product.EffectivePrice * 2), true, true), Occur.SHOULD);
        query.Add(new TermQuery(new Term(ProductFields.Id, ProductFields.IdTerm(productId))), Occur.MUST_NOT);
        return TopIds(query, first);
    }

    public IReadOnlyList<IndexedProduct> Offers(Guid productId, int first)
    {
        if (Find(productId) is not { } product)
            return [];
        var same = new BooleanQuery(disableCoord: true);
        if (!string.IsNullOrWhiteSpace(product.Brand) && !string.IsNullOrWhiteSpace(product.Model))
        {
            same.Add(new BooleanQuery(disableCoord: true)
            {
                { new TermQuery(new Term(ProductFields.BrandKey, TextFolding.Key(product.Brand))), Occur.MUST },
                { new TermQuery(new Term(ProductFields.ModelKey, TextFolding.Key(product.Model))), Occur.MUST },
            }, Occur.SHOULD);
        }
        var title = new BooleanQuery(disableCoord: true) { { new TermQuery(new Term(ProductFields.TitleKey, TextFolding.Fold(product.Title))), Occur.MUST } };
        if (product.CategoryId is { } category)
            title.Add(new TermQuery(new Term(ProductFields.Category, ProductFields.IdTerm(category))), Occur.MUST);
        same.Add(title, Occur.SHOULD);
        var query = new BooleanQuery(disableCoord: true)
        {
            { same, Occur.MUST },
            { new TermQuery(new Term(ProductFields.InStock, "1")), Occur.MUST },
            { new TermQuery(new Term(ProductFields.Shop, ProductFields.IdTerm(product.ShopId))), Occur.MUST_NOT },
        };
        var searcher = _searchers.Acquire();
        try
        {
            var sort = new Sort(new SortField(ProductFields.PriceValue, SortFieldType.INT64), new SortField(ProductFields.IdHigh, SortFieldType.INT64),
                new SortField(ProductFields.IdLow, SortFieldType.INT64));
            return searcher.Search(query, null, first, sort).ScoreDocs.Select(d => ProductFields.FromStored(searcher.Doc(d.Doc))).ToList();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public IndexedProduct? Find(Guid productId)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(ProductFields.Id, ProductFields.IdTerm(productId))), 1);
            return top.TotalHits == 0 ? null : ProductFields.FromStored(searcher.Doc(top.ScoreDocs[0].Doc));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private List<Guid> TopIds(Query query, int first)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return searcher.Search(query, first).ScoreDocs.Select(d => Guid.ParseExact(searcher.Doc(d.Doc).Get(ProductFields.Id), "N")).ToList();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Titles whose words start with what was typed (the last word as a prefix), best sellers first.</summary>
    private static IEnumerable<IndexSuggestion> Titles(IndexSearcher searcher, string folded, int first)
    {
        var words = folded.Split(' ');
        var query = new BooleanQuery(disableCoord: true);
        foreach (var word in words[..^1])
            query.Add(new TermQuery(new Term(ProductFields.Title, word)), Occur.MUST);
        query.Add(new PrefixQuery(new Term(ProductFields.Title, words[^1])), Occur.MUST);
        var sort = new Sort(new SortField(ProductFields.SoldValue, SortFieldType.INT64, reverse: true));
        var top = searcher.Search(query, null, first * 3, sort);
        return top.ScoreDocs.Select(d => ProductFields.FromStored(searcher.Doc(d.Doc)))
            .Select(p => new IndexSuggestion(p.Title, SuggestionKind.Product, p.Id, null));
    }

    /// <summary>The terms of a *_term field that start with the folded prefix, most documents first.</summary>
    private static IEnumerable<string> Terms(IndexReader reader, string field, string folded, int first)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
            return [];
        var found = new List<(string Term, int Count)>();
        var enumerator = terms.GetEnumerator();
        var prefix = new BytesRef(folded);
        if (enumerator.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
            return [];
        do
        {
            var term = enumerator.Term;
            if (!StringHelper.StartsWith(term, prefix))
                break;
            found.Add((term.Utf8ToString(), enumerator.DocFreq));
        }
        while (found.Count < 200 && enumerator.MoveNext());
        return found.OrderByDescending(f => f.Count).Take(first).Select(f => f.Term);
    }

    private sealed class StableSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }

    private static IndexState ReadState(LuceneDirectory directory)
    {
        if (!DirectoryReader.IndexExists(directory))
            return new IndexState(0, "", 0);
        var commit = DirectoryReader.ListCommits(directory).Last();
        var data = commit.UserData;
        return new IndexState(
            data.TryGetValue(FormatKey, out var format) ? int.Parse(format, CultureInfo.InvariantCulture) : 0,
            data.TryGetValue(SourceKey, out var source) ? source : "",
            data.TryGetValue(FeedKey, out var feed) ? long.Parse(feed, CultureInfo.InvariantCulture) : 0);
    }
}
