// The cart, shop by shop: quantities, removal, one coupon per shop, and what placing it would cost now (orderPreview
// with the default address: subtotal, shipping, tax, discount, total).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { Alert, Button, Field, Loading, Price, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { FeeTable } from '../components/FeeTable';
import { thumbnailUrl } from '../components/ProductCard';
import { useFormMutation } from '../useFormMutation';
import { usePageTitle } from '../usePageTitle';

const CartQuery = graphql(`
  query StorefrontCart {
    cart {
      id
      itemCount
      subtotal { amount currency }
      discount { amount }
      total { amount currency }
      shops {
        shop { id name }
        subtotal { amount }
        discount { amount }
        total { amount }
        coupon { code applicable message discount { amount } }
        items {
          id title variantTitle quantity available availability priceChanged
          product { id }
          image { id url }
          unitPrice { amount currency }
          lineTotal { amount currency }
        }
      }
    }
    me { id defaultAddress { id } }
  }
`);

const PreviewQuery = graphql(`
  query StorefrontCartPreview($input: OrderPreviewInput!) {
    orderPreview(input: $input) {
      canPlace
      fees { ...Fees }
      userErrors { code field message }
    }
  }
`);

const UpdateItem = graphql(`
  mutation StorefrontUpdateCartItem($input: UpdateCartItemInput!) {
    updateCartItem(input: $input) {
      cart { id itemCount subtotal { amount } total { amount } shops { shop { id } subtotal { amount } total { amount } items { id quantity lineTotal { amount } } } }
      userErrors { code field message }
    }
  }
`);

const RemoveItem = graphql(`
  mutation StorefrontRemoveCartItem($input: RemoveCartItemInput!) {
    removeCartItem(input: $input) {
      cart { id itemCount subtotal { amount } total { amount } shops { shop { id } items { id } } }
      userErrors { code field message }
    }
  }
`);

const ApplyCoupon = graphql(`
  mutation StorefrontApplyCoupon($input: ApplyCouponInput!) {
    applyCoupon(input: $input) {
      cart { id total { amount } discount { amount } shops { shop { id } discount { amount } total { amount } coupon { code applicable message discount { amount } } } }
      userErrors { code field message }
    }
  }
`);

const RemoveCoupon = graphql(`
  mutation StorefrontRemoveCoupon($input: RemoveCouponInput!) {
    removeCoupon(input: $input) {
      cart { id total { amount } discount { amount } shops { shop { id } discount { amount } total { amount } coupon { code } } }
      userErrors { code field message }
    }
  }
`);

function CartLine({ item, onChanged }: { item: { id: string; title: string; variantTitle?: string | null; quantity: number; available: number; priceChanged: boolean; product?: { id: string } | null; image?: { url: string } | null; unitPrice: { amount: number; currency: string }; lineTotal: { amount: number; currency: string } }; onChanged: () => void }) {
  const { t } = useI18n();
  const [quantity, setQuantity] = useState(String(item.quantity));
  const update = useFormMutation(UpdateItem, (d) => d.updateCartItem, ['quantity']);
  const remove = useFormMutation(RemoveItem, (d) => d.removeCartItem);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if ((await update.run({ input: { itemId: item.id, quantity: Number(quantity) } })) !== null) onChanged();
  };
  const image = item.image ? thumbnailUrl(item.image.url) : null;
  return (
    <li className="sf-cart-line gs-row">
      {image ? <img src={image} alt="" width={64} height={64} /> : <span className="sf-card__noimage" style={{ width: 64 }} aria-hidden="true" />}
      <div style={{ flex: 1 }}>
        {item.product ? <Link to={`/products/${item.product.id}`}>{item.title}</Link> : item.title}
        {item.variantTitle && <span className="gs-muted"> · {item.variantTitle}</span>}
        <div><Price amount={item.unitPrice.amount} currency={item.unitPrice.currency} />
          {item.priceChanged && <span className="gs-muted"> · {t('cart.priceChanged')}</span>}</div>
        {item.available < item.quantity && <Alert>{t('cart.onlyLeft', { count: item.available })}</Alert>}
      </div>
      <form onSubmit={save} className="gs-row" noValidate>
        <Field label={t('product.quantity')} type="number" min={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} error={update.errors.quantity} />
        <Button type="submit" variant="secondary" disabled={update.busy || Number(quantity) === item.quantity}>{t('cart.update')}</Button>
      </form>
      <Price amount={item.lineTotal.amount} currency={item.lineTotal.currency} />
      <Button variant="link" disabled={remove.busy} onClick={() => void remove.run({ input: { itemId: item.id } }).then((ok) => ok && onChanged())}
        aria-label={t('cart.removeItem', { title: item.title })}>{t('cart.remove')}</Button>
      <Alert>{update.formError ?? remove.formError}</Alert>
    </li>
  );
}

