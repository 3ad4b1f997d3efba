import { Link } from 'react-router-dom';
import { Price, Stars, useI18n } from '@goshop/shared';
import { graphql, getFragmentData, type FragmentType } from '../gql';

export const ProductCardFragment = graphql(`
  fragment ProductCard on Product {
    id
    title
    price { amount currency }
    effectivePrice { amount currency }
    ratingAverage
    ratingCount
    soldCount
    media { id url }
    shop { id name city }
  }
`);

/**
 * The medium variant of a product's first picture. Media files live at /media/<id>/{original,medium,thumbnail}
 * (media subgraph): the variant's URL is derived here rather than asked for, because a variants list under every card
 * of a page pushed the search query past the gateway's complexity limit.
 */
export function thumbnail(media: readonly ({ url: string } | null)[]): string | null {
  const first = media.find((m) => m !== null);
  return first ? first.url.replace(/\/original$/, '/medium') : null;
}

/** The small (thumbnail) variant of a media file, from its URL (see thumbnail). */
export function thumbnailUrl(url: string): string {
  return url.replace(/\/original$/, '/thumbnail');
}

export function ProductCard(props: { product: FragmentType<typeof ProductCardFragment> }) {
  const product = getFragmentData(ProductCardFragment, props.product);
  const { t } = useI18n();
  const image = thumbnail(product.media);
  const discounted = product.effectivePrice.amount < product.price.amount;
  return (
    <li className="sf-card">
      <Link to={`/products/${product.id}`} className="sf-card__link">
        {image ? <img src={image} alt="" loading="lazy" width={180} height={180} /> : <div className="sf-card__noimage" aria-hidden="true" />}
        <span className="sf-card__title">{product.title}</span>
      </Link>
      <Price amount={product.effectivePrice.amount} currency={product.effectivePrice.currency} />
      {discounted && <s className="gs-muted sf-card__was"><Price amount={product.price.amount} currency={product.price.currency} className="gs-muted" /></s>}
      <span className="sf-card__meta">
        {product.ratingCount > 0 && <Stars rating={product.ratingAverage} label={t('product.ratingOf', { rating: product.ratingAverage.toFixed(1) })} />}
        <span className="gs-muted">{t('product.sold', { count: product.soldCount })}</span>
      </span>
      {product.shop && <span className="gs-muted sf-card__shop">{product.shop.name}{product.shop.city ? ` · ${product.shop.city}` : ''}</span>}
    </li>
  );
}
