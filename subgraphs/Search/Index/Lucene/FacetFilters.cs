using Lucene.Net.Index;
using Lucene.Net.Util;

namespace GoShop.Search.Index.Lucene;

/// <summary>The filters a buyer picks from the facets; a facet's own counts leave its own filter out (drill sideways).</summary>
[Flags]
internal enum FacetDimension
{
    None = 0,
    Category = 1,
    Brand = 2,
    Price = 4,
    Rating = 8,
    /// <summary>The shop filter is a facet only when the search has a point (the shops near it are then counted).</summary>
    Shop = 16,
}

/// <summary>
/// Drill sideways in one pass, as Lucene.Net.Facet's <c>DrillSideways</c> does but over this index's doc values: the
/// query keeps the text and the other filters (in stock, radius) and leaves out the facet filters, which are checked here
/// per match. A match that passes them all is a result and counts in every facet; one that fails exactly one filter
/// counts only in that filter's facet (so the other choices of that facet keep their counts); one that fails two or more
/// counts nowhere. Nothing is searched twice.
/// </summary>
internal sealed class FacetFilters
{
    private readonly BytesRef[] _categories;
    private readonly BytesRef[] _brands;
    private readonly long _minPrice, _maxPrice, _minRating;
    private readonly BytesRef? _shop;

    private SortedSetDocValues? _categoryValues;
    private SortedDocValues? _brandValues, _shopValues;
    private NumericDocValues? _priceValues, _ratingValues;
    private long[] _categoryOrds = [];
    private int[] _brandOrds = [];
    private int _shopOrd = -1;

    private FacetFilters(SearchRequest request, FacetDimension dimensions)
    {
        Dimensions = dimensions;
        _categories = request.CategoryIds.Select(c => new BytesRef(ProductFields.IdTerm(c))).ToArray();
        _brands = request.Brands.Select(TextFolding.Key).Where(k => k.Length > 0).Distinct().Select(k => new BytesRef(k)).ToArray();
        _minPrice = request.MinPrice is { } min ? ProductFields.Scaled(min) : long.MinValue;
        _maxPrice = request.MaxPrice is { } max ? ProductFields.Scaled(max) : long.MaxValue;
        _minRating = request.MinRating is { } rating ? ProductFields.Scaled((decimal)rating) : long.MinValue;
        _shop = request.ShopId is { } shop ? new BytesRef(ProductFields.IdTerm(shop)) : null;
    }

    /// <summary>The facet filters the request has.</summary>
    public FacetDimension Dimensions { get; }

    /// <summary>The facet filters of a request with facets, to check per match; null when it has none (the query then filters everything).</summary>
    public static FacetFilters? For(SearchRequest request)
    {
        if (!request.WithFacets)
            return null;
        var dimensions = FacetDimension.None;
        if (request.CategoryIds.Count > 0)
            dimensions |= FacetDimension.Category;
        if (request.Brands.Count > 0)
            dimensions |= FacetDimension.Brand;
        if (request.MinPrice is not null || request.MaxPrice is not null)
            dimensions |= FacetDimension.Price;
        if (request.MinRating is not null)
            dimensions |= FacetDimension.Rating;
        if (request is { ShopId: not null, Near: not null })
            dimensions |= FacetDimension.Shop;
        return dimensions == FacetDimension.None ? null : new FacetFilters(request, dimensions);
    }

    public void SetNextReader(AtomicReader reader)
    {
        if (Dimensions.HasFlag(FacetDimension.Category))
        {
            _categoryValues = reader.GetSortedSetDocValues(ProductFields.CategoryValues);
            _categoryOrds = _categoryValues is null ? [] : _categories.Select(_categoryValues.LookupTerm).Where(o => o >= 0).ToArray();
        }
        if (Dimensions.HasFlag(FacetDimension.Brand))
        {
            _brandValues = reader.GetSortedDocValues(ProductFields.BrandKeyValue);
            _brandOrds = _brandValues is null ? [] : _brands.Select(_brandValues.LookupTerm).Where(o => o >= 0).ToArray();
        }
        if (Dimensions.HasFlag(FacetDimension.Shop))
        {
            _shopValues = reader.GetSortedDocValues(ProductFields.ShopValue);
            _shopOrd = _shopValues?.LookupTerm(_shop!) ?? -1;
        }
        _priceValues = Dimensions.HasFlag(FacetDimension.Price) ? reader.GetNumericDocValues(ProductFields.PriceValue) : null;
        _ratingValues = Dimensions.HasFlag(FacetDimension.Rating) ? reader.GetNumericDocValues(ProductFields.RatingValue) : null;
    }

    /// <summary>The facet filters this document fails.</summary>
    public FacetDimension Failed(int doc)
    {
        var failed = FacetDimension.None;
        if (Dimensions.HasFlag(FacetDimension.Category) && !InCategory(doc))
            failed |= FacetDimension.Category;
        if (Dimensions.HasFlag(FacetDimension.Brand) && (_brandValues is null || Array.IndexOf(_brandOrds, _brandValues.GetOrd(doc)) < 0))
            failed |= FacetDimension.Brand;
        if (Dimensions.HasFlag(FacetDimension.Price) && (_priceValues?.Get(doc) ?? 0) is var price && (price < _minPrice || price > _maxPrice))
            failed |= FacetDimension.Price;
        if (Dimensions.HasFlag(FacetDimension.Rating) && (_ratingValues?.Get(doc) ?? 0) < _minRating)
            failed |= FacetDimension.Rating;
        if (Dimensions.HasFlag(FacetDimension.Shop) && (_shopOrd < 0 || _shopValues!.GetOrd(doc) != _shopOrd))
            failed |= FacetDimension.Shop;
        return failed;
    }

    private bool InCategory(int doc)
    {
        if (_categoryOrds.Length == 0)
            return false;
        _categoryValues!.SetDocument(doc);
        long ord;
        while ((ord = _categoryValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            if (Array.IndexOf(_categoryOrds, ord) >= 0)
                return true;
        }
        return false;
    }
}
