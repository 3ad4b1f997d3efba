/**
 * The shop's orders by status, live: a new order or a move (a payment arriving, the buyer cancelling) shows up
 * without reloading (myOrderUpdates). Each order offers what its seller may do now (allowedTransitions): confirm,
 * hand over for delivery, mark delivered, cancel with a reason; a confirmed order gets its shipment's printable label.
 *
 * The list asks Shop.orders for little more than ids, and each card reads its order through order(id): ordering
 * prices a list reached through the shop (an _entities call) about twenty times higher than the same fields from a
 * root field, and a page of twenty orders with their lines would pass its complexity limit.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery, useSubscription } from 'urql';
import { Alert, Button, Field, Loading, friendlyError, useI18n } from '@goshop/shared';
import { graphql, getFragmentData, type FragmentType } from '../gql';
import type { OrderStatus } from '../gql/graphql';
import { useShopId } from '../shell/CurrentShop';
import { usePageTitle } from '../shell/usePageTitle';
import { useFormMutation } from '../forms/useFormMutation';
import { TextAreaField } from '../components/TextAreaField';

export const SellerOrderCard = graphql(`
  fragment SellerOrderCard on Order {
    id
    number
    status
    placedAt
    paymentMethod
    note
    carrier
    trackingNumber
    buyer { id fullName }
    deliveryAddress { recipientName phone line1 line2 ward district city }
    fees { subtotal { amount } shippingFee { amount } discount { amount } tax { amount } total { amount } }
    lines { id title variantTitle sku quantity unitPrice { amount } lineTotal { amount } }
    allowedTransitions { action to reasonRequired }
    shipment { id status trackingNumber }
  }
`);

const OrdersQuery = graphql(`
  query SellerOrders($shopId: ID!, $status: OrderStatus, $after: String) {
    shop(id: $shopId) {
      id
      orders(status: $status, first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id number status } }
      }
    }
  }
`);

const OrderQuery = graphql(`
  query SellerOrder($id: ID!) {
    order(id: $id) { id ...SellerOrderCard }
  }
`);

const OrderUpdates = graphql(`
  subscription SellerOrderUpdates {
    myOrderUpdates {
      from
      to
      order { id shop { id } ...SellerOrderCard }
    }
  }
`);

const ConfirmOrder = graphql(`
  mutation SellerConfirmOrder($input: ConfirmOrderInput!) {
    confirmOrder(input: $input) { order { id ...SellerOrderCard } userErrors { code field message } }
  }
`);

const ShipOrder = graphql(`
  mutation SellerShipOrder($input: ShipOrderInput!) {
    shipOrder(input: $input) { order { id ...SellerOrderCard } userErrors { code field message } }
  }
`);

const MarkDelivered = graphql(`
  mutation SellerMarkOrderDelivered($input: MarkOrderDeliveredInput!) {
    markOrderDelivered(input: $input) { order { id ...SellerOrderCard } userErrors { code field message } }
  }
`);

const CancelOrder = graphql(`
  mutation SellerCancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) { order { id ...SellerOrderCard } userErrors { code field message } }
  }
`);

const OrderShipment = graphql(`
  query SellerOrderShipment($id: ID!) {
    order(id: $id) { id shipment { id status trackingNumber } }
  }
`);

const CreateLabel = graphql(`
  mutation SellerCreateShippingLabel($input: CreateShippingLabelInput!) {
    createShippingLabel(input: $input) {
      label { shipmentId trackingNumber url expiresAt }
      userErrors { code field message }
    }
  }
`);

const statuses: readonly (OrderStatus | 'ALL')[] = ['PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'COMPLETED', 'CANCELLED', 'PENDING_PAYMENT', 'ALL'];

export function OrdersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('seller.nav.orders');
  const shopId = useShopId();
  const [params, setParams] = useSearchParams();
  const chosen = (params.get('status') ?? 'PENDING') as OrderStatus | 'ALL';
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OrdersQuery,
    variables: { shopId, status: chosen === 'ALL' ? null : chosen, after },
    requestPolicy: 'cache-and-network',
  });
  // A new order, or one that moved, changes which tab lists it: ask again. The moved order's own fields are already
  // up to date in the cache, from the update itself.
  const [{ data: update }] = useSubscription({ query: OrderUpdates });
  useEffect(() => {
    if (update?.myOrderUpdates.order.shop?.id === shopId) refetch({ requestPolicy: 'network-only' });
  }, [update, shopId, refetch]);

  const orders = data?.shop?.orders;
  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">{t('seller.nav.orders')}</h1>
      <nav aria-label={t('seller.orders.byStatus')} className="seller-tabs">
        {statuses.map((status) => (
          <Link
            key={status}
            to={`?status=${status}`}
            aria-current={status === chosen ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              setAfter(null);
              setParams({ status });
            }}
          >
            {t(`seller.orderStatus.${status}`)}
          </Link>
        ))}
      </nav>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {fetching && !data && <Loading />}
      {orders && (
        <>
          <p className="gs-muted" role="status">{t('seller.orders.count', { count: orders.totalCount })}</p>
          {orders.edges.length === 0 && <p>{t('seller.orders.none')}</p>}
          <ul className="seller-list">
            {orders.edges.map(({ node }) => (
              <li key={node.id}>
                <LoadedOrderCard orderId={node.id} />
              </li>
            ))}
          </ul>
          {orders.pageInfo.hasNextPage && (
            <Button variant="secondary" onClick={() => setAfter(orders.pageInfo.endCursor ?? null)}>{t('seller.nextPage')}</Button>
          )}
          {after && <Button variant="link" onClick={() => setAfter(null)}>{t('seller.firstPage')}</Button>}
        </>
      )}
    </section>
  );
}

/** One order of the list, read on its own (see the note at the top). */
function LoadedOrderCard({ orderId }: { orderId: string }) {
  const i18n = useI18n();
  const [{ data, error }] = useQuery({ query: OrderQuery, variables: { id: orderId }, requestPolicy: 'cache-and-network' });
  if (data?.order) return <OrderCard order={data.order} />;
  if (error) return <Alert>{friendlyError(error, i18n)}</Alert>;
  return <Loading />;
}

