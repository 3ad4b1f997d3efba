// The product page in one query: gallery, variants, price (and its history), stock, the shop, reviews with the
// rating distribution, similar items, bought together and other shops' offers; then add to cart and price alerts.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Field, Loading, Price, formatDate, friendlyError, useAuth, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { ProductCard } from '../components/ProductCard';
import { ReviewList } from '../components/ReviewList';
import { useFormMutation } from '../useFormMutation';
import { usePageTitle } from '../usePageTitle';

const ProductQuery = graphql(`
  query StorefrontProduct($id: ID!) {
    product(id: $id) {
      id
      title
      description
      brand { id name }
      model
      status
      price { amount currency }
      effectivePrice { amount currency }
      discount { percentOff endsAt active }
      inventory { available }
      attributes { name value }
      media { id url variants { name url } }
      variants { id title effectivePrice { amount currency } inventory { available } }
      shop { id name city ratingAverage }
      soldCount
      priceHistory(first: 5) { edges { node { id price { amount } changedAt } } }
      ...ProductReviews
      similar(first: 6) { id ...ProductCard }
      boughtTogether(first: 4) { id ...ProductCard }
    }
    priceComparison(productId: $id) { shop { id name } product { id } effectivePrice { amount currency } distanceKm }
  }
`);

const AddToCart = graphql(`
  mutation StorefrontAddToCart($input: AddToCartInput!) {
    addToCart(input: $input) {
      cart { id itemCount }
      userErrors { code field message }
    }
  }
`);

const CreatePriceAlert = graphql(`
  mutation StorefrontCreatePriceAlert($input: CreatePriceAlertInput!) {
    createPriceAlert(input: $input) {
      priceAlert { id targetPrice { amount } status }
      userErrors { code field message }
    }
  }
`);

const TrackView = graphql(`
  mutation StorefrontTrackProductView($input: TrackProductViewInput!) {
    trackProductView(input: $input) { userErrors { code message } }
  }
`);

