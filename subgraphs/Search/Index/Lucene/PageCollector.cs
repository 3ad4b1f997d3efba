using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GoShop.Search.Index.Lucene;

/// <summary>
/// One pass over every match: counts them and their facets, checks the exact distance, and keeps the page that follows
/// the cursor. Every order is turned into "smaller comes first" on one number (prices, or minus the score, minus the
/// sold count...) then the product id, so a page starts strictly after the last (value, id) seen: however the index
/// changes between pages, a product is never shown twice, and one that kept its place is never skipped.
/// <para>With facet filters (<paramref name="sideways"/>), the query leaves them out and the matches that fail exactly
/// one of them count in that facet only (drill sideways).</para>
/// </summary>
internal sealed class PageCollector(SearchRequest request, bool browsing, FacetFilters? sideways) : ICollector
{
    /// <summary>Price range facet edges (VND); the last range is open.</summary>
    public static readonly decimal[] PriceEdges = [100_000m, 500_000m, 1_000_000m, 5_000_000m, 10_000_000m];

    /// <summary>How many shops the shops facet lists, nearest first.</summary>
    public const int MaxShops = 10;

    private static readonly int[] RatingFloors = [4, 3, 2, 1];

    // The same edges and floors scaled as the doc values are (hundredths), so a match is counted with long comparisons.
    private static readonly long[] ScaledPriceEdges = PriceEdges.Select(ProductFields.Scaled).ToArray();
    private static readonly long[] ScaledRatingFloors = RatingFloors.Select(f => ProductFields.Scaled(f)).ToArray();

    private readonly PriorityQueue<Entry, Entry> _page = new(Comparer<Entry>.Create((a, b) => Compare(b, a)));
    private readonly int _keep = request.First + 1;
    private readonly Dictionary<string, int> _brands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly int[] _prices = new int[PriceEdges.Length + 1];
    private readonly int[] _ratings = new int[RatingFloors.Length];
    private readonly Dictionary<string, (int Count, double DistanceKm)> _shops = new(StringComparer.Ordinal);

    private Scorer? _scorer;
    private NumericDocValues? _idHigh, _idLow, _price, _rating, _sold, _created, _lat, _lng, _hasLocation;
    private SortedDocValues? _brand, _shop;
    private SortedSetDocValues? _category;
    private int[] _brandOrds = [];
    private int[] _categoryOrds = [];
    private int[] _shopOrds = [];
    private double[] _shopDistances = [];

    public int TotalCount { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentFacets();
        var reader = context.AtomicReader;
        _idHigh = reader.GetNumericDocValues(ProductFields.IdHigh);
        _idLow = reader.GetNumericDocValues(ProductFields.IdLow);
        _price = reader.GetNumericDocValues(ProductFields.PriceValue);
        _rating = reader.GetNumericDocValues(ProductFields.RatingValue);
        _sold = reader.GetNumericDocValues(ProductFields.SoldValue);
        _created = reader.GetNumericDocValues(ProductFields.CreatedValue);
        _lat = reader.GetNumericDocValues(ProductFields.LatitudeValue);
        _lng = reader.GetNumericDocValues(ProductFields.LongitudeValue);
        _hasLocation = reader.GetNumericDocValues(ProductFields.HasLocationValue);
        _brand = reader.GetSortedDocValues(ProductFields.Brand);
        _category = reader.GetSortedSetDocValues(ProductFields.CategoryValues);
        _brandOrds = request.WithFacets && _brand is not null ? new int[_brand.ValueCount] : [];
        _categoryOrds = request.WithFacets && _category is not null ? new int[(int)_category.ValueCount] : [];
        _shop = request is { WithFacets: true, Near: not null } ? reader.GetSortedDocValues(ProductFields.ShopValue) : null;
        _shopOrds = _shop is not null ? new int[_shop.ValueCount] : [];
        _shopDistances = _shop is not null ? new double[_shop.ValueCount] : [];
        sideways?.SetNextReader(reader);
    }

    public void Collect(int doc)
    {
        double? distance = null;
        if (request.Near is { } near)
        {
            if (_hasLocation?.Get(doc) == 1)
            {
                distance = Geo.DistanceKm(near.Latitude, near.Longitude, _lat!.Get(doc) / 1e6, _lng!.Get(doc) / 1e6);
                if (near.RadiusKm is { } radius && distance > radius)
                    return;
            }
            else if (near.RadiusKm is not null)
            {
                return;
            }
        }
        if (sideways?.Failed(doc) is { } failed and not FacetDimension.None)
        {
            // Fails one facet filter: counts in that facet only; fails two: nowhere.
            if ((failed & (failed - 1)) == 0)
                CountFacets(doc, failed, distance);
            return;
        }
        TotalCount++;
        if (request.WithFacets)
            CountFacets(doc, FacetDimension.None, distance);

        var score = browsing ? 0f : _scorer?.GetScore() ?? 0f;
        var value = request.Sort switch
        {
            SearchSort.PriceAsc => _price?.Get(doc) ?? 0,
            SearchSort.PriceDesc => -(_price?.Get(doc) ?? 0),
            SearchSort.Newest => -(_created?.Get(doc) ?? 0),
            SearchSort.BestSelling => -(_sold?.Get(doc) ?? 0),
            SearchSort.Rating => -(_rating?.Get(doc) ?? 0),
            // Products without a known location come last.
            SearchSort.Distance => distance ?? double.MaxValue,
            _ when browsing => -(_sold?.Get(doc) ?? 0),
            _ => -(double)score,
        };
        // Most matches of a broad search fall behind a full page: they are dropped before their id is read.
        if (_page.Count == _keep && value > _page.Peek().Value)
            return;
        var candidate = new Entry(value, _idHigh?.Get(doc) ?? 0, _idLow?.Get(doc) ?? 0, score, distance);
        if (request.After is { } after)
        {
            var (high, low) = ProductFields.IdParts(after.Id);
            if (Compare(candidate, new Entry(after.Value, high, low, 0, null)) <= 0)
                return;
        }
        if (_page.Count < _keep)
        {
            _page.Enqueue(candidate, candidate);
        }
        else if (Compare(candidate, _page.Peek()) < 0)
        {
            _page.DequeueEnqueue(candidate, candidate);
        }
    }

