using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GoShop.Search.Index.Lucene;

/// <summary>
/// Builds Lucene queries from a buyer's text and filters, never through a query parser: the text is only split into
/// words by the analyzers, so + - " * ? : ( ) [ ] \ are punctuation like any other and cannot change the query.
/// <para>Ranking, strongest first: the brand or model typed exactly; the words as a phrase in the title (with diacritics
/// as typed, then folded); every word in the title; the words anywhere (brand, model, category, description); a word
/// with one typo (words of 4+ letters; the first letter must be right) or the last word as a prefix while typing.
/// Most words must match: all of one or two, three of four, and so on.</para>
/// </summary>
internal static class ProductQueries
{
    /// <summary>A word that has no hit as typed gets this many edits forgiven.</summary>
    private const int TypoEdits = 1;
    private const int MaxWords = 12;

    /// <param name="ranked">
    /// False when the results are sorted by something else than relevance: the clauses that only rank (phrases, exact
    /// words, brand boosts) are left out, since they never change which products match; they are most of a broad text
    /// search's cost (each match's positions are read for the phrases).
    /// </param>
    public static Query Text(string text, bool ranked = true)
    {
        var words = ProductAnalyzers.Words(ProductAnalyzers.Folding, ProductFields.Title, text).Distinct().Take(MaxWords).ToList();
        if (words.Count == 0)
            return new MatchAllDocsQuery();
        var exactWords = ProductAnalyzers.Words(ProductAnalyzers.Exact, ProductFields.TitleExact, text).Take(MaxWords).ToList();

        var everyWord = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < words.Count; i++)
            everyWord.Add(Word(words[i], last: i == words.Count - 1), Occur.SHOULD);
        everyWord.MinimumNumberShouldMatch = words.Count <= 2 ? words.Count : (int)Math.Ceiling(words.Count * 0.75);

        var matched = new BooleanQuery(disableCoord: true) { { everyWord, Occur.MUST } };
        var query = matched;
        if (ranked && words.Count > 1)
        {
            query.Add(Phrase(ProductFields.Title, words, slop: 0, boost: 6f), Occur.SHOULD);
            query.Add(Phrase(ProductFields.Title, words, slop: 3, boost: 2f), Occur.SHOULD);
            if (exactWords.Count > 1)
                query.Add(Phrase(ProductFields.TitleExact, exactWords, slop: 0, boost: 3f), Occur.SHOULD);
        }
        if (ranked)
        {
            foreach (var exact in exactWords.Distinct())
                query.Add(new TermQuery(new Term(ProductFields.TitleExact, exact)) { Boost = 0.5f }, Occur.SHOULD);
        }

