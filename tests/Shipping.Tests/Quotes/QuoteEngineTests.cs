using GoShop.BuildingBlocks.Domain;
using GoShop.Shipping.Geocoding;
using GoShop.Shipping.Quotes;
using Microsoft.Extensions.Options;

namespace GoShop.Shipping.Tests.Quotes;

/// <summary>The fee rule: base + road distance + weight tiers (volumetric included), ceiling, method, remote area, COD.</summary>
public sealed class QuoteEngineTests
{
    // Hồ Chí Minh City: Bến Thành market, and a point in District 5 about 3.9 km away as the crow flies.
    private static readonly GeoPoint BenThanh = new(10.7725, 106.6980);
    private static readonly GeoPoint District5 = new(10.7560, 106.6670);
    private static readonly GeoPoint ThuDuc = new(10.8486, 106.7721);
    private static readonly GeoPoint Hanoi = new(21.0285, 105.8542);
    private static readonly Gazetteer Places = Gazetteer.Load();

    [Fact]
    public void A_light_parcel_costs_the_base_fee_plus_the_road_distance_and_the_breakdown_adds_up()
    {
        var quote = Quote(new QuoteRequest(BenThanh, District5, 800));

        Assert.Equal(3.9, quote.StraightLineKm);
        Assert.Equal(4.8, quote.DistanceKm);
        Assert.Equal(["Base fee", "Distance 4.8 km by road (3.9 km as the crow flies × 1.25)"], quote.Breakdown.Select(l => l.Label));
        Assert.Equal(15_000m + 1_920m, quote.Fee);
        Assert.Equal(quote.Fee, quote.Breakdown.Sum(l => l.Amount));
        Assert.Equal(("VND", false, false, 800), (quote.Currency, quote.DistanceAssumed, quote.RemoteArea, quote.ChargeableWeightGrams));
    }

    [Fact]
    public void The_fee_grows_with_the_distance_and_with_the_weight()
    {
        var near = Quote(new QuoteRequest(BenThanh, District5, 800)).Fee;
        var farther = Quote(new QuoteRequest(BenThanh, ThuDuc, 800)).Fee;
        var heavier = Quote(new QuoteRequest(BenThanh, District5, 2_100)).Fee;

        Assert.True(farther > near, $"{farther} > {near}");
        Assert.True(heavier > near, $"{heavier} > {near}");
    }

    [Fact]
    public void Weight_is_charged_per_started_half_kilo_over_the_first_kilo_and_more_per_half_kilo_in_the_heavy_tier()
    {
        var light = Quote(new QuoteRequest(BenThanh, BenThanh, 1_000));
        var three = Quote(new QuoteRequest(BenThanh, BenThanh, 2_100));
        var heavy = Quote(new QuoteRequest(BenThanh, BenThanh, 12_000));

        Assert.Equal(15_000m, light.Fee);
        Assert.Equal("Weight 2100 g: 3 × 500 g over the first 1000 g", three.Breakdown[^1].Label);
        Assert.Equal(15_000m + 3 * 2_500m, three.Fee);
        // 9 kg at 2,500 đ per half-kilo, then 2 kg at 4,000 đ.
        Assert.Equal(15_000m + 18 * 2_500m + 4 * 4_000m, heavy.Fee);
        Assert.Equal("Heavy parcel: 4 × 500 g over 10000 g", heavy.Breakdown[^1].Label);
    }

    [Fact]
    public void A_bulky_light_parcel_is_charged_its_volumetric_weight()
    {
        // 40 × 30 × 25 cm ÷ 6000 = 5 kg although it weighs 600 g.
        var quote = Quote(new QuoteRequest(BenThanh, BenThanh, 600, Dimensions: new ParcelDimensions(40, 30, 25)));

        Assert.Equal(5_000, quote.ChargeableWeightGrams);
        Assert.StartsWith("Volumetric weight 5000 g: 8 × 500 g", quote.Breakdown[^1].Label, StringComparison.Ordinal);
        Assert.Equal(15_000m + 8 * 2_500m, quote.Fee);
        Assert.Equal(quote.Fee, Quote(new QuoteRequest(BenThanh, BenThanh, 5_000)).Fee);
    }