function CouponForm({ shopId, applied, onChanged }: { shopId: string; applied?: { code: string; applicable: boolean; message?: string | null } | null; onChanged: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const apply = useFormMutation(ApplyCoupon, (d) => d.applyCoupon, ['code']);
  const remove = useFormMutation(RemoveCoupon, (d) => d.removeCoupon);
  if (applied) {
    return (
      <p>{t('cart.coupon')}: <strong>{applied.code}</strong> {!applied.applicable && applied.message && <span className="gs-muted">({applied.message})</span>}{' '}
        <Button variant="link" onClick={() => void remove.run({ input: { shopId } }).then((ok) => ok && onChanged())}>{t('cart.removeCoupon')}</Button></p>
    );
  }
  return (
    <form className="gs-row" noValidate onSubmit={async (e) => {
      e.preventDefault();
      if ((await apply.run({ input: { shopId, code: code.trim() } })) !== null) { setCode(''); onChanged(); }
    }}>
      <Field label={t('cart.couponCode')} value={code} onChange={(e) => setCode(e.target.value)} error={apply.errors.code} />
      <Button type="submit" variant="secondary" disabled={apply.busy}>{t('cart.applyCoupon')}</Button>
      <Alert>{apply.formError}</Alert>
    </form>
  );
}

export default function CartPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('nav.cart');
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CartQuery });
  const addressId = data?.me?.defaultAddress?.id;
  const [preview, refetchPreview] = useQuery({ query: PreviewQuery, variables: { input: { addressId: addressId ?? '' } }, pause: !addressId || !data?.cart?.itemCount, requestPolicy: 'network-only' });
  const changed = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchPreview({ requestPolicy: 'network-only' });
  };
  if (fetching && !data) return <Loading />;
  const cart = data?.cart;
  return (
    <section aria-labelledby="cart-title">
      <h1 id="cart-title">{t('nav.cart')}</h1>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {!cart || cart.itemCount === 0 ? <p>{t('cart.empty')} <Link to="/">{t('cart.keepShopping')}</Link></p> : (
        <>
          {cart.shops.map((group) => (
            <section key={group.shop?.id ?? 'unknown'} className="gs-card sf-cart-shop" aria-label={group.shop?.name ?? ''}>
              <h2>{group.shop?.name}</h2>
              <ul className="sf-plain">{group.items.map((item) => <CartLine key={item.id} item={item} onChanged={changed} />)}</ul>
              {group.shop && <CouponForm shopId={group.shop.id} applied={group.coupon} onChanged={changed} />}
              <p>{t('cart.shopTotal')}: <Price amount={group.total.amount} /></p>
              {group.shop && cart.shops.length > 1 && (
                <Button variant="secondary" onClick={() => navigate(`/checkout?shop=${group.shop!.id}`)}>{t('cart.checkoutShop', { shop: group.shop.name })}</Button>
              )}
            </section>
          ))}
          <section className="gs-card" aria-labelledby="cart-preview">
            <h2 id="cart-preview">{t('cart.preview')}</h2>
            {!addressId ? <p>{t('cart.noAddress')} <Link to="/account">{t('account.addAddress')}</Link></p> : (
              <>
                {preview.data?.orderPreview && <FeeTable fees={preview.data.orderPreview.fees} />}
                {preview.data?.orderPreview.userErrors.map((e, i) => <Alert key={i}>{i18n.has(`code.${e.code}`) ? t(`code.${e.code}`) : t('error.generic', { message: e.message })}</Alert>)}
              </>
            )}
            <Button onClick={() => navigate('/checkout')}>{cart.shops.length > 1 ? t('cart.checkoutAll') : t('cart.checkout')}</Button>
          </section>
        </>
      )}
    </section>
  );
}
