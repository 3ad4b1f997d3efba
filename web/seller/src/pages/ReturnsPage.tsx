/**
 * Returns buyers asked for, waiting ones first: what goes back, why, the buyer's photos and the refund; the seller
 * approves (GoShop's shipping fetches the parcel) or refuses with a reason the buyer reads. Unanswered for three
 * days, GoShop approves by itself. As on the orders page, the list holds ids and each card reads its return through
 * its order (order(id)): ordering prices lists reached through Shop about twenty times higher than root fields.
 */
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Alert, Button, Loading, friendlyError, useI18n } from '@goshop/shared';
import { graphql, getFragmentData, type FragmentType } from '../gql';
import type { ReturnStatus } from '../gql/graphql';
import { useShopId } from '../shell/CurrentShop';
import { usePageTitle } from '../shell/usePageTitle';
import { useFormMutation } from '../forms/useFormMutation';
import { TextAreaField } from '../components/TextAreaField';

const SellerReturn = graphql(`
  fragment SellerReturn on Return {
    id
    status
    reason
    wholeOrder
    refund { amount }
    requestedAt
    approvedAt
    rejectedAt
    rejectionReason
    receivedAt
    refundedAt
    lines { quantity refund { amount } orderLine { id title variantTitle quantity } }
    media { id url }
    shipment { id status trackingNumber }
  }
`);

const ReturnsQuery = graphql(`
  query SellerReturns($shopId: ID!, $status: ReturnStatus) {
    shop(id: $shopId) {
      id
      returns(status: $status, first: 20) {
        totalCount
        edges { node { id status order { id } } }
      }
    }
  }
`);

const ReturnOrderQuery = graphql(`
  query SellerReturnOrder($id: ID!) {
    order(id: $id) { id number status buyer { id fullName } returns { id ...SellerReturn } }
  }
`);

const ApproveReturn = graphql(`
  mutation SellerApproveReturn($input: ApproveReturnInput!) {
    approveReturn(input: $input) { return { id ...SellerReturn } order { id status } userErrors { code field message } }
  }
`);

const RejectReturn = graphql(`
  mutation SellerRejectReturn($input: RejectReturnInput!) {
    rejectReturn(input: $input) { return { id ...SellerReturn } order { id status } userErrors { code field message } }
  }
`);

const tabs: readonly (ReturnStatus | 'ALL')[] = ['REQUESTED', 'APPROVED', 'IN_TRANSIT', 'RECEIVED', 'REFUNDED', 'REJECTED', 'ALL'];

export function ReturnsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('seller.nav.returns');
  const shopId = useShopId();
  const [status, setStatus] = useState<ReturnStatus | 'ALL'>('REQUESTED');
  const [{ data, fetching, error }] = useQuery({
    query: ReturnsQuery,
    variables: { shopId, status: status === 'ALL' ? null : status },
    requestPolicy: 'cache-and-network',
  });
  const returns = data?.shop?.returns;
  return (
    <section aria-labelledby="returns-title">
      <h1 id="returns-title">{t('seller.nav.returns')}</h1>
      <div role="group" aria-label={t('seller.returns.byStatus')} className="seller-segmented">
        {tabs.map((tab) => (
          <button key={tab} type="button" aria-pressed={tab === status} onClick={() => setStatus(tab)}>{t(`seller.returnStatus.${tab}`)}</button>
        ))}
      </div>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {fetching && !data && <Loading />}
      {returns && (
        <>
          {returns.edges.length === 0 && <p>{t('seller.returns.none')}</p>}
          <ul className="seller-list">
            {returns.edges.map(({ node }) => <li key={node.id}><LoadedReturnCard returnId={node.id} orderId={node.order.id} /></li>)}
          </ul>
        </>
      )}
    </section>
  );
}

