// Checkout: where to deliver, how to pay, what it costs (orderPreview for that address and method), then placeOrder.
// An online payment goes on to the provider's page (startPayment's redirectUrl); the provider sends the buyer back to
// /payments/<id>/return. The idempotency key is made once per visit, so a double click places one checkout.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { Alert, Button, Loading, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { FeeTable } from '../components/FeeTable';
import { paymentChoices } from '../payment';
import { useFormMutation } from '../useFormMutation';
import { usePageTitle } from '../usePageTitle';

const CheckoutQuery = graphql(`
  query StorefrontCheckout {
    me { id addresses { id recipientName phone line1 ward district city isDefault } }
    cart { id itemCount items { id shop { id } } }
  }
`);

const CheckoutPreview = graphql(`
  query StorefrontCheckoutPreview($input: OrderPreviewInput!) {
    orderPreview(input: $input) {
      canPlace
      fees { ...Fees }
      shops { shop { id name } fees { ...Fees } lines { title variantTitle quantity issue } shipping { distanceKm } }
      userErrors { code field message }
    }
  }
`);

const PlaceOrder = graphql(`
  mutation StorefrontPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      checkout { id orders { id number status } }
      userErrors { code field message }
    }
  }
`);

export const StartPayment = graphql(`
  mutation StorefrontStartPayment($input: StartPaymentInput!) {
    startPayment(input: $input) {
      payment { id status }
      redirectUrl
      userErrors { code field message }
    }
  }
`);

export default function CheckoutPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('checkout.title');
  const navigate = useNavigate();
  // From the cart, one shop's items can be checked out alone (to pay each shop its own way).
  const [params] = useSearchParams();
  const onlyShop = params.get('shop');
  const [{ data, fetching, error }] = useQuery({ query: CheckoutQuery, requestPolicy: 'network-only' });
  const cartItemIds = onlyShop ? data?.cart?.items.filter((i) => i.shop?.id === onlyShop).map((i) => i.id) : undefined;
  const addresses = data?.me?.addresses ?? [];
  const [chosenAddress, setChosenAddress] = useState<string | null>(null);
  const addressId = chosenAddress ?? addresses.find((a) => a.isDefault)?.id ?? addresses[0]?.id ?? null;
  const [choiceId, setChoiceId] = useState('COD');
  const choice = paymentChoices.find((c) => c.id === choiceId)!;
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const [preview] = useQuery({ query: CheckoutPreview, variables: { input: { addressId: addressId ?? '', paymentMethod: choice.method, cartItemIds } }, pause: !addressId || !data, requestPolicy: 'network-only' });
  const place = useFormMutation(PlaceOrder, (d) => d.placeOrder, ['addressId', 'paymentMethod']);
  const pay = useFormMutation(StartPayment, (d) => d.startPayment, ['method', 'gateway']);
  const [placedOrders, setPlacedOrders] = useState<string | null>(null);

  if (fetching && !data) return <Loading />;
  if (data && (!data.cart || data.cart.itemCount === 0) && !placedOrders) {
    return <section><h1>{t('checkout.title')}</h1><p>{t('cart.empty')} <Link to="/">{t('cart.keepShopping')}</Link></p></section>;
  }

  const submit = async () => {
    if (!addressId) return;
    const placed = await place.run({ input: { addressId, paymentMethod: choice.method, idempotencyKey, cartItemIds } });
    const checkout = placed?.placeOrder.checkout;
    if (!checkout) return;
    setPlacedOrders(checkout.orders.map((o) => o.number).join(', '));
    if (choice.method === 'COD') {
      navigate(`/orders?placed=${checkout.id}`);
      return;
    }
    const started = await pay.run({ input: { checkoutId: checkout.id, method: choice.method, gateway: choice.gateway, idempotencyKey: `${idempotencyKey}-pay` } });
    const redirect = started?.startPayment.redirectUrl;
    if (redirect) window.location.assign(redirect);
    else if (started) navigate(`/payments/${started.startPayment.payment?.id}/return`);
  };

  const summary = preview.data?.orderPreview;
  return (
    <section aria-labelledby="checkout-title">
      <h1 id="checkout-title">{t('checkout.title')}</h1>
      <Alert>{friendlyError(error, i18n)}</Alert>
      <fieldset className="gs-card">
        <legend>{t('checkout.address')}</legend>
        {addresses.length === 0 && <p>{t('cart.noAddress')} <Link to="/account">{t('account.addAddress')}</Link></p>}
        {addresses.map((a) => (
          <div key={a.id}>
            <label>
              <input type="radio" name="address" checked={addressId === a.id} onChange={() => setChosenAddress(a.id)} />
              {' '}<strong>{a.recipientName}</strong> ({a.phone}) {a.line1}{a.ward ? `, ${a.ward}` : ''}, {a.district}, {a.city}
              {a.isDefault && <span className="gs-muted"> · {t('account.default')}</span>}
            </label>
          </div>
        ))}
        {place.errors.addressId && <p className="gs-field__error" role="alert">{place.errors.addressId}</p>}
      </fieldset>
      <fieldset className="gs-card">
        <legend>{t('checkout.payment')}</legend>
        {paymentChoices.map((c) => (
          <div key={c.id}>
            <label><input type="radio" name="payment" value={c.id} checked={choiceId === c.id} onChange={() => setChoiceId(c.id)} /> {t(`payment.${c.id}`)}</label>
          </div>
        ))}
        {(place.errors.paymentMethod ?? pay.errors.method ?? pay.errors.gateway) && (
          <p className="gs-field__error" role="alert">{place.errors.paymentMethod ?? pay.errors.method ?? pay.errors.gateway}</p>
        )}
      </fieldset>
      {summary && (
        <section className="gs-card" aria-labelledby="checkout-summary">
          <h2 id="checkout-summary">{t('checkout.summary')}</h2>
          {summary.shops.map((s) => (
            <div key={s.shop?.id}>
              <h3>{s.shop?.name}</h3>
              <ul>{s.lines.map((l, i) => <li key={i}>{l.title}{l.variantTitle ? ` (${l.variantTitle})` : ''} × {l.quantity}{l.issue && <span className="gs-field__error"> {l.issue}</span>}</li>)}</ul>
              <FeeTable fees={s.fees} />
            </div>
          ))}
          <FeeTable fees={summary.fees} caption={t('checkout.grandTotal')} />
          {summary.userErrors.map((e, i) => <Alert key={i}>{i18n.has(`code.${e.code}`) ? t(`code.${e.code}`) : t('error.generic', { message: e.message })}</Alert>)}
        </section>
      )}
      <Alert>{place.formError ?? pay.formError}</Alert>
      {placedOrders && pay.formError && <Alert kind="info">{t('checkout.placedPayLater', { numbers: placedOrders })} <Link to="/orders">{t('nav.orders')}</Link></Alert>}
      <Button onClick={() => void submit()} disabled={!addressId || place.busy || pay.busy || placedOrders !== null || summary?.canPlace === false}>
        {choice.method === 'COD' ? t('checkout.placeCod') : t('checkout.placeAndPay')}
      </Button>
    </section>
  );
}
