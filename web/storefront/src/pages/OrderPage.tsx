// One order: its status kept live (orderStatusChanged), the parcel on a map (shipmentTracking), and what the buyer
// can do now: pay, cancel, confirm receipt, ask for a return, review what was delivered.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery, useSubscription } from 'urql';
import { Alert, Button, Field, Loading, Price, formatDateTime, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { FeeTable } from '../components/FeeTable';
import { TrackingMap, type Point } from '../components/TrackingMap';
import { StartPayment } from './CheckoutPage';
import { useFormMutation } from '../useFormMutation';
import { usePageTitle } from '../usePageTitle';

interface LiveEvent { at: string; status: string; location: Point | null; eta: number | null }

const OrderQuery = graphql(`
  query StorefrontOrder($id: ID!) {
    order(id: $id) {
      id number status placedAt paymentMethod paymentDueAt deliveredAt returnDeadline
      shop { id name }
      lines { id title variantTitle quantity product { id } unitPrice { amount currency } lineTotal { amount currency } }
      fees { ...Fees }
      deliveryAddress { recipientName phone line1 ward district city }
      allowedTransitions { action reasonRequired }
      timeline { kind title detail at }
      payment { id status gateway method }
      escrow { id status }
      returns { id status reason }
      shipment {
        id status trackingNumber
        pickup { lat lng }
        dropoff { lat lng }
        trail { lat lng }
        shipper { id fullName vehicleType location { lat lng } }
      }
    }
    reviewsToWrite(first: 20) { subject order { id } product { id } productTitle }
  }
`);

const StatusChanged = graphql(`
  subscription StorefrontOrderStatusChanged($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) { from to at order { id status updatedAt } }
  }
`);

const Tracking = graphql(`
  subscription StorefrontShipmentTracking($orderId: ID!) {
    shipmentTracking(orderId: $orderId) { shipmentId status location { lat lng } etaMinutes at }
  }
`);

const CancelOrder = graphql(`
  mutation StorefrontCancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) { order { id status } userErrors { code field message } }
  }
`);

const ConfirmReceipt = graphql(`
  mutation StorefrontConfirmReceipt($input: ConfirmReceiptInput!) {
    confirmReceipt(input: $input) { escrow { id status } userErrors { code field message } }
  }
`);

const RequestReturn = graphql(`
  mutation StorefrontRequestReturn($input: RequestReturnInput!) {
    requestReturn(input: $input) { return { id status } order { id status } userErrors { code field message } }
  }
`);

const CreateReview = graphql(`
  mutation StorefrontCreateProductReview($input: CreateProductReviewInput!) {
    createProductReview(input: $input) { review { id status } userErrors { code field message } }
  }
`);

function ReasonForm({ label, submitLabel, onSubmit, errors, busy }: { label: string; submitLabel: string; onSubmit: (reason: string) => void; errors: Record<string, string>; busy: boolean }) {
  const [reason, setReason] = useState('');
  return (
    <form className="gs-card" noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); onSubmit(reason); }}>
      <Field label={label} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
      <Alert>{errors._form}</Alert>
      <Button type="submit" variant="secondary" disabled={busy}>{submitLabel}</Button>
    </form>
  );
}

function ReviewForm({ orderId, productId, title, onDone }: { orderId: string; productId: string; title: string; onDone: () => void }) {
  const { t } = useI18n();
  const [rating, setRating] = useState(5);
  const [heading, setHeading] = useState('');
  const [body, setBody] = useState('');
  const review = useFormMutation(CreateReview, (d) => d.createProductReview, ['rating', 'title', 'body']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await review.run({ input: { orderId, productId, rating, title: heading || undefined, body: body || undefined } })) onDone();
  };
  return (
    <form className="gs-card" onSubmit={submit} noValidate aria-labelledby={`review-${productId}`}>
      <h3 id={`review-${productId}`}>{t('reviews.writeFor', { title })}</h3>
      <fieldset>
        <legend>{t('reviews.rating')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="sf-variant"><input type="radio" name={`rating-${productId}`} checked={rating === n} onChange={() => setRating(n)} /> {t('reviews.stars', { stars: n })}</label>
        ))}
        {review.errors.rating && <p className="gs-field__error" role="alert">{review.errors.rating}</p>}
      </fieldset>
      <Field label={t('reviews.heading')} value={heading} onChange={(e) => setHeading(e.target.value)} error={review.errors.title} />
      <div className="gs-field">
        <label htmlFor={`body-${productId}`}>{t('reviews.body')}</label>
        <textarea id={`body-${productId}`} rows={4} value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={review.errors.body ? true : undefined} />
        {review.errors.body && <p className="gs-field__error" role="alert">{review.errors.body}</p>}
      </div>
      <Alert>{review.formError}</Alert>
      <Button type="submit" disabled={review.busy}>{t('reviews.submit')}</Button>
    </form>
  );
}