function Gallery({ media, title }: { media: readonly ({ id: string; url: string; variants: readonly { name: string; url: string }[] } | null)[]; title: string }) {
  const { t } = useI18n();
  const pictures = media.filter((m) => m !== null);
  const [shown, setShown] = useState(0);
  if (pictures.length === 0) return <div className="sf-card__noimage" aria-hidden="true" />;
  const current = pictures[Math.min(shown, pictures.length - 1)];
  return (
    <div className="sf-gallery">
      <img src={current.url} alt={t('product.picture', { title, n: shown + 1 })} />
      {pictures.length > 1 && (
        <div className="sf-gallery__thumbs">
          {pictures.map((m, i) => (
            <button key={m.id} type="button" aria-pressed={i === shown} aria-label={t('product.showPicture', { n: i + 1 })} onClick={() => setShown(i)}>
              <img src={m.variants.find((v) => v.name === 'thumbnail')?.url ?? m.url} alt="" />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function PriceAlertForm({ productId, current }: { productId: string; current: number }) {
  const { t } = useI18n();
  const [target, setTarget] = useState(String(Math.round(current * 0.9)));
  const [done, setDone] = useState(false);
  const alert = useFormMutation(CreatePriceAlert, (d) => d.createPriceAlert, ['targetPrice']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone((await alert.run({ input: { productId, targetPrice: Number(target) } })) !== null);
  };
  return (
    <form onSubmit={submit} className="gs-card" noValidate>
      <h2>{t('product.priceAlert')}</h2>
      <Field label={t('product.alertBelow')} type="number" inputMode="numeric" min={0} value={target}
        onChange={(e) => { setTarget(e.target.value); setDone(false); }} error={alert.errors.targetPrice} />
      <Alert>{alert.formError}</Alert>
      {done && <Alert kind="success">{t('product.alertSet')}</Alert>}
      <Button type="submit" variant="secondary" disabled={alert.busy}>{t('product.setAlert')}</Button>
    </form>
  );
}

export default function ProductPage() {
  const { id = '' } = useParams();
  const i18n = useI18n();
  const { t, locale, money } = i18n;
  const { viewer } = useAuth();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: ProductQuery, variables: { id } });
  const [, trackView] = useMutation(TrackView);
  const [variantId, setVariantId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState('1');
  const [added, setAdded] = useState(false);
  const add = useFormMutation(AddToCart, (d) => d.addToCart, ['quantity', 'variantId']);
  const product = data?.product;
  usePageTitle(product?.title ?? null, true);
  useEffect(() => {
    if (id) void trackView({ input: { productId: id } });
  }, [id, trackView]);
  useEffect(() => {
    setVariantId(null);
    setAdded(false);
  }, [id]);

  if (fetching && !data) return <Loading />;
  if (error && !data) return <Alert>{friendlyError(error, i18n)}</Alert>;
  if (!product) return <section><h1>{t('product.notFound')}</h1><Link to="/">{t('nav.home')}</Link></section>;

  const variant = product.variants.find((v) => v.id === variantId) ?? null;
  const price = variant?.effectivePrice ?? product.effectivePrice;
  const available = variant?.inventory.available ?? product.inventory.available;
  const addToCart = async (event: FormEvent) => {
    event.preventDefault();
    if (!viewer) {
      navigate(`/login?next=${encodeURIComponent(`/products/${id}`)}`);
      return;
    }
    setAdded((await add.run({ input: { productId: product.id, variantId: variant?.id, quantity: Number(quantity) } })) !== null);
  };
  const offers = data?.priceComparison.filter((o) => o.product?.id !== product.id) ?? [];
  const similar = product.similar?.filter((p) => p !== null) ?? [];
  const together = product.boughtTogether?.filter((p) => p !== null) ?? [];

  return (
    <article>
      <div className="gs-row">
        <Gallery media={product.media} title={product.title} />
        <div style={{ flex: 1, minWidth: 280 }}>
          <h1 data-testid="product-title">{product.title}</h1>
          <p className="gs-muted">
            {product.brand && <>{t('product.brand')}: {product.brand.name} · </>}
            {t('product.sold', { count: product.soldCount })}
          </p>
          <p data-testid="product-price">
            <Price amount={price.amount} currency={price.currency} className="sf-big" />
            {product.discount?.active && !variant && (
              <> <s className="gs-muted">{money(product.price.amount)}</s> <span>-{product.discount.percentOff}%</span></>
            )}
          </p>
          {product.shop && <p>{t('product.soldBy')} <strong>{product.shop.name}</strong>{product.shop.city ? ` · ${product.shop.city}` : ''}</p>}
          <form onSubmit={addToCart} noValidate>
            {product.variants.length > 0 && (
              <fieldset>
                <legend>{t('product.variant')}</legend>
                {product.variants.map((v) => (
                  <label key={v.id} className="sf-variant">
                    <input type="radio" name="variant" checked={variantId === v.id} onChange={() => setVariantId(v.id)} disabled={v.inventory.available === 0} />
                    {' '}{v.title} ({money(v.effectivePrice.amount)})
                  </label>
                ))}
                {add.errors.variantId && <p className="gs-field__error" role="alert">{add.errors.variantId}</p>}
              </fieldset>
            )}
            <p>{available > 0 ? t('product.available', { count: available }) : t('product.soldOut')}</p>
            <Field label={t('product.quantity')} type="number" min={1} max={Math.max(1, available)} value={quantity}
              onChange={(e) => { setQuantity(e.target.value); setAdded(false); }} error={add.errors.quantity} />
            <Alert>{add.formError}</Alert>
            {added && <Alert kind="success">{t('product.added')} <Link to="/cart">{t('product.goToCart')}</Link></Alert>}
            <Button type="submit" disabled={add.busy || available === 0}>{t('product.addToCart')}</Button>
          </form>
        </div>
      </div>

      {product.description && <section><h2>{t('product.description')}</h2><p style={{ whiteSpace: 'pre-line' }}>{product.description}</p></section>}
      {product.attributes.length > 0 && (
        <section>
          <h2>{t('product.details')}</h2>
          <table className="sf-table"><tbody>{product.attributes.map((a) => <tr key={a.name}><th scope="row">{a.name}</th><td>{a.value}</td></tr>)}</tbody></table>
        </section>
      )}
      {product.priceHistory.edges.length > 1 && (
        <section>
          <h2>{t('product.priceHistory')}</h2>
          <ul>{product.priceHistory.edges.map(({ node }) => <li key={node.id}>{formatDate(node.changedAt, locale)}: {money(node.price.amount)}</li>)}</ul>
        </section>
      )}
      {offers.length > 0 && (
        <section>
          <h2>{t('product.otherOffers')}</h2>
          <ul>
            {offers.map((o) => o.product && (
              <li key={o.product.id}><Link to={`/products/${o.product.id}`}>{o.shop?.name}</Link>: {money(o.effectivePrice.amount)}
                {o.distanceKm != null && ` · ${t('shops.distance', { km: o.distanceKm.toFixed(1) })}`}</li>
            ))}
          </ul>
        </section>
      )}
      {viewer && <PriceAlertForm productId={product.id} current={price.amount} />}
      <ReviewList product={product} />
      {together.length > 0 && (
        <section><h2>{t('product.boughtTogether')}</h2><ul className="gs-grid">{together.map((p) => <ProductCard key={p.id} product={p} />)}</ul></section>
      )}
      {similar.length > 0 && (
        <section><h2>{t('product.similar')}</h2><ul className="gs-grid">{similar.map((p) => <ProductCard key={p.id} product={p} />)}</ul></section>
      )}
    </article>
  );
}
