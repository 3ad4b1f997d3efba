import { Price, useI18n } from '@goshop/shared';
import { graphql, getFragmentData, type FragmentType } from '../gql';

export const FeesFragment = graphql(`
  fragment Fees on OrderFees {
    subtotal { amount currency }
    shippingFee { amount currency }
    tax { amount currency }
    discount { amount currency }
    total { amount currency }
  }
`);

export function FeeTable(props: { fees: FragmentType<typeof FeesFragment>; caption?: string }) {
  const { t } = useI18n();
  const fees = getFragmentData(FeesFragment, props.fees);
  const rows: [string, { amount: number; currency: string }][] = [
    ['fees.subtotal', fees.subtotal], ['fees.shipping', fees.shippingFee], ['fees.tax', fees.tax],
  ];
  return (
    <table className="sf-table sf-fees">
      {props.caption && <caption>{props.caption}</caption>}
      <tbody>
        {rows.map(([key, money]) => <tr key={key}><th scope="row">{t(key)}</th><td><Price amount={money.amount} currency={money.currency} /></td></tr>)}
        {fees.discount.amount > 0 && <tr><th scope="row">{t('fees.discount')}</th><td>-<Price amount={fees.discount.amount} currency={fees.discount.currency} /></td></tr>}
        <tr><th scope="row">{t('fees.total')}</th><td data-testid="fees-total"><Price amount={fees.total.amount} currency={fees.total.currency} /></td></tr>
      </tbody>
    </table>
  );
}
