// Shops near me: the browser's position when the shopper allows it, else a city they pick.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { Alert, Button, Loading, SelectField, Stars, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { usePageTitle } from '../usePageTitle';

const NearQuery = graphql(`
  query StorefrontShopsNear($location: GeoPointInput!, $radiusKm: Float) {
    shopsNear(location: $location, radiusKm: $radiusKm, first: 20) { distanceKm shop { id name city address ratingAverage ratingCount } }
  }
`);

const cities = [
  { id: 'hn', lat: 21.0285, lng: 105.8542 },
  { id: 'dn', lat: 16.0544, lng: 108.2022 },
  { id: 'hcm', lat: 10.7769, lng: 106.7009 },
];

export default function ShopsNearPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('shops.title');
  const [location, setLocation] = useState({ lat: cities[0].lat, lng: cities[0].lng });
  const [radius, setRadius] = useState(10);
  const [geoError, setGeoError] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: NearQuery, variables: { location, radiusKm: radius } });
  const locate = () => navigator.geolocation?.getCurrentPosition(
    (p) => { setGeoError(null); setLocation({ lat: p.coords.latitude, lng: p.coords.longitude }); },
    () => setGeoError(t('shops.noPosition')),
  );
  return (
    <section aria-labelledby="near-title">
      <h1 id="near-title">{t('shops.title')}</h1>
      <div className="gs-row">
        <Button variant="secondary" onClick={locate}>{t('shops.useMyPosition')}</Button>
        <SelectField label={t('shops.city')} onChange={(e) => { const c = cities.find((x) => x.id === e.target.value)!; setLocation({ lat: c.lat, lng: c.lng }); }}>
          {cities.map((c) => <option key={c.id} value={c.id}>{t(`city.${c.id}`)}</option>)}
        </SelectField>
        <SelectField label={t('shops.radius')} value={radius} onChange={(e) => setRadius(Number(e.target.value))}>
          {[2, 5, 10, 25, 50].map((r) => <option key={r} value={r}>{r} km</option>)}
        </SelectField>
      </div>
      <Alert>{geoError ?? friendlyError(error, i18n)}</Alert>
      {fetching && !data ? <Loading /> : data?.shopsNear.length === 0 ? <p>{t('shops.none')}</p> : (
        <ul>
          {data?.shopsNear.map(({ shop, distanceKm }) => (
            <li key={shop.id}>
              <Link to={`/search?shop=${shop.id}`}>{shop.name}</Link> · {t('shops.distance', { km: distanceKm.toFixed(1) })} · {shop.address}
              {shop.ratingCount > 0 && <> · <Stars rating={shop.ratingAverage} label={t('product.ratingOf', { rating: shop.ratingAverage.toFixed(1) })} /></>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