    [Fact]
    public void Base_and_distance_stop_at_the_ceiling_and_the_method_multiplies_the_transport()
    {
        var standard = Quote(new QuoteRequest(Hanoi, BenThanh, 500));
        var express = Quote(new QuoteRequest(Hanoi, BenThanh, 500, ShippingMethod.Express));

        Assert.InRange(standard.DistanceKm, 1_400, 1_500);
        Assert.Contains(standard.Breakdown, l => l.Label == "Ceiling of 150,000 đ on the base fee and distance" && l.Amount < 0);
        Assert.Equal(150_000m, standard.Fee);
        Assert.Equal(150_000m * 1.4m, express.Fee);
        Assert.Equal("EXPRESS × 1.4", express.Breakdown[^1].Label);
        Assert.True(express.EtaMinutes < standard.EtaMinutes);
    }

    [Fact]
    public void A_long_distance_parcel_still_costs_more_the_heavier_it_is_and_the_breakdown_says_why()
    {
        var hanoiOldQuarter = new GeoPoint(21.0245, 105.8412);
        var saigon = new GeoPoint(10.77, 106.70);
        var daNang = Places.Provinces.Single(p => p.Name == "Đà Nẵng").Point;

        var light = Quote(new QuoteRequest(hanoiOldQuarter, saigon, 500));
        var heavy = Quote(new QuoteRequest(hanoiOldQuarter, saigon, 20_000));
        var toDaNangLight = Quote(new QuoteRequest(hanoiOldQuarter, daNang, 500));
        var toDaNangThreeKilos = Quote(new QuoteRequest(hanoiOldQuarter, daNang, 3_000));

        Assert.Equal(150_000m, light.Fee);
        // 9 kg over the first kilo at 2,500 đ per half-kilo, then 10 kg in the heavy tier at 4,000 đ.
        Assert.Equal(150_000m + 18 * 2_500m + 20 * 4_000m, heavy.Fee);
        Assert.Equal(["Weight 20000 g: 18 × 500 g over the first 1000 g", "Heavy parcel: 20 × 500 g over 10000 g"],
            heavy.Breakdown.Skip(3).Select(l => l.Label));
        Assert.Equal(toDaNangLight.Fee + 4 * 2_500m, toDaNangThreeKilos.Fee);
        Assert.Equal(heavy.Fee, heavy.Breakdown.Sum(l => l.Amount));
    }

    [Fact]
    public void At_every_distance_a_heavier_parcel_costs_more()
    {
        foreach (var to in Places.Provinces.Select(p => p.Point))
        {
            var fees = new[] { 500, 1_500, 5_000, 12_000, 30_000 }.Select(grams => Quote(new QuoteRequest(Hanoi, to, grams)).Fee).ToList();
            Assert.True(fees.Zip(fees.Skip(1)).All(pair => pair.Second > pair.First), $"to {to}: {string.Join(" < ", fees)}");
        }
    }

    [Fact]
    public void Same_day_serves_short_distances_only()
    {
        var near = Engine().Quote(new QuoteRequest(BenThanh, ThuDuc, 500, ShippingMethod.SameDay));
        var far = Engine().Quote(new QuoteRequest(Hanoi, BenThanh, 500, ShippingMethod.SameDay));

        Assert.True(near.Succeeded);
        Assert.Equal("METHOD_OUT_OF_RANGE", far.Error?.Code);
    }

    [Fact]
    public void A_destination_far_from_every_hub_is_a_remote_area_with_its_surcharge()
    {
        var laoCai = Places.Provinces.Single(p => p.Name == "Lào Cai").Point;
        var haiPhong = Places.Provinces.Single(p => p.Name == "Hải Phòng").Point;

        var remote = Quote(new QuoteRequest(Hanoi, laoCai, 500));
        var nearHub = Quote(new QuoteRequest(Hanoi, haiPhong, 500));

        Assert.True(remote.RemoteArea);
        Assert.Equal(10_000m, remote.Breakdown.Single(l => l.Label.StartsWith("Remote area", StringComparison.Ordinal)).Amount);
        Assert.False(nearHub.RemoteArea);
        Assert.DoesNotContain(nearHub.Breakdown, l => l.Label.StartsWith("Remote area", StringComparison.Ordinal));
    }

