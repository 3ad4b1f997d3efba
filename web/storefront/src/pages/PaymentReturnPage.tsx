// Where the payment provider sends the buyer back (payments' ReturnUrl: /payments/<id>/return). The provider's
// signed callback reaches payments on its own; this page waits for the outcome it recorded and says it plainly.
import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { Alert, Button, Loading, Price, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { StartPayment } from './CheckoutPage';
import { useFormMutation } from '../useFormMutation';
import { usePageTitle } from '../usePageTitle';

const PaymentQuery = graphql(`
  query StorefrontPayment($id: ID!) {
    payment(id: $id) {
      id status method gateway failureReason
      amount { amount currency }
      checkout { id }
      orders { id number status }
    }
  }
`);

const settled = ['AUTHORIZED', 'CAPTURED', 'FAILED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED'];

export default function PaymentReturnPage() {
  const { id = '' } = useParams();
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('paymentReturn.title');
  const [{ data, error }, refetch] = useQuery({ query: PaymentQuery, variables: { id }, requestPolicy: 'network-only' });
  const payment = data?.payment;
  const done = payment ? settled.includes(payment.status) : false;
  const retry = useFormMutation(StartPayment, (d) => d.startPayment);
  useEffect(() => {
    if (done || (data && !payment)) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 1000);
    return () => clearInterval(timer);
  }, [done, data, payment, refetch]);

  if (!data && !error) return <Loading />;
  const paid = payment?.status === 'AUTHORIZED' || payment?.status === 'CAPTURED';
  return (
    <section aria-labelledby="return-title">
      <h1 id="return-title">{t('paymentReturn.title')}</h1>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {data && !payment && <Alert>{t('paymentReturn.unknown')}</Alert>}
      {payment && !done && <p role="status">{t('paymentReturn.waiting')}</p>}
      {paid && <Alert kind="success">{t('paymentReturn.paid')} <Price amount={payment.amount.amount} currency={payment.amount.currency} /></Alert>}
      {payment && done && !paid && (
        <>
          <Alert>{payment.status === 'CANCELLED' ? t('paymentReturn.cancelled') : t('paymentReturn.failed')}</Alert>
          {payment.checkout && payment.gateway && (
            <Button onClick={() => void retry.run({ input: { checkoutId: payment.checkout!.id, method: payment.method, gateway: payment.gateway } })
              .then((r) => { if (r?.startPayment.redirectUrl) window.location.assign(r.startPayment.redirectUrl); })}>{t('paymentReturn.tryAgain')}</Button>
          )}
          <Alert>{retry.formError}</Alert>
        </>
      )}
      {payment && (
        <ul>
          {payment.orders.filter((o) => o !== null).map((o) => (
            <li key={o.id}><Link to={`/orders/${o.id}`}>{t('orders.number', { number: o.number })}</Link> · {t(`status.${o.status}`)}</li>
          ))}
        </ul>
      )}
      <Link to="/orders">{t('nav.orders')}</Link>
    </section>
  );
}