    public SearchPage Result()
    {
        FlushSegmentFacets();
        var entries = new List<Entry>(_page.Count);
        while (_page.Count > 0)
            entries.Add(_page.Dequeue());
        entries.Reverse();
        var hasNext = entries.Count > request.First;
        var hits = entries.Take(request.First).Select(e =>
        {
            var id = ProductFields.IdOf(e.High, e.Low);
            return new SearchHit(id, e.Score, e.Distance, new SortPosition(e.Value, id));
        }).ToList();
        if (!request.WithFacets)
            return new SearchPage(hits, TotalCount, hasNext, SearchFacetCounts.None);
        var prices = new List<PriceBucket>();
        for (var i = 0; i < _prices.Length; i++)
        {
            if (_prices[i] > 0)
                prices.Add(new PriceBucket(i == 0 ? null : PriceEdges[i - 1], i < PriceEdges.Length ? PriceEdges[i] : null, _prices[i]));
        }
        var facets = new SearchFacetCounts(
            Top(_categories),
            Top(_brands),
            prices,
            RatingFloors.Select((floor, i) => new FacetCount(floor.ToString(System.Globalization.CultureInfo.InvariantCulture), _ratings[i])).Where(f => f.Count > 0).ToList(),
            _shops.OrderBy(s => s.Value.DistanceKm).ThenBy(s => s.Key, StringComparer.Ordinal).Take(MaxShops)
                .Select(s => new ShopFacet(Guid.ParseExact(s.Key, "N"), s.Value.DistanceKm, s.Value.Count)).ToList());
        return new SearchPage(hits, TotalCount, hasNext, facets);
    }

    private static List<FacetCount> Top(Dictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(20).Select(c => new FacetCount(c.Key, c.Value)).ToList();

    /// <summary>Counts the document in every facet (<paramref name="only"/> None) or in that facet alone.</summary>
    private void CountFacets(int doc, FacetDimension only, double? distance)
    {
        if ((only is FacetDimension.None or FacetDimension.Brand) && _brand is not null && _brand.GetOrd(doc) is var brandOrd and >= 0)
            _brandOrds[brandOrd]++;
        // Shops without a known location have no distance and are left out of the shops near the point.
        if ((only is FacetDimension.None or FacetDimension.Shop) && _shop is not null && distance is { } km && _shop.GetOrd(doc) is var shopOrd and >= 0)
        {
            _shopOrds[shopOrd]++;
            _shopDistances[shopOrd] = km;
        }
        if ((only is FacetDimension.None or FacetDimension.Category) && _category is not null)
        {
            _category.SetDocument(doc);
            long ord;
            while ((ord = _category.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                _categoryOrds[ord]++;
        }
        if (only is FacetDimension.None or FacetDimension.Price)
        {
            var price = _price?.Get(doc) ?? 0;
            var bucket = 0;
            while (bucket < ScaledPriceEdges.Length && price >= ScaledPriceEdges[bucket])
                bucket++;
            _prices[bucket]++;
        }
        if (only is FacetDimension.None or FacetDimension.Rating)
        {
            var rating = _rating?.Get(doc) ?? 0;
            for (var i = 0; i < ScaledRatingFloors.Length; i++)
            {
                if (rating >= ScaledRatingFloors[i])
                    _ratings[i]++;
            }
        }
    }

    /// <summary>Facet values are counted by ordinal within a segment, then named once per segment.</summary>
    private void FlushSegmentFacets()
    {
        var bytes = new BytesRef();
        for (var ord = 0; ord < _brandOrds.Length; ord++)
        {
            if (_brandOrds[ord] == 0)
                continue;
            _brand!.LookupOrd(ord, bytes);
            var name = bytes.Utf8ToString();
            _brands[name] = _brands.GetValueOrDefault(name) + _brandOrds[ord];
        }
        for (var ord = 0; ord < _categoryOrds.Length; ord++)
        {
            if (_categoryOrds[ord] == 0)
                continue;
            _category!.LookupOrd(ord, bytes);
            var id = bytes.Utf8ToString();
            _categories[id] = _categories.GetValueOrDefault(id) + _categoryOrds[ord];
        }
        for (var ord = 0; ord < _shopOrds.Length; ord++)
        {
            if (_shopOrds[ord] == 0)
                continue;
            _shop!.LookupOrd(ord, bytes);
            var id = bytes.Utf8ToString();
            _shops[id] = (_shops.GetValueOrDefault(id).Count + _shopOrds[ord], _shopDistances[ord]);
        }
        _brandOrds = [];
        _categoryOrds = [];
        _shopOrds = [];
    }

    private static int Compare(Entry a, Entry b)
    {
        var byValue = a.Value.CompareTo(b.Value);
        if (byValue != 0)
            return byValue;
        var byHigh = a.High.CompareTo(b.High);
        return byHigh != 0 ? byHigh : a.Low.CompareTo(b.Low);
    }

    private readonly record struct Entry(double Value, long High, long Low, float Score, double? Distance);
}
