// The buyer's orders, newest first, with their status kept live by myOrderUpdates; reviews waiting to be written.
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery, useSubscription } from 'urql';
import { Alert, Loading, Price, formatDateTime, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { usePageTitle } from '../usePageTitle';

const OrdersQuery = graphql(`
  query StorefrontOrders($after: String) {
    myOrders(first: 20, after: $after) {
      totalCount
      edges { node { id number status placedAt paymentMethod shop { id name } fees { total { amount currency } } lines { id title quantity } } }
      pageInfo { hasNextPage endCursor }
    }
    reviewsToWrite(first: 10) { subject orderNumber order { id } product { id } productTitle shop { id name } }
  }
`);

const MyOrderUpdates = graphql(`
  subscription StorefrontMyOrderUpdates {
    myOrderUpdates { from to at order { id status updatedAt } }
  }
`);

export default function OrdersPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  usePageTitle('nav.orders');
  const [params] = useSearchParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrdersQuery, variables: {}, requestPolicy: 'cache-and-network' });
  // The update carries the order's id and status: Graphcache updates the row in place.
  const [live] = useSubscription({ query: MyOrderUpdates });
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: 'network-only' });
  }, [live.data, refetch]);
  if (fetching && !data) return <Loading />;
  const toWrite = data?.reviewsToWrite.filter((r) => r.subject === 'PRODUCT' && r.order && r.product) ?? [];
  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">{t('nav.orders')}</h1>
      {params.get('placed') && <Alert kind="success">{t('orders.placed')}</Alert>}
      <Alert>{friendlyError(error, i18n)}</Alert>
      {toWrite.length > 0 && (
        <section className="gs-card" aria-labelledby="to-review">
          <h2 id="to-review">{t('reviews.toWrite')}</h2>
          <ul>{toWrite.map((r) => (
            <li key={`${r.order!.id}-${r.product!.id}`}>
              <Link to={`/orders/${r.order!.id}?review=${r.product!.id}`}>{t('reviews.writeFor', { title: r.productTitle ?? '' })}</Link>
            </li>
          ))}</ul>
        </section>
      )}
      {data?.myOrders.edges.length === 0 ? <p>{t('orders.none')}</p> : (
        <table className="sf-table">
          <caption className="gs-visually-hidden">{t('nav.orders')}</caption>
          <thead><tr><th scope="col">{t('orders.order')}</th><th scope="col">{t('orders.shop')}</th><th scope="col">{t('orders.items')}</th><th scope="col">{t('fees.total')}</th><th scope="col">{t('orders.status')}</th></tr></thead>
          <tbody>
            {data?.myOrders.edges.map(({ node }) => (
              <tr key={node.id} data-testid={`order-row-${node.id}`}>
                <td><Link to={`/orders/${node.id}`}>{t('orders.number', { number: node.number })}</Link><br /><small className="gs-muted">{formatDateTime(node.placedAt, locale)}</small></td>
                <td>{node.shop?.name}</td>
                <td>{node.lines.map((l) => `${l.title} × ${l.quantity}`).join(', ')}</td>
                <td><Price amount={node.fees.total.amount} currency={node.fees.total.currency} /></td>
                <td><span className="sf-status" data-testid="order-status">{t(`status.${node.status}`)}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