export function OrderCard({ order: ref }: { order: FragmentType<typeof SellerOrderCard> }) {
  const i18n = useI18n();
  const { t, money } = i18n;
  const order = getFragmentData(SellerOrderCard, ref);
  const can = (action: string) => order.allowedTransitions.find((a) => a.action === action);
  const address = order.deliveryAddress;
  return (
    <article className="gs-card seller-order" aria-labelledby={`order-${order.id}`} data-order-number={order.number} data-status={order.status}>
      <header className="seller-order__head">
        <h2 id={`order-${order.id}`}>{t('seller.orders.number', { number: order.number })}</h2>
        <span className={`seller-badge seller-badge--${order.status.toLowerCase()}`} data-testid="order-status">
          {t(`seller.orderStatus.${order.status}`)}
        </span>
        <span className="gs-muted">
          {new Intl.DateTimeFormat(i18n.locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(order.placedAt))}
          {' · '}
          {t(`seller.paymentMethod.${order.paymentMethod}`)}
        </span>
      </header>
      <div className="gs-row">
        <table className="seller-table seller-order__lines">
          <caption className="gs-visually-hidden">{t('seller.orders.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('seller.product')}</th>
              <th scope="col">{t('seller.orders.quantity')}</th>
              <th scope="col">{t('seller.orders.lineTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => (
              <tr key={line.id}>
                <td>
                  {line.title}
                  {line.variantTitle && <span className="gs-muted"> · {line.variantTitle}</span>}
                  {line.sku && <span className="gs-muted"> · {line.sku}</span>}
                </td>
                <td>{line.quantity}</td>
                <td>{money(line.lineTotal.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="seller-order__facts">
          <dt>{t('seller.orders.buyer')}</dt>
          <dd>{order.buyer?.fullName ?? t('seller.unavailable')}</dd>
          <dt>{t('seller.orders.deliverTo')}</dt>
          <dd>
            {address.recipientName} · {address.phone}
            <br />
            {[address.line1, address.line2, address.ward, address.district, address.city].filter(Boolean).join(', ')}
          </dd>
          <dt>{t('seller.orders.total')}</dt>
          <dd>
            {money(order.fees.total.amount)}{' '}
            <span className="gs-muted">
              ({t('seller.orders.feesBreakdown', {
                subtotal: money(order.fees.subtotal.amount),
                shipping: money(order.fees.shippingFee.amount),
                discount: money(order.fees.discount.amount),
                tax: money(order.fees.tax.amount),
              })})
            </span>
          </dd>
          {order.note && (
            <>
              <dt>{t('seller.orders.note')}</dt>
              <dd>{order.note}</dd>
            </>
          )}
          {(order.carrier || order.trackingNumber) && (
            <>
              <dt>{t('seller.orders.carrier')}</dt>
              <dd>{[order.carrier, order.trackingNumber].filter(Boolean).join(' · ')}</dd>
            </>
          )}
        </dl>
      </div>
      <div className="seller-order__actions">
        {can('CONFIRM') && <ConfirmButton orderId={order.id} />}
        {can('SHIP') && <ShipForm orderId={order.id} />}
        {can('MARK_DELIVERED') && <MarkDeliveredButton orderId={order.id} />}
        {(order.status === 'CONFIRMED' || order.status === 'SHIPPED') && (
          <ShippingLabel orderId={order.id} shipment={order.shipment ?? null} />
        )}
        {(can('APPROVE_RETURN') || can('REJECT_RETURN')) && <Link to="/returns">{t('seller.orders.answerReturn')}</Link>}
        {can('CANCEL') && <CancelForm orderId={order.id} />}
      </div>
    </article>
  );
}

const noFields: readonly string[] = [];

function ConfirmButton({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const confirm = useFormMutation(ConfirmOrder, noFields);
  return (
    <div>
      <Button onClick={() => void confirm.submit({ input: { orderId } })} disabled={confirm.fetching}>{t('seller.orders.confirm')}</Button>
      <Alert>{confirm.errors.form.join(' ')}</Alert>
    </div>
  );
}

function MarkDeliveredButton({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const mark = useFormMutation(MarkDelivered, noFields);
  return (
    <div>
      <Button variant="secondary" onClick={() => void mark.submit({ input: { orderId } })} disabled={mark.fetching}>{t('seller.orders.markDelivered')}</Button>
      <Alert>{mark.errors.form.join(' ')}</Alert>
    </div>
  );
}

const shipFields = ['carrier', 'trackingNumber'] as const;

function ShipForm({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const ship = useFormMutation(ShipOrder, shipFields);
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await ship.submit({ input: { orderId, carrier: carrier.trim() || null, trackingNumber: trackingNumber.trim() || null } });
  }
  return (
    <form className="seller-inline-form" onSubmit={submit} aria-label={t('seller.orders.shipTitle')} noValidate>
      <Field label={t('seller.orders.carrierLabel')} value={carrier} onChange={(e) => setCarrier(e.target.value)}
        error={ship.errors.fields.carrier?.join(' ')} hint={t('seller.orders.carrierHint')} />
      <Field label={t('seller.orders.trackingLabel')} value={trackingNumber} onChange={(e) => setTrackingNumber(e.target.value)}
        error={ship.errors.fields.trackingNumber?.join(' ')} />
      <Alert>{ship.errors.form.join(' ')}</Alert>
      <Button type="submit" disabled={ship.fetching}>{t('seller.orders.ship')}</Button>
    </form>
  );
}

const cancelFields = ['reason'] as const;

function CancelForm({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const cancel = useFormMutation(CancelOrder, cancelFields);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) return <Button variant="link" onClick={() => setOpen(true)}>{t('seller.orders.cancel')}</Button>;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await cancel.submit({ input: { orderId, reason } })) setOpen(false);
  }
  return (
    <form className="seller-inline-form" onSubmit={submit} aria-label={t('seller.orders.cancelTitle')} noValidate>
      <TextAreaField label={t('seller.orders.cancelReason')} value={reason} onChange={setReason} error={cancel.errors.fields.reason?.join(' ')} />
      <Alert>{cancel.errors.form.join(' ')}</Alert>
      <Button type="submit" variant="secondary" disabled={cancel.fetching}>{t('seller.orders.cancelConfirm')}</Button>
      <Button variant="link" onClick={() => setOpen(false)}>{t('app.close')}</Button>
    </form>
  );
}

/**
 * The shipment's printable label. Shipping creates the shipment from the order's confirmation event, a moment after
 * confirmOrder answered: until it is there, ask again every two seconds.
 */
function ShippingLabel({ orderId, shipment }: { orderId: string; shipment: { id: string; status: string; trackingNumber: string } | null }) {
  const { t, locale } = useI18n();
  const [, reload] = useQuery({ query: OrderShipment, variables: { id: orderId }, pause: true });
  useEffect(() => {
    if (shipment) return undefined;
    const timer = setInterval(() => reload({ requestPolicy: 'network-only' }), 2000);
    return () => clearInterval(timer);
  }, [shipment, reload]);
  const label = useFormMutation(CreateLabel, noFields);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  if (!shipment) return <p className="gs-muted" role="status">{t('seller.orders.shipmentPending')}</p>;
  async function create() {
    const payload = await label.submit({ input: { shipmentId: shipment!.id } });
    if (payload?.label) setLink({ url: payload.label.url, expiresAt: payload.label.expiresAt });
  }
  return (
    <div className="seller-label">
      <span className="gs-muted">
        {t('seller.orders.shipment', { number: shipment.trackingNumber, status: t(`seller.shipmentStatus.${shipment.status}`) })}
      </span>{' '}
      {link ? (
        <a href={link.url} target="_blank" rel="noopener noreferrer" data-testid="shipping-label-link">
          {t('seller.orders.openLabel')}
        </a>
      ) : (
        <Button variant="secondary" onClick={() => void create()} disabled={label.fetching}>{t('seller.orders.printLabel')}</Button>
      )}
      {link && (
        <span className="gs-muted">
          {' '}
          {t('seller.orders.labelExpires', {
            time: new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeStyle: 'short' }).format(new Date(link.expiresAt)),
          })}
        </span>
      )}
      <Alert>{label.errors.form.join(' ')}</Alert>
    </div>
  );
}