    [Fact]
    public void Cash_on_delivery_costs_a_share_of_the_cash_with_a_minimum()
    {
        var small = Quote(new QuoteRequest(BenThanh, District5, 800, CodAmount: 200_000m));
        var large = Quote(new QuoteRequest(BenThanh, District5, 800, CodAmount: 3_000_000m));
        var prepaid = Quote(new QuoteRequest(BenThanh, District5, 800));

        Assert.Equal(5_000m, small.Fee - prepaid.Fee);
        Assert.Equal(15_000m, large.Fee - prepaid.Fee);
        Assert.StartsWith("Cash on delivery", large.Breakdown[^1].Label, StringComparison.Ordinal);
    }

    [Fact]
    public void A_destination_without_a_point_is_charged_the_assumed_distance_and_says_so()
    {
        var quote = Quote(new QuoteRequest(BenThanh, null, 800));

        Assert.True(quote.DistanceAssumed);
        Assert.Equal(12.5, quote.DistanceKm);
        Assert.Equal(15_000m + 5_000m, quote.Fee);
        Assert.Contains("assumed", quote.Breakdown[1].Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_parcels_are_refused_with_their_reason()
    {
        var engine = Engine();

        Assert.Equal("WEIGHT_OUT_OF_RANGE", engine.Quote(new QuoteRequest(BenThanh, District5, -1)).Error?.Code);
        Assert.Equal("WEIGHT_OUT_OF_RANGE", engine.Quote(new QuoteRequest(BenThanh, District5, 50_001)).Error?.Code);
        Assert.Equal("WEIGHT_OUT_OF_RANGE", engine.Quote(new QuoteRequest(BenThanh, District5, 1_000, Dimensions: new ParcelDimensions(100, 100, 100))).Error?.Code);
        Assert.Equal("INVALID_DIMENSIONS", engine.Quote(new QuoteRequest(BenThanh, District5, 1_000, Dimensions: new ParcelDimensions(0, 10, 10))).Error?.Code);
        Assert.Equal("INVALID_COD_AMOUNT", engine.Quote(new QuoteRequest(BenThanh, District5, 1_000, CodAmount: -5m)).Error?.Code);
    }

    [Fact]
    public void The_eta_is_handling_plus_travel_and_a_fresh_eta_is_travel_only()
    {
        var engine = Engine();
        var quote = Quote(new QuoteRequest(BenThanh, ThuDuc, 500, ShippingMethod.Express));
        var travel = engine.EtaMinutes(BenThanh, ThuDuc, ShippingMethod.Express);

        Assert.Equal(60 + travel, quote.EtaMinutes);
        Assert.Equal((int)Math.Ceiling(engine.RoadDistanceKm(BenThanh, ThuDuc) / 30 * 60), travel);
        Assert.Equal(0, engine.EtaMinutes(BenThanh, BenThanh));
    }

    [Fact]
    public void The_rule_follows_its_options()
    {
        var options = new ShippingQuoteOptions { BaseFee = 10_000m, PerKm = 1_000m, RoadFactor = 1.0 };
        var quote = new ShippingQuoteEngine(Options.Create(options), Places).Quote(new QuoteRequest(BenThanh, District5, 500)).Value!;

        Assert.Equal(3.9, quote.DistanceKm);
        Assert.Equal(10_000m + 3_900m, quote.Fee);
    }

    internal static ShippingQuoteEngine Engine() => new(Options.Create(new ShippingQuoteOptions()), Places);

    private static ShippingQuote Quote(QuoteRequest request)
    {
        var quoted = Engine().Quote(request);
        Assert.True(quoted.Succeeded, quoted.Error?.Message);
        return quoted.Value;
    }
}
