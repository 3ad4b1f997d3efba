// Search with facets: the query, filters and sort live in the URL (shareable, back button works); the facets
// count what the current query finds, so a shopper narrows by category, brand, price, rating or shop.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Loading, SelectField, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import type { SearchSort } from '../gql/graphql';
import { ProductCard } from '../components/ProductCard';
import { usePageTitle } from '../usePageTitle';

const SearchQuery = graphql(`
  query StorefrontSearch($query: String, $filters: SearchFilterInput, $sort: SearchSort, $first: Int, $after: String) {
    search(query: $query, filters: $filters, sort: $sort, first: $first, after: $after) {
      totalCount
      edges { node { id ...ProductCard } }
      pageInfo { hasNextPage endCursor }
      facets {
        categories { value label count }
        brands { value label count }
        priceRanges { min max count }
        ratings { value label count }
        shops { shop { id name } count }
      }
    }
  }
`);

const TrackSearch = graphql(`
  mutation StorefrontTrackSearch($input: TrackSearchInput!) {
    trackSearch(input: $input) { userErrors { code message } }
  }
`);

const sorts: SearchSort[] = ['RELEVANCE', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST', 'BEST_SELLING', 'RATING'];

export default function SearchPage() {
  const i18n = useI18n();
  const { t, money } = i18n;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const brands = params.getAll('brand');
  const filters = {
    categoryId: params.get('category') ?? undefined,
    brands: brands.length > 0 ? brands : undefined,
    minPrice: params.get('min') ? Number(params.get('min')) : undefined,
    maxPrice: params.get('max') ? Number(params.get('max')) : undefined,
    minRating: params.get('rating') ? Number(params.get('rating')) : undefined,
    shopId: params.get('shop') ?? undefined,
    inStockOnly: params.get('stock') === '1' ? true : undefined,
  };
  const sort = (params.get('sort') as SearchSort | null) ?? (q ? 'RELEVANCE' : 'BEST_SELLING');
  const after = params.get('after') ?? undefined;
  usePageTitle(q ? t('search.titleFor', { q }) : t('search.title'), true);
  const [{ data, fetching, error }] = useQuery({ query: SearchQuery, variables: { query: q || undefined, filters, sort, first: 24, after } });
  const [, trackSearch] = useMutation(TrackSearch);
  const total = data?.search.totalCount;
  useEffect(() => {
    if (q && total !== undefined) void trackSearch({ input: { query: q, resultCount: total } });
  }, [q, total, trackSearch]);

  const change = (mutate: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    mutate(next);
    next.delete('after');
    setParams(next);
  };
  const toggle = (key: string, value: string) => change((p) => {
    const values = p.getAll(key);
    p.delete(key);
    for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value]) p.append(key, v);
  });
  const set = (key: string, value: string | null) => change((p) => (value === null ? p.delete(key) : p.set(key, value)));

  const facets = data?.search.facets;
  return (
    <div className="sf-layout">
      <aside className="sf-facets" aria-label={t('search.filters')}>
        <h2>{t('search.filters')}</h2>
        {facets && facets.categories.length > 0 && (
          <fieldset>
            <legend>{t('search.category')}</legend>
            {facets.categories.map((c) => (
              <div key={c.value}>
                <label><input type="radio" name="category" checked={filters.categoryId === c.value}
                  onChange={() => set('category', c.value)} /> {c.label} ({c.count})</label>
              </div>
            ))}
            {filters.categoryId && <Button variant="link" onClick={() => set('category', null)}>{t('search.clear')}</Button>}
          </fieldset>
        )}
        {facets && facets.brands.length > 0 && (
          <fieldset>
            <legend>{t('search.brand')}</legend>
            {facets.brands.map((b) => (
              <div key={b.value}>
                <label><input type="checkbox" checked={brands.includes(b.value)} onChange={() => toggle('brand', b.value)} /> {b.label} ({b.count})</label>
              </div>
            ))}
          </fieldset>
        )}
        {facets && facets.priceRanges.length > 0 && (
          <fieldset>
            <legend>{t('search.price')}</legend>
            {facets.priceRanges.map((r) => {
              const key = `${r.min ?? ''}-${r.max ?? ''}`;
              const checked = (params.get('min') ?? '') === String(r.min ?? '') && (params.get('max') ?? '') === String(r.max ?? '');
              const label = r.min == null ? t('search.under', { max: money(r.max ?? 0) })
                : r.max == null ? t('search.over', { min: money(r.min) }) : `${money(r.min)} – ${money(r.max)}`;
              return (
                <div key={key}>
                  <label><input type="radio" name="price" checked={checked} onChange={() => change((p) => {
                    if (r.min == null) p.delete('min'); else p.set('min', String(r.min));
                    if (r.max == null) p.delete('max'); else p.set('max', String(r.max));
                  })} /> {label} ({r.count})</label>
                </div>
              );
            })}
            {(params.get('min') || params.get('max')) && <Button variant="link" onClick={() => change((p) => { p.delete('min'); p.delete('max'); })}>{t('search.clear')}</Button>}
          </fieldset>
        )}
        {facets && facets.ratings.length > 0 && (
          <fieldset>
            <legend>{t('search.rating')}</legend>
            {facets.ratings.map((r) => (
              <div key={r.value}>
                <label><input type="radio" name="rating" checked={params.get('rating') === r.value} onChange={() => set('rating', r.value)} />
                  {' '}{t('search.starsUp', { stars: r.value })} ({r.count})</label>
              </div>
            ))}
          </fieldset>
        )}
        {facets && facets.shops.length > 0 && (
          <fieldset>
            <legend>{t('search.shop')}</legend>
            {facets.shops.filter((s) => s.shop).map((s) => (
              <div key={s.shop!.id}>
                <label><input type="radio" name="shop" checked={filters.shopId === s.shop!.id} onChange={() => set('shop', s.shop!.id)} /> {s.shop!.name} ({s.count})</label>
              </div>
            ))}
          </fieldset>
        )}
        <label><input type="checkbox" checked={filters.inStockOnly === true} onChange={(e) => set('stock', e.target.checked ? '1' : null)} /> {t('search.inStock')}</label>
      </aside>
      <section aria-labelledby="search-title">
        <h1 id="search-title">{q ? t('search.titleFor', { q }) : t('search.title')}</h1>
        <div className="gs-row">
          {total !== undefined && <p role="status" data-testid="result-count">{t('search.count', { count: total })}</p>}
          <SelectField label={t('search.sort')} value={sort} onChange={(e) => set('sort', e.target.value)}>
            {sorts.map((s) => <option key={s} value={s}>{t(`search.sort.${s}`)}</option>)}
          </SelectField>
        </div>
        <Alert>{friendlyError(error, i18n)}</Alert>
        {fetching && !data ? <Loading /> : (
          data?.search.edges.length === 0 ? <p>{t('search.none')}</p> : (
            <ul className="gs-grid">{data?.search.edges.flatMap(({ node }) => (node ? [<ProductCard key={node.id} product={node} />] : []))}</ul>
          )
        )}
        {data?.search.pageInfo.hasNextPage && (
          <Button variant="secondary" onClick={() => setParams((p) => { const n = new URLSearchParams(p); n.set('after', data.search.pageInfo.endCursor ?? ''); return n; })}>
            {t('search.next')}
          </Button>
        )}
      </section>
    </div>
  );
}
