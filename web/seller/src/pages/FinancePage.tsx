/**
 * The shop's money at GoShop: what may be paid out, what escrow still holds, what the shop owes, the ledger behind
 * the balance, and payouts to the bank account. A payout request carries an idempotency key made once per form, so
 * a retried click answers the same payout instead of paying out twice.
 */
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Alert, Button, Field, Loading, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { useShopId } from '../shell/CurrentShop';
import { usePageTitle } from '../shell/usePageTitle';
import { useFormMutation } from '../forms/useFormMutation';
import { noFormErrors, toFormErrors, type FormErrors } from '../forms/userErrors';
import { parseWholeNumber } from '../products/productForm';

const FinanceQuery = graphql(`
  query SellerFinance($shopId: ID!) {
    shop(id: $shopId) {
      id
      balance {
        available { amount }
        held { amount }
        debt { amount }
        entries { id kind amount { amount } at order { id number } }
      }
      payouts(first: 20) {
        totalCount
        edges { node { id amount { amount } status bankReference failureReason requestedAt completedAt } }
      }
    }
  }
`);

const RequestPayout = graphql(`
  mutation SellerRequestPayout($input: RequestPayoutInput!) {
    requestPayout(input: $input) {
      payout { id amount { amount } status requestedAt }
      userErrors { code field message }
    }
  }
`);

const payoutFields = ['amount'] as const;

export function FinancePage() {
  const i18n = useI18n();
  const { t, money, locale } = i18n;
  usePageTitle('seller.nav.finance');
  const shopId = useShopId();
  const [{ data, fetching, error }, refetch] = useQuery({ query: FinanceQuery, variables: { shopId }, requestPolicy: 'cache-and-network' });
  const balance = data?.shop?.balance;
  const payouts = data?.shop?.payouts;
  const when = (iso: string) => new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  return (
    <section aria-labelledby="finance-title">
      <h1 id="finance-title">{t('seller.nav.finance')}</h1>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {fetching && !data && <Loading />}
      {balance && (
        <>
          <ul className="seller-figures" aria-label={t('seller.finance.balance')}>
            <li className="gs-card seller-figure"><span className="seller-figure__label">{t('seller.finance.available')}</span><strong className="seller-figure__value">{money(balance.available.amount)}</strong></li>
            <li className="gs-card seller-figure"><span className="seller-figure__label">{t('seller.finance.held')}</span><strong className="seller-figure__value">{money(balance.held.amount)}</strong></li>
            <li className="gs-card seller-figure"><span className="seller-figure__label">{t('seller.finance.debt')}</span><strong className="seller-figure__value">{money(balance.debt.amount)}</strong></li>
          </ul>
          <PayoutForm shopId={shopId} available={balance.available.amount} onDone={() => refetch({ requestPolicy: 'network-only' })} />
          <section className="gs-card seller-section" aria-labelledby="ledger-title">
            <h2 id="ledger-title">{t('seller.finance.ledger')}</h2>
            {balance.entries.length === 0 ? (
              <p className="gs-muted">{t('seller.finance.noEntries')}</p>
            ) : (
              <table className="seller-table">
                <thead>
                  <tr>
                    <th scope="col">{t('seller.inventory.when')}</th>
                    <th scope="col">{t('seller.finance.kind')}</th>
                    <th scope="col">{t('seller.finance.order')}</th>
                    <th scope="col">{t('seller.finance.amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {balance.entries.map((entry) => (
                    <tr key={entry.id}>
                      <td>{when(entry.at)}</td>
                      <td>{t(`seller.ledger.${entry.kind}`)}</td>
                      <td>{entry.order?.number ?? '–'}</td>
                      <td>{money(entry.amount.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
      {payouts && (
        <section className="gs-card seller-section" aria-labelledby="payouts-title">
          <h2 id="payouts-title">{t('seller.finance.payouts')}</h2>
          {payouts.edges.length === 0 ? (
            <p className="gs-muted">{t('seller.finance.noPayouts')}</p>
          ) : (
            <table className="seller-table">
              <thead>
                <tr>
                  <th scope="col">{t('seller.finance.requestedAt')}</th>
                  <th scope="col">{t('seller.finance.amount')}</th>
                  <th scope="col">{t('seller.finance.status')}</th>
                  <th scope="col">{t('seller.finance.details')}</th>
                </tr>
              </thead>
              <tbody>
                {payouts.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>{when(node.requestedAt)}</td>
                    <td>{money(node.amount.amount)}</td>
                    <td>{t(`seller.payoutStatus.${node.status}`)}</td>
                    <td>{node.bankReference ?? node.failureReason ?? (node.completedAt ? when(node.completedAt) : '–')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </section>
  );
}

function PayoutForm({ shopId, available, onDone }: { shopId: string; available: number; onDone: () => void }) {
  const { t, money, locale } = useI18n();
  const [amount, setAmount] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [local, setLocal] = useState<FormErrors>(noFormErrors);
  const [done, setDone] = useState<string | null>(null);
  const request = useFormMutation(RequestPayout, payoutFields);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const value = parseWholeNumber(amount);
    if (value === null) {
      request.reset();
      setLocal(toFormErrors([{ code: 'INVALID_AMOUNT', field: ['input', 'amount'], message: '' }], payoutFields, locale));
      return;
    }
    setLocal(noFormErrors);
    const payload = await request.submit({ input: { shopId, amount: value, idempotencyKey: key } });
    if (payload?.payout) {
      setDone(money(payload.payout.amount.amount));
      setAmount('');
      // The next payout is a new one.
      setKey(crypto.randomUUID());
      onDone();
    }
  }
  const error = [...(local.fields.amount ?? []), ...(request.errors.fields.amount ?? [])].join(' ') || undefined;
  return (
    <form className="gs-card seller-section seller-inline-form" onSubmit={submit} noValidate aria-labelledby="payout-title">
      <h2 id="payout-title">{t('seller.finance.requestPayout')}</h2>
      <Field label={t('seller.finance.payoutAmount')} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} error={error}
        hint={t('seller.finance.payoutHint', { available: money(available) })} />
      <Alert>{[...local.form, ...request.errors.form].join(' ')}</Alert>
      {done && <Alert kind="success">{t('seller.finance.payoutRequested', { amount: done })}</Alert>}
      <Button type="submit" disabled={request.fetching || available <= 0}>{t('seller.finance.requestPayoutButton')}</Button>
    </form>
  );
}
