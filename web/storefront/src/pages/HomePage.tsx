import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { Alert, Loading, friendlyError, useAuth, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { ProductCard } from '../components/ProductCard';
import { usePageTitle } from '../usePageTitle';

const HomeQuery = graphql(`
  query StorefrontHome($signedIn: Boolean!) {
    categories { id name nameEn slug }
    trendingProducts(first: 12) { id ...ProductCard }
    recommendedProducts(first: 12) @include(if: $signedIn) { id ...ProductCard }
  }
`);

export function HomePage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { viewer } = useAuth();
  usePageTitle(null);
  const [{ data, fetching, error }] = useQuery({ query: HomeQuery, variables: { signedIn: viewer !== null } });
  if (fetching && !data) return <Loading />;
  const trending = data?.trendingProducts.filter((p) => p !== null) ?? [];
  const recommended = data?.recommendedProducts?.filter((p) => p !== null) ?? [];
  return (
    <>
      <h1 className="gs-visually-hidden">GoShop</h1>
      {/* A product trending a moment ago may be gone now: its null is dropped, and the rest of the page still shows. */}
      <Alert>{data ? null : friendlyError(error, i18n)}</Alert>
      <section aria-labelledby="home-categories">
        <h2 id="home-categories">{t('home.categories')}</h2>
        <ul className="sf-chips">
          {data?.categories.map((c) => (
            <li key={c.id}><Link to={`/search?category=${c.id}`}>{locale === 'en' && c.nameEn ? c.nameEn : c.name}</Link></li>
          ))}
        </ul>
      </section>
      {recommended.length > 0 && (
        <section aria-labelledby="home-recommended">
          <h2 id="home-recommended">{t('home.recommended')}</h2>
          <ul className="gs-grid">{recommended.map((p) => <ProductCard key={p.id} product={p} />)}</ul>
        </section>
      )}
      <section aria-labelledby="home-trending">
        <h2 id="home-trending">{t('home.trending')}</h2>
        {trending.length === 0 ? <p className="gs-muted">{t('home.nothingTrending')}</p>
          : <ul className="gs-grid">{trending.map((p) => <ProductCard key={p.id} product={p} />)}</ul>}
      </section>
    </>
  );
}
