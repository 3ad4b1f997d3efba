import { Stars, formatDate, useI18n } from '@goshop/shared';
import { graphql, getFragmentData, type FragmentType } from '../gql';

export const ProductReviewsFragment = graphql(`
  fragment ProductReviews on Product {
    ratingSummary { average count withMediaCount distribution { stars count } }
    reviews(first: 10, sort: NEWEST) {
      totalCount
      edges {
        node {
          id rating title body verifiedPurchase createdAt variantTitle
          author { id fullName }
          media { id url variants { name url } }
          reply { body }
        }
      }
    }
  }
`);

/** The rating distribution as bars, then the latest reviews with their photos and the shop's replies. */
export function ReviewList(props: { product: FragmentType<typeof ProductReviewsFragment> }) {
  const { t, locale } = useI18n();
  const product = getFragmentData(ProductReviewsFragment, props.product);
  const summary = product.ratingSummary;
  const reviews = product.reviews?.edges ?? [];
  return (
    <section aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t('reviews.title')}</h2>
      {!summary || summary.count === 0 ? <p className="gs-muted">{t('reviews.none')}</p> : (
        <div className="gs-row">
          <p><strong className="sf-big">{summary.average.toFixed(1)}</strong> / 5 <Stars rating={summary.average} label={t('product.ratingOf', { rating: summary.average.toFixed(1) })} />
            <br />{t('reviews.count', { count: summary.count })}</p>
          <ul className="sf-bars" aria-label={t('reviews.distribution')} style={{ minWidth: 260 }}>
            {[5, 4, 3, 2, 1].map((stars) => {
              const count = summary.distribution.find((b) => b.stars === stars)?.count ?? 0;
              const share = summary.count > 0 ? Math.round((100 * count) / summary.count) : 0;
              return (
                <li key={stars}>
                  <span>{t('reviews.stars', { stars })}</span>
                  <span className="sf-bar" role="img" aria-label={t('reviews.share', { share })}><span style={{ width: `${share}%` }} /></span>
                  <span>{count}</span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <ul className="sf-reviews">
        {reviews.map(({ node }) => (
          <li key={node.id} className="gs-card">
            <Stars rating={node.rating} label={t('product.ratingOf', { rating: node.rating })} />
            {node.title && <strong> {node.title}</strong>}
            <p className="gs-muted">{node.author?.fullName} · {formatDate(node.createdAt, locale)}
              {node.verifiedPurchase && <> · {t('reviews.verified')}</>}{node.variantTitle && <> · {node.variantTitle}</>}</p>
            {node.body && <p>{node.body}</p>}
            {node.media.length > 0 && (
              <div className="sf-gallery__thumbs">
                {node.media.filter((m) => m !== null).map((m, i) => (
                  <a key={m.id} href={m.url}><img src={m.variants.find((v) => v.name === 'thumbnail')?.url ?? m.url} alt={t('reviews.photo', { n: i + 1 })} /></a>
                ))}
              </div>
            )}
            {node.reply && <p className="sf-reply"><strong>{t('reviews.reply')}</strong> {node.reply.body}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
