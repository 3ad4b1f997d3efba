/**
 * Stock: the products at or below their low-stock level first (lowStockProducts), then every product with its
 * variants; stock is added or taken away with a reason (an ADJUSTMENT in the ledger), and the low-stock level set.
 * The last movements of a product show why its stock is what it is.
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { Alert, Button, Field, Loading, SelectField, friendlyError, useI18n } from '@goshop/shared';
import { graphql, getFragmentData, type FragmentType } from '../gql';
import { useShopId } from '../shell/CurrentShop';
import { usePageTitle } from '../shell/usePageTitle';
import { useFormMutation } from '../forms/useFormMutation';
import { noFormErrors, toFormErrors, type FormErrors } from '../forms/userErrors';
import { parseWholeNumber } from '../products/productForm';
import { allStatuses } from './ProductsPage';

const StockRow = graphql(`
  fragment StockRow on Product {
    id
    title
    status
    inventory { onHand reserved available lowStockThreshold isLowStock }
    variants { id sku title inventory { onHand reserved available isLowStock } }
  }
`);

// Root fields only: catalog prices lists reached through Shop (an _entities call) about twenty times higher.
const InventoryQuery = graphql(`
  query SellerInventory($shopId: ID!, $statuses: [ProductStatus!], $after: String) {
    lowStockProducts(shopId: $shopId, first: 20) {
      totalCount
      edges { node { id ...StockRow } }
    }
    products(where: { shopId: $shopId, status: $statuses }, order: NEWEST, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id ...StockRow } }
    }
  }
`);

const MovementsQuery = graphql(`
  query SellerInventoryMovements($id: ID!) {
    product(id: $id) {
      id
      inventory {
        movements(first: 10) {
          edges { node { id kind variantId quantity onHandDelta reservedDelta onHandAfter reason occurredAt } }
        }
      }
    }
  }
`);

const AdjustInventory = graphql(`
  mutation SellerAdjustInventory($input: AdjustInventoryInput!) {
    adjustInventory(input: $input) {
      product { id ...StockRow }
      userErrors { code field message }
    }
  }
`);

const SetThreshold = graphql(`
  mutation SellerSetLowStockThreshold($input: SetLowStockThresholdInput!) {
    setLowStockThreshold(input: $input) {
      product { id ...StockRow }
      userErrors { code field message }
    }
  }
`);

export function InventoryPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('seller.nav.inventory');
  const shopId = useShopId();
  const [params] = useSearchParams();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: InventoryQuery,
    variables: { shopId, statuses: [...allStatuses], after },
    requestPolicy: 'cache-and-network',
  });
  const focus = params.get('product');
  const low = data?.lowStockProducts;
  const products = data?.products;
  // The product the editor sent the seller to opens where it is listed first.
  const focusIsLow = low?.edges.some(({ node }) => node.id === focus) ?? false;
  return (
    <section aria-labelledby="inventory-title">
      <div className="seller-toolbar">
        <h1 id="inventory-title">{t('seller.nav.inventory')}</h1>
        <Button variant="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>{t('seller.refresh')}</Button>
      </div>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {fetching && !data && <Loading />}
      {low && (
        <section className="gs-card seller-section" aria-labelledby="low-stock-title">
          <h2 id="low-stock-title">{t('seller.inventory.lowTitle', { count: low.totalCount })}</h2>
          {low.edges.length === 0 ? (
            <p className="gs-muted">{t('seller.inventory.noneLow')}</p>
          ) : (
            <ul className="seller-list">
              {low.edges.map(({ node }) => <li key={node.id}><StockCard list="low" product={node} open={node.id === focus} /></li>)}
            </ul>
          )}
        </section>
      )}
      {products && (
        <section className="seller-section" aria-labelledby="all-stock-title">
          <h2 id="all-stock-title">{t('seller.inventory.allTitle', { count: products.totalCount })}</h2>
          <ul className="seller-list">
            {products.edges.map(({ node }) => <li key={node.id}><StockCard list="all" product={node} open={node.id === focus && !focusIsLow} /></li>)}
          </ul>
          {products.pageInfo.hasNextPage && (
            <Button variant="secondary" onClick={() => setAfter(products.pageInfo.endCursor ?? null)}>{t('seller.nextPage')}</Button>
          )}
        </section>
      )}
    </section>
  );
}

/** A product's stock; `list` keeps its ids apart when it is both low on stock and in the list of all. */
function StockCard({ list, product: ref, open: initiallyOpen }: { list: string; product: FragmentType<typeof StockRow>; open: boolean }) {
  const { t } = useI18n();
  const product = getFragmentData(StockRow, ref);
  const [open, setOpen] = useState(initiallyOpen);
  const inv = product.inventory;
  return (
    <article className="gs-card seller-stock" aria-labelledby={`stock-${list}-${product.id}`}>
      <header className="seller-order__head">
        <h3 id={`stock-${list}-${product.id}`}>{product.title}</h3>
        <span className="gs-muted">{t(`seller.productStatus.${product.status}`)}</span>
        {inv.isLowStock && <span className="seller-badge seller-badge--low">{t('seller.inventory.low')}</span>}
      </header>
      <p>
        {t('seller.inventory.figures', { onHand: inv.onHand, reserved: inv.reserved, available: inv.available, threshold: inv.lowStockThreshold })}
      </p>
      {product.variants.length > 0 && (
        <ul className="seller-variant-stock">
          {product.variants.map((v) => (
            <li key={v.id}>
              {v.title} ({v.sku}): {t('seller.inventory.variantFigures', { onHand: v.inventory.onHand, reserved: v.inventory.reserved, available: v.inventory.available })}
              {v.inventory.isLowStock && <span className="seller-badge seller-badge--low"> {t('seller.inventory.low')}</span>}
            </li>
          ))}
        </ul>
      )}
      <Button variant="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('seller.inventory.hide') : t('seller.inventory.adjustNamed', { title: product.title })}
      </Button>
      {open && (
        <div className="gs-row">
          <AdjustForm productId={product.id} variants={product.variants} />
          <ThresholdForm productId={product.id} threshold={inv.lowStockThreshold} />
          <Movements productId={product.id} variants={product.variants} />
        </div>
      )}
    </article>
  );
}