export default function OrderPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrderQuery, variables: { id } });
  const order = data?.order;
  usePageTitle(order ? t('orders.number', { number: order.number }) : null, true);
  const [status] = useSubscription({ query: StatusChanged, variables: { orderId: id } });
  const [tracking] = useSubscription({ query: Tracking, variables: { orderId: id }, pause: !order?.shipment },
    (events: LiveEvent[] = [], event) => [...events, {
      at: event.shipmentTracking.at, status: event.shipmentTracking.status,
      location: event.shipmentTracking.location ?? null, eta: event.shipmentTracking.etaMinutes ?? null,
    }]);
  useEffect(() => {
    if (status.data) refetch({ requestPolicy: 'network-only' });
  }, [status.data, refetch]);
  const live = tracking.data ?? [];
  const lastEvent = live[live.length - 1];
  const liveStatus = lastEvent?.status;
  useEffect(() => {
    // A new shipment status (picked up, delivered) changes the actions on offer: read the order again.
    if (liveStatus) refetch({ requestPolicy: 'network-only' });
  }, [liveStatus, refetch]);

  const pay = useFormMutation(StartPayment, (d) => d.startPayment);
  const cancel = useFormMutation(CancelOrder, (d) => d.cancelOrder, ['reason']);
  const receipt = useFormMutation(ConfirmReceipt, (d) => d.confirmReceipt);
  const ret = useFormMutation(RequestReturn, (d) => d.requestReturn, ['reason']);
  const [reviewed, setReviewed] = useState<string[]>([]);
  const [form, setForm] = useState<'cancel' | 'return' | null>(null);

  if (fetching && !data) return <Loading />;
  if (error && !data) return <Alert>{friendlyError(error, i18n)}</Alert>;
  if (!order) return <section><h1>{t('orders.notFound')}</h1><Link to="/orders">{t('nav.orders')}</Link></section>;

  const can = (action: string) => order.allowedTransitions.some((a) => a.action === action);
  const shipment = order.shipment;
  const trail: Point[] = [...(shipment?.trail ?? []), ...live.flatMap((e) => (e.location ? [e.location] : []))];
  const current = [...live].reverse().find((e) => e.location)?.location ?? shipment?.shipper?.location ?? null;
  const eta = lastEvent?.eta;
  const toReview = (data?.reviewsToWrite ?? []).filter((r) => r.subject === 'PRODUCT' && r.order?.id === order.id && r.product && !reviewed.includes(r.product.id));
  const wanted = params.get('review');

  return (
    <article aria-labelledby="order-title">
      <h1 id="order-title">{t('orders.number', { number: order.number })}</h1>
      <p>{t('orders.status')}: <span className="sf-status" data-testid="order-status" aria-live="polite">{t(`status.${order.status}`)}</span>
        {' '}· {order.shop?.name} · {formatDateTime(order.placedAt, locale)} · {t(`paymentMethod.${order.paymentMethod}`)}</p>
      <div className="gs-row">
        {order.status === 'PENDING_PAYMENT' && order.payment?.gateway && (
          <Button onClick={() => void pay.run({ input: { orderId: order.id, method: order.paymentMethod, gateway: order.payment!.gateway } })
            .then((r) => { if (r?.startPayment.redirectUrl) window.location.assign(r.startPayment.redirectUrl); })}>{t('orders.payNow')}</Button>
        )}
        {can('CANCEL') && <Button variant="secondary" onClick={() => setForm(form === 'cancel' ? null : 'cancel')}>{t('orders.cancel')}</Button>}
        {order.status === 'DELIVERED' && order.escrow?.status === 'HELD' && (
          <Button onClick={() => void receipt.run({ input: { orderId: order.id } }).then(() => refetch({ requestPolicy: 'network-only' }))}>{t('orders.confirmReceipt')}</Button>
        )}
        {can('REQUEST_RETURN') && <Button variant="secondary" onClick={() => setForm(form === 'return' ? null : 'return')}>{t('orders.requestReturn')}</Button>}
      </div>
      <Alert>{pay.formError ?? receipt.formError}</Alert>
      {form === 'cancel' && (
        <ReasonForm label={t('orders.cancelReason')} submitLabel={t('orders.cancel')} errors={cancel.errors} busy={cancel.busy}
          onSubmit={(reason) => void cancel.run({ input: { orderId: order.id, reason } }).then((ok) => ok && setForm(null))} />
      )}
      {form === 'return' && (
        <ReasonForm label={t('orders.returnReason')} submitLabel={t('orders.requestReturn')} errors={ret.errors} busy={ret.busy}
          onSubmit={(reason) => void ret.run({ input: { orderId: order.id, reason } }).then((ok) => ok && setForm(null))} />
      )}
      {order.returns.length > 0 && (
        <section><h2>{t('returns.title')}</h2><ul>{order.returns.map((r) => <li key={r.id}>{r.reason}: {t(`returnStatus.${r.status}`)}</li>)}</ul></section>
      )}

      {toReview.length > 0 && (
        <section aria-labelledby="write-reviews">
          <h2 id="write-reviews">{t('reviews.toWrite')}</h2>
          {toReview.sort((a) => (a.product!.id === wanted ? -1 : 1)).map((r) => (
            <ReviewForm key={r.product!.id} orderId={order.id} productId={r.product!.id} title={r.productTitle ?? ''}
              onDone={() => setReviewed((done) => [...done, r.product!.id])} />
          ))}
        </section>
      )}
      {reviewed.length > 0 && <Alert kind="success">{t('reviews.thanks')}</Alert>}

      {shipment && (
        <section aria-labelledby="tracking-title">
          <h2 id="tracking-title">{t('tracking.title')}</h2>
          <p>{t('tracking.number', { number: shipment.trackingNumber })} · <span data-testid="shipment-status">{t(`shipmentStatus.${liveStatus ?? shipment.status}`)}</span>
            {shipment.shipper && <> · {t('tracking.shipperName', { name: shipment.shipper.fullName })}</>}
            {eta != null && <> · {t('tracking.eta', { minutes: eta })}</>}</p>
          <TrackingMap pickup={shipment.pickup} dropoff={shipment.dropoff} trail={trail} current={current} />
        </section>
      )}

      <section aria-labelledby="lines-title">
        <h2 id="lines-title">{t('orders.items')}</h2>
        <ul>{order.lines.map((l) => (
          <li key={l.id}>{l.product ? <Link to={`/products/${l.product.id}`}>{l.title}</Link> : l.title}{l.variantTitle ? ` (${l.variantTitle})` : ''} × {l.quantity} · <Price amount={l.lineTotal.amount} currency={l.lineTotal.currency} /></li>
        ))}</ul>
        <FeeTable fees={order.fees} />
        <p>{t('checkout.address')}: {order.deliveryAddress.recipientName}, {order.deliveryAddress.line1}, {order.deliveryAddress.district}, {order.deliveryAddress.city}</p>
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('orders.timeline')}</h2>
        <ol>{order.timeline.map((e, i) => <li key={i}><strong>{e.title}</strong>{e.detail ? ` · ${e.detail}` : ''} <small className="gs-muted">{formatDateTime(e.at, locale)}</small></li>)}</ol>
      </section>
    </article>
  );
}