function LoadedReturnCard({ returnId, orderId }: { returnId: string; orderId: string }) {
  const i18n = useI18n();
  const [{ data, error }] = useQuery({ query: ReturnOrderQuery, variables: { id: orderId }, requestPolicy: 'cache-and-network' });
  const order = data?.order;
  const request = order?.returns.find((r) => r.id === returnId);
  if (order && request) return <ReturnCard value={request} order={order} />;
  if (error) return <Alert>{friendlyError(error, i18n)}</Alert>;
  return <Loading />;
}

function ReturnCard({ value, order }: { value: FragmentType<typeof SellerReturn>; order: { number: string; buyer?: { fullName: string } | null } }) {
  const i18n = useI18n();
  const { t, money, locale } = i18n;
  const request = getFragmentData(SellerReturn, value);
  const when = (iso: string) => new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  return (
    <article className="gs-card seller-order" aria-labelledby={`return-${request.id}`}>
      <header className="seller-order__head">
        <h2 id={`return-${request.id}`}>{t('seller.returns.forOrder', { number: order.number })}</h2>
        <span className="seller-badge">{t(`seller.returnStatus.${request.status}`)}</span>
        <span className="gs-muted">{t('seller.returns.requested', { time: when(request.requestedAt), buyer: order.buyer?.fullName ?? '' })}</span>
      </header>
      <p><strong>{t('seller.returns.reason')}:</strong> {request.reason}</p>
      <ul>
        {request.lines.map((line) => (
          <li key={line.orderLine.id}>
            {t('seller.returns.line', {
              quantity: line.quantity,
              of: line.orderLine.quantity,
              title: line.orderLine.variantTitle ? `${line.orderLine.title} · ${line.orderLine.variantTitle}` : line.orderLine.title,
              refund: money(line.refund.amount),
            })}
          </li>
        ))}
      </ul>
      {request.refund && <p>{t(request.wholeOrder ? 'seller.returns.refundWhole' : 'seller.returns.refundPart', { amount: money(request.refund.amount) })}</p>}
      {request.media.length > 0 && (
        <ul className="seller-gallery">
          {request.media.map((media, index) =>
            media ? (
              <li key={media.id}>
                <a href={media.url} target="_blank" rel="noopener noreferrer">
                  <img src={media.url} alt={t('seller.returns.photo', { number: index + 1 })} width={96} height={96} loading="lazy" />
                </a>
              </li>
            ) : null,
          )}
        </ul>
      )}
      {request.rejectionReason && <p>{t('seller.returns.rejectedBecause', { reason: request.rejectionReason })}</p>}
      {request.shipment && (
        <p className="gs-muted">{t('seller.returns.shipment', { number: request.shipment.trackingNumber, status: t(`seller.shipmentStatus.${request.shipment.status}`) })}</p>
      )}
      {request.status === 'REQUESTED' && <Decision returnId={request.id} />}
    </article>
  );
}

const rejectFields = ['reason'] as const;

function Decision({ returnId }: { returnId: string }) {
  const { t } = useI18n();
  const approve = useFormMutation(ApproveReturn, []);
  const reject = useFormMutation(RejectReturn, rejectFields);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  async function refuse(event: FormEvent) {
    event.preventDefault();
    await reject.submit({ input: { returnId, reason } });
  }
  return (
    <div className="seller-order__actions">
      <Button onClick={() => void approve.submit({ input: { returnId } })} disabled={approve.fetching}>{t('seller.returns.approve')}</Button>
      <Alert>{approve.errors.form.join(' ')}</Alert>
      {refusing ? (
        <form className="seller-inline-form" onSubmit={refuse} noValidate aria-label={t('seller.returns.reject')}>
          <TextAreaField label={t('seller.returns.rejectReason')} value={reason} onChange={setReason} error={reject.errors.fields.reason?.join(' ')} />
          <Alert>{reject.errors.form.join(' ')}</Alert>
          <Button type="submit" variant="secondary" disabled={reject.fetching}>{t('seller.returns.rejectConfirm')}</Button>
          <Button variant="link" onClick={() => setRefusing(false)}>{t('app.cancel')}</Button>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setRefusing(true)}>{t('seller.returns.reject')}</Button>
      )}
    </div>
  );
}
