/**
 * The shop's products, every status (drafts and products taken off sale too), newest first, with their stock. The
 * root products field with the shop's id, not Shop.products: catalog prices a list reached through the shop (an
 * _entities call) about twenty times higher, past its complexity limit for a page of twenty.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { Alert, Button, Field, Loading, SelectField, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import type { ProductStatus } from '../gql/graphql';
import { useShopId } from '../shell/CurrentShop';
import { usePageTitle } from '../shell/usePageTitle';
import { Thumbnail } from '../components/Thumbnail';

const ProductsQuery = graphql(`
  query SellerProducts($shopId: ID!, $text: String, $status: [ProductStatus!], $after: String) {
    products(where: { shopId: $shopId, text: $text, status: $status }, order: NEWEST, first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id
            title
            status
            price { amount }
            effectivePrice { amount }
            soldCount
            inventory { available reserved isLowStock }
            variants { id }
            media { id url variants { name url } }
          }
        }
    }
  }
`);

export const allStatuses: readonly ProductStatus[] = ['ACTIVE', 'OUT_OF_STOCK', 'DRAFT', 'ARCHIVED'];

export function ProductsPage() {
  const i18n = useI18n();
  const { t, money } = i18n;
  usePageTitle('seller.nav.products');
  const shopId = useShopId();
  const [draft, setDraft] = useState('');
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<ProductStatus | ''>('');
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: ProductsQuery,
    variables: { shopId, text, status: status ? [status] : [...allStatuses], after },
    requestPolicy: 'cache-and-network',
  });
  const products = data?.products;

  function search(event: FormEvent) {
    event.preventDefault();
    setAfter(null);
    setText(draft.trim() || null);
  }

  return (
    <section aria-labelledby="products-title">
      <div className="seller-toolbar">
        <h1 id="products-title">{t('seller.nav.products')}</h1>
        <Link className="gs-button gs-button--primary" to="/products/new">{t('seller.products.add')}</Link>
      </div>
      <form className="seller-filters" onSubmit={search} role="search">
        <Field label={t('seller.products.search')} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <SelectField label={t('seller.products.status')} value={status} onChange={(e) => { setAfter(null); setStatus(e.target.value as ProductStatus | ''); }}>
          <option value="">{t('seller.products.allStatuses')}</option>
          {allStatuses.map((s) => <option key={s} value={s}>{t(`seller.productStatus.${s}`)}</option>)}
        </SelectField>
        <Button type="submit" variant="secondary">{t('seller.products.searchButton')}</Button>
      </form>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {fetching && !data && <Loading />}
      {products && (
        <>
          <p className="gs-muted" role="status">{t('seller.products.count', { count: products.totalCount })}</p>
          {products.edges.length > 0 && (
            <table className="seller-table">
              <thead>
                <tr>
                  <th scope="col">{t('seller.product')}</th>
                  <th scope="col">{t('seller.products.status')}</th>
                  <th scope="col">{t('seller.products.price')}</th>
                  <th scope="col">{t('seller.products.available')}</th>
                  <th scope="col">{t('seller.products.sold')}</th>
                </tr>
              </thead>
              <tbody>
                {products.edges.map(({ node }) => (
                  <tr key={node.id} data-product-id={node.id}>
                    <td className="seller-product-cell">
                      <Thumbnail media={node.media[0] ?? null} />
                      <Link to={`/products/${node.id}`}>{node.title}</Link>
                      {node.variants.length > 0 && <span className="gs-muted"> · {t('seller.products.variantCount', { count: node.variants.length })}</span>}
                    </td>
                    <td>{t(`seller.productStatus.${node.status}`)}</td>
                    <td>
                      {money(node.effectivePrice.amount)}
                      {node.effectivePrice.amount !== node.price.amount && <s className="gs-muted"> {money(node.price.amount)}</s>}
                    </td>
                    <td>
                      {node.inventory.available}
                      {node.inventory.isLowStock && <span className="seller-badge seller-badge--low"> {t('seller.inventory.low')}</span>}
                    </td>
                    <td>{node.soldCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {products.edges.length === 0 && <p>{t('seller.products.none')}</p>}
          {products.pageInfo.hasNextPage && (
            <Button variant="secondary" onClick={() => setAfter(products.pageInfo.endCursor ?? null)}>{t('seller.nextPage')}</Button>
          )}
          {after && <Button variant="link" onClick={() => setAfter(null)}>{t('seller.firstPage')}</Button>}
        </>
      )}
    </section>
  );
}