        // Brand and model exactly: the whole text, or any word or two adjacent words run together ("galaxy s24", "sm-s921b").
        var keys = new HashSet<string>(StringComparer.Ordinal) { TextFolding.Key(text) };
        for (var i = 0; i < words.Count; i++)
        {
            keys.Add(words[i]);
            if (i + 1 < words.Count)
                keys.Add(words[i] + words[i + 1]);
        }
        var models = new BooleanQuery(disableCoord: true);
        foreach (var key in keys.Where(k => k.Length > 0))
        {
            models.Add(new TermQuery(new Term(ProductFields.ModelKey, key)) { Boost = 8f }, Occur.SHOULD);
            if (ranked)
                matched.Add(new TermQuery(new Term(ProductFields.BrandKey, key)) { Boost = 3f }, Occur.SHOULD);
        }
        // A model typed the way it is written or run together ("wh1000xm5") finds its product even when the words do not.
        return new BooleanQuery(disableCoord: true) { { matched, Occur.SHOULD }, { models, Occur.SHOULD } };
    }

    /// <summary>One word: in the title, anywhere, with a typo, or (the last word) as a prefix.</summary>
    private static Query Word(string word, bool last)
    {
        var any = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(ProductFields.Title, word)) { Boost = 3f }, Occur.SHOULD },
            { new TermQuery(new Term(ProductFields.Text, word)) { Boost = 1.5f }, Occur.SHOULD },
            { new TermQuery(new Term(ProductFields.Description, word)) { Boost = 0.3f }, Occur.SHOULD },
        };
        if (word.Length >= 4)
            any.Add(new FuzzyQuery(new Term(ProductFields.Text, word), TypoEdits, prefixLength: 1, maxExpansions: 20, transpositions: true) { Boost = 0.6f }, Occur.SHOULD);
        if (last && word.Length >= 2)
            any.Add(new PrefixQuery(new Term(ProductFields.Title, word)) { Boost = 0.4f }, Occur.SHOULD);
        return any;
    }

    private static PhraseQuery Phrase(string field, IReadOnlyList<string> words, int slop, float boost)
    {
        var phrase = new PhraseQuery { Slop = slop, Boost = boost };
        foreach (var word in words)
            phrase.Add(new Term(field, word));
        return phrase;
    }

    /// <summary>
    /// The filters that narrow by terms and ranges, but those checked per match instead (<see cref="FacetFilters"/>);
    /// distance is checked exactly per hit, inside the box here.
    /// </summary>
    public static Query? Filters(SearchRequest request, FacetDimension checkedPerMatch)
    {
        var filters = new BooleanQuery();
        var categoryIds = checkedPerMatch.HasFlag(FacetDimension.Category) ? [] : request.CategoryIds;
        if (categoryIds.Count > 0)
        {
            var any = new BooleanQuery();
            foreach (var category in categoryIds)
                any.Add(new TermQuery(new Term(ProductFields.Category, ProductFields.IdTerm(category))), Occur.SHOULD);
            filters.Add(any, Occur.MUST);
        }
        if (request.Brands.Count > 0 && !checkedPerMatch.HasFlag(FacetDimension.Brand))
        {
            var any = new BooleanQuery();
            foreach (var brand in request.Brands.Select(TextFolding.Key).Where(k => k.Length > 0).Distinct())
                any.Add(new TermQuery(new Term(ProductFields.BrandKey, brand)), Occur.SHOULD);
            filters.Add(any, Occur.MUST);
        }
        if (request.ShopId is { } shop && !checkedPerMatch.HasFlag(FacetDimension.Shop))
            filters.Add(new TermQuery(new Term(ProductFields.Shop, ProductFields.IdTerm(shop))), Occur.MUST);
        if (request.InStockOnly)
            filters.Add(new TermQuery(new Term(ProductFields.InStock, "1")), Occur.MUST);
        if ((request.MinPrice is not null || request.MaxPrice is not null) && !checkedPerMatch.HasFlag(FacetDimension.Price))
            filters.Add(NumericRangeQuery.NewInt64Range(ProductFields.Price,
                request.MinPrice is { } min ? ProductFields.Scaled(min) : null,
                request.MaxPrice is { } max ? ProductFields.Scaled(max) : null, true, true), Occur.MUST);
        if (request.MinRating is { } rating && !checkedPerMatch.HasFlag(FacetDimension.Rating))
            filters.Add(NumericRangeQuery.NewInt64Range(ProductFields.Rating, ProductFields.Scaled((decimal)rating), null, true, true), Occur.MUST);
        if (request.Near is { RadiusKm: { } radius } near)
        {
            var (latitudes, longitudes) = Geo.BoundingBox(near.Latitude, near.Longitude, radius);
            filters.Add(NumericRangeQuery.NewInt64Range(ProductFields.Latitude, ProductFields.MicroDegrees(latitudes.Min), ProductFields.MicroDegrees(latitudes.Max), true, true), Occur.MUST);
            if (longitudes is { } lng)
                filters.Add(NumericRangeQuery.NewInt64Range(ProductFields.Longitude, ProductFields.MicroDegrees(lng.Min), ProductFields.MicroDegrees(lng.Max), true, true), Occur.MUST);
        }
        return filters.Clauses.Count == 0 ? null : filters;
    }
}
