using System.Globalization;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace GoShop.Search.Index.Lucene;

/// <summary>
/// The fields of a product's document and how a product becomes one. Text fields are for matching; the *_dv fields are
/// doc values, read per hit for sorting, paging, distance and facets; numbers are scaled to longs (prices in
/// hundredths, ratings in hundredths, coordinates in micro-degrees).
/// </summary>
internal static class ProductFields
{
    public const string Id = "id";
    public const string IdHigh = "id_hi_dv";
    public const string IdLow = "id_lo_dv";
    public const string Title = "title";
    public const string TitleExact = "title_exact";
    public const string Text = "text";
    public const string Description = "description";
    public const string TitleKey = "title_key";
    public const string BrandKey = "brand_key";
    public const string BrandTerm = "brand_term";
    public const string Brand = "brand_dv";
    public const string BrandKeyValue = "brand_key_dv";
    public const string ModelKey = "model_key";
    public const string Category = "category";
    public const string CategoryValues = "category_dv";
    public const string CategoryTerm = "category_term";
    public const string Shop = "shop";
    public const string ShopValue = "shop_dv";
    public const string Price = "price";
    public const string PriceValue = "price_dv";
    public const string Rating = "rating";
    public const string RatingValue = "rating_dv";
    public const string SoldValue = "sold_dv";
    public const string CreatedValue = "created_dv";
    public const string InStock = "in_stock";
    public const string Latitude = "lat";
    public const string Longitude = "lng";
    public const string LatitudeValue = "lat_dv";
    public const string LongitudeValue = "lng_dv";
    public const string HasLocationValue = "geo_dv";
    public const string Stored = "product";

    /// <summary>Separates a folded name from what is shown in the *_term fields suggestions enumerate.</summary>
    public const char TermSeparator = '\u001f';

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static long Scaled(decimal amount) => (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero);

    public static long MicroDegrees(double degrees) => (long)Math.Round(degrees * 1_000_000d);

    public static (long High, long Low) IdParts(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes), System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes[8..]));
    }

    public static Guid IdOf(long high, long low)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, high);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[8..], low);
        return new Guid(bytes, bigEndian: true);
    }

    public static string IdTerm(Guid id) => id.ToString("N");

    public static Document ToDocument(IndexedProduct product)
    {
        var (high, low) = IdParts(product.Id);
        var document = new Document
        {
            new StringField(Id, IdTerm(product.Id), Field.Store.YES),
            new NumericDocValuesField(IdHigh, high),
            new NumericDocValuesField(IdLow, low),
            new TextField(Title, product.Title, Field.Store.NO),
            new TextField(TitleExact, product.Title, Field.Store.NO),
            new StringField(TitleKey, TextFolding.Fold(product.Title), Field.Store.NO),
            new TextField(Text, string.Join(' ', new[] { product.Title, product.Brand, product.Model }.Concat(product.CategoryNames).Where(s => !string.IsNullOrWhiteSpace(s))), Field.Store.NO),
            new StringField(Shop, IdTerm(product.ShopId), Field.Store.NO),
            new SortedDocValuesField(ShopValue, new BytesRef(IdTerm(product.ShopId))),
            new Int64Field(Price, Scaled(product.EffectivePrice), Field.Store.NO),
            new NumericDocValuesField(PriceValue, Scaled(product.EffectivePrice)),
            new Int64Field(Rating, Scaled(product.Rating), Field.Store.NO),
            new NumericDocValuesField(RatingValue, Scaled(product.Rating)),
            new NumericDocValuesField(SoldValue, product.SoldCount),
            new NumericDocValuesField(CreatedValue, product.CreatedAt.ToUnixTimeMilliseconds()),
            new StringField(InStock, product.InStock ? "1" : "0", Field.Store.NO),
            new StoredField(Stored, JsonSerializer.Serialize(product, Json)),
        };
        if (!string.IsNullOrWhiteSpace(product.Description))
            document.Add(new TextField(Description, product.Description, Field.Store.NO));
        if (!string.IsNullOrWhiteSpace(product.Brand))
        {
            var brand = product.Brand.Trim();
            document.Add(new StringField(BrandKey, TextFolding.Key(brand), Field.Store.NO));
            document.Add(new StringField(BrandTerm, TextFolding.Fold(brand) + TermSeparator + brand, Field.Store.NO));
            document.Add(new SortedDocValuesField(Brand, new BytesRef(brand)));
            document.Add(new SortedDocValuesField(BrandKeyValue, new BytesRef(TextFolding.Key(brand))));
        }
        if (!string.IsNullOrWhiteSpace(product.Model))
            document.Add(new StringField(ModelKey, TextFolding.Key(product.Model), Field.Store.NO));
        foreach (var category in product.CategoryPath)
        {
            document.Add(new StringField(Category, IdTerm(category), Field.Store.NO));
            document.Add(new SortedSetDocValuesField(CategoryValues, new BytesRef(IdTerm(category))));
        }
        if (product.CategoryId is { } leaf && product.CategoryNames.Count > 0)
            document.Add(new StringField(CategoryTerm, TextFolding.Fold(product.CategoryNames[^1]) + TermSeparator + IdTerm(leaf) + TermSeparator + product.CategoryNames[^1], Field.Store.NO));
        if (product is { Latitude: { } lat, Longitude: { } lng })
        {
            document.Add(new Int64Field(Latitude, MicroDegrees(lat), Field.Store.NO));
            document.Add(new Int64Field(Longitude, MicroDegrees(lng), Field.Store.NO));
            document.Add(new NumericDocValuesField(LatitudeValue, MicroDegrees(lat)));
            document.Add(new NumericDocValuesField(LongitudeValue, MicroDegrees(lng)));
            document.Add(new NumericDocValuesField(HasLocationValue, 1));
        }
        return document;
    }

    public static IndexedProduct FromStored(Document document) =>
        JsonSerializer.Deserialize<IndexedProduct>(document.Get(Stored), Json)!;

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