const adjustFields = ['variantId', 'delta', 'reason'] as const;

function AdjustForm({ productId, variants }: { productId: string; variants: readonly { id: string; sku: string; title: string }[] }) {
  const { t, locale } = useI18n();
  const [variantId, setVariantId] = useState('');
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<FormErrors>(noFormErrors);
  const [done, setDone] = useState(false);
  const adjust = useFormMutation(AdjustInventory, adjustFields);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const units = parseWholeNumber(delta);
    if (units === null) {
      adjust.reset();
      setLocal(toFormErrors([{ code: 'OUT_OF_RANGE', field: ['input', 'delta'], message: '' }], adjustFields, locale));
      return;
    }
    setLocal(noFormErrors);
    if (await adjust.submit({ input: { productId, variantId: variantId || null, delta: units, reason } })) {
      setDelta('');
      setReason('');
      setDone(true);
    }
  }
  const error = (field: string) => [...(local.fields[field] ?? []), ...(adjust.errors.fields[field] ?? [])].join(' ') || undefined;
  return (
    <form className="seller-inline-form" onSubmit={submit} noValidate aria-label={t('seller.inventory.adjust')}>
      {variants.length > 0 && (
        <SelectField label={t('seller.inventory.which')} value={variantId} onChange={(e) => setVariantId(e.target.value)} error={error('variantId')}>
          <option value="">{t('seller.inventory.productItself')}</option>
          {variants.map((v) => <option key={v.id} value={v.id}>{`${v.title} (${v.sku})`}</option>)}
        </SelectField>
      )}
      <Field label={t('seller.inventory.delta')} inputMode="numeric" value={delta} onChange={(e) => setDelta(e.target.value)} error={error('delta')}
        hint={t('seller.inventory.deltaHint')} />
      <Field label={t('seller.inventory.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={error('reason')}
        placeholder={t('seller.inventory.reasonExample')} />
      <Alert>{[...local.form, ...adjust.errors.form].join(' ')}</Alert>
      {done && <Alert kind="success">{t('seller.saved')}</Alert>}
      <Button type="submit" disabled={adjust.fetching}>{t('seller.inventory.adjust')}</Button>
    </form>
  );
}

const thresholdFields = ['threshold'] as const;

function ThresholdForm({ productId, threshold }: { productId: string; threshold: number }) {
  const { t, locale } = useI18n();
  const [value, setValue] = useState(String(threshold));
  const [local, setLocal] = useState<FormErrors>(noFormErrors);
  const setting = useFormMutation(SetThreshold, thresholdFields);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseWholeNumber(value);
    if (parsed === null) {
      setting.reset();
      setLocal(toFormErrors([{ code: 'OUT_OF_RANGE', field: ['input', 'threshold'], message: '' }], thresholdFields, locale));
      return;
    }
    setLocal(noFormErrors);
    await setting.submit({ input: { productId, threshold: parsed } });
  }
  const error = [...(local.fields.threshold ?? []), ...(setting.errors.fields.threshold ?? [])].join(' ') || undefined;
  return (
    <form className="seller-inline-form" onSubmit={submit} noValidate aria-label={t('seller.productForm.lowStock')}>
      <Field label={t('seller.productForm.lowStock')} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} error={error} />
      <Alert>{setting.errors.form.join(' ')}</Alert>
      <Button type="submit" variant="secondary" disabled={setting.fetching}>{t('app.save')}</Button>
    </form>
  );
}

function Movements({ productId, variants }: { productId: string; variants: readonly { id: string; title: string }[] }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [{ data, error }] = useQuery({ query: MovementsQuery, variables: { id: productId }, requestPolicy: 'network-only' });
  const movements = data?.product?.inventory.movements.edges ?? [];
  return (
    <div className="seller-movements">
      <h4>{t('seller.inventory.movements')}</h4>
      <Alert>{friendlyError(error, i18n)}</Alert>
      <table className="seller-table">
        <thead>
          <tr>
            <th scope="col">{t('seller.inventory.when')}</th>
            <th scope="col">{t('seller.inventory.kind')}</th>
            <th scope="col">{t('seller.inventory.change')}</th>
            <th scope="col">{t('seller.inventory.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {movements.map(({ node }) => (
            <tr key={node.id}>
              <td>{new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(node.occurredAt))}</td>
              <td>
                {t(`seller.movement.${node.kind}`)}
                {node.variantId && <span className="gs-muted"> · {variants.find((v) => v.id === node.variantId)?.title}</span>}
              </td>
              <td>{node.onHandDelta !== 0 ? t('seller.inventory.onHandDelta', { delta: signed(node.onHandDelta) }) : t('seller.inventory.reservedDelta', { delta: signed(node.reservedDelta) })}</td>
              <td>{node.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
