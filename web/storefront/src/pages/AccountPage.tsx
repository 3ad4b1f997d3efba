// The buyer's account: delivery addresses (add, make default, delete), price alerts and returns.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { Alert, Button, Field, Loading, Price, formatDate, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { useFormMutation } from '../useFormMutation';
import { usePageTitle } from '../usePageTitle';

const AccountQuery = graphql(`
  query StorefrontAccount {
    me { id fullName email phone addresses { id recipientName phone line1 line2 ward district city country isDefault } }
    priceAlerts { id status targetPrice { amount currency } triggeredAt product { id title effectivePrice { amount currency } } }
    myReturns(first: 20) { edges { node { id status reason requestedAt refund { amount currency } order { id number } } } }
  }
`);

const AddAddress = graphql(`
  mutation StorefrontAddAddress($input: AddAddressInput!) {
    addAddress(input: $input) {
      user { id addresses { id recipientName phone line1 line2 ward district city country isDefault } defaultAddress { id } }
      userErrors { code field message }
    }
  }
`);

const DeleteAddress = graphql(`
  mutation StorefrontDeleteAddress($input: DeleteAddressInput!) {
    deleteAddress(input: $input) { user { id addresses { id isDefault } defaultAddress { id } } userErrors { code field message } }
  }
`);

const SetDefault = graphql(`
  mutation StorefrontSetDefaultAddress($input: SetDefaultAddressInput!) {
    setDefaultAddress(input: $input) { user { id addresses { id isDefault } defaultAddress { id } } userErrors { code field message } }
  }
`);

const DeleteAlert = graphql(`
  mutation StorefrontDeletePriceAlert($input: DeletePriceAlertInput!) {
    deletePriceAlert(input: $input) { deletedAlertId userErrors { code field message } }
  }
`);

const addressFields = ['recipientName', 'phone', 'line1', 'ward', 'district', 'city'] as const;

function AddressForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const empty = { recipientName: '', phone: '', line1: '', ward: '', district: '', city: '' };
  const [values, setValues] = useState(empty);
  const [makeDefault, setMakeDefault] = useState(false);
  const add = useFormMutation(AddAddress, (d) => d.addAddress, [...addressFields, 'country']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await add.run({ input: { ...values, ward: values.ward || undefined, country: 'VN', makeDefault } })) {
      setValues(empty);
      onAdded();
    }
  };
  return (
    <form className="gs-card" onSubmit={submit} noValidate aria-labelledby="add-address">
      <h3 id="add-address">{t('account.addAddress')}</h3>
      {addressFields.map((f) => (
        <Field key={f} label={t(`address.${f}`)} name={f} value={values[f]} error={add.errors[f]}
          autoComplete={f === 'phone' ? 'tel' : f === 'recipientName' ? 'name' : undefined}
          onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
      ))}
      <label><input type="checkbox" checked={makeDefault} onChange={(e) => setMakeDefault(e.target.checked)} /> {t('account.makeDefault')}</label>
      <Alert>{add.errors.country ?? add.formError}</Alert>
      <Button type="submit" disabled={add.busy}>{t('app.save')}</Button>
    </form>
  );
}

export default function AccountPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  usePageTitle('account.title');
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccountQuery });
  const remove = useFormMutation(DeleteAddress, (d) => d.deleteAddress);
  const makeDefault = useFormMutation(SetDefault, (d) => d.setDefaultAddress);
  const deleteAlert = useFormMutation(DeleteAlert, (d) => d.deletePriceAlert);
  const again = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  const me = data?.me;
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {me && <p>{me.fullName} · {me.email}{me.phone ? ` · ${me.phone}` : ''}</p>}
      <section aria-labelledby="addresses-title">
        <h2 id="addresses-title">{t('account.addresses')}</h2>
        <ul className="sf-plain">
          {me?.addresses?.map((a) => (
            <li key={a.id} className="gs-card">
              <strong>{a.recipientName}</strong> ({a.phone}) {a.line1}{a.ward ? `, ${a.ward}` : ''}, {a.district}, {a.city}
              {a.isDefault ? <span className="gs-muted"> · {t('account.default')}</span> : (
                <> <Button variant="link" onClick={() => void makeDefault.run({ input: { addressId: a.id } }).then(again)}>{t('account.makeDefault')}</Button></>
              )}
              {' '}<Button variant="link" onClick={() => void remove.run({ input: { addressId: a.id } }).then(again)}
                aria-label={t('account.deleteAddress', { name: a.line1 })}>{t('cart.remove')}</Button>
            </li>
          ))}
        </ul>
        <Alert>{remove.formError ?? makeDefault.formError}</Alert>
        <AddressForm onAdded={again} />
      </section>
      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t('account.priceAlerts')}</h2>
        {data?.priceAlerts.length === 0 && <p className="gs-muted">{t('account.noAlerts')}</p>}
        <ul>
          {data?.priceAlerts.map((a) => (
            <li key={a.id}>
              {a.product ? <Link to={`/products/${a.product.id}`}>{a.product.title}</Link> : '—'}: {t('account.alertAt')} <Price amount={a.targetPrice.amount} />
              {' '}({t(`alertStatus.${a.status}`)}{a.triggeredAt ? `, ${formatDate(a.triggeredAt, locale)}` : ''}){' '}
              <Button variant="link" onClick={() => void deleteAlert.run({ input: { alertId: a.id } }).then(again)}>{t('cart.remove')}</Button>
            </li>
          ))}
        </ul>
        <Alert>{deleteAlert.formError}</Alert>
      </section>
      <section aria-labelledby="returns-title">
        <h2 id="returns-title">{t('returns.title')}</h2>
        {data?.myReturns.edges.length === 0 && <p className="gs-muted">{t('returns.none')}</p>}
        <ul>
          {data?.myReturns.edges.map(({ node }) => (
            <li key={node.id}><Link to={`/orders/${node.order.id}`}>{t('orders.number', { number: node.order.number })}</Link>: {node.reason} · {t(`returnStatus.${node.status}`)}
              {node.refund && <> · <Price amount={node.refund.amount} /></>}</li>
          ))}
        </ul>
      </section>
    </section>
  );
}
