/**
 * What buyers say: reviews of the shop itself and of each of its products, the unanswered first in mind. The owner
 * answers a published review publicly (answering again replaces the answer); the buyer is told.
 */
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Alert, Button, Loading, Stars, friendlyError, useI18n } from '@goshop/shared';
import { graphql, getFragmentData, type FragmentType } from '../gql';
import type { Sentiment } from '../gql/graphql';
import { useShopId } from '../shell/CurrentShop';
import { usePageTitle } from '../shell/usePageTitle';
import { useFormMutation } from '../forms/useFormMutation';
import { TextAreaField } from '../components/TextAreaField';

const ReviewToAnswer = graphql(`
  fragment ReviewToAnswer on Review {
    id
    subject
    rating
    title
    body
    sentiment
    verifiedPurchase
    variantTitle
    createdAt
    author { id fullName }
    media { id url }
    reply { body createdAt editedAt }
  }
`);

// Page sizes, and photos without their scaled copies (a list in a list in a list), keep the query under the
// gateway's complexity limit of 20,000 (3,621) and each subgraph's part under its own.
const ReviewsQuery = graphql(`
  query SellerReviews($shopId: ID!, $sentiment: Sentiment) {
    shop(id: $shopId) {
      id
      ratingSummary { average count distribution { stars count } }
      reviews(first: 10, sentiment: $sentiment) { totalCount edges { node { id ...ReviewToAnswer } } }
    }
    products(where: { shopId: $shopId, status: [ACTIVE, OUT_OF_STOCK, DRAFT, ARCHIVED] }, order: BEST_SELLING, first: 10) {
      edges {
        node {
          id
          title
          ratingSummary { average count }
          reviews(first: 5, sentiment: $sentiment) { totalCount edges { node { id ...ReviewToAnswer } } }
        }
      }
    }
  }
`);

const ReplyToReview = graphql(`
  mutation SellerReplyToReview($input: ReplyToReviewInput!) {
    replyToReview(input: $input) { review { id ...ReviewToAnswer } userErrors { code field message } }
  }
`);

const sentiments: readonly (Sentiment | 'ALL')[] = ['ALL', 'NEGATIVE', 'NEUTRAL', 'POSITIVE'];

export function ReviewsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('seller.nav.reviews');
  const shopId = useShopId();
  const [sentiment, setSentiment] = useState<Sentiment | 'ALL'>('ALL');
  const [{ data, fetching, error }] = useQuery({
    query: ReviewsQuery,
    variables: { shopId, sentiment: sentiment === 'ALL' ? null : sentiment },
    requestPolicy: 'cache-and-network',
  });
  const shop = data?.shop;
  const productsWithReviews = (data?.products.edges ?? []).filter(({ node }) => (node.reviews?.totalCount ?? 0) > 0);
  return (
    <section aria-labelledby="reviews-title">
      <h1 id="reviews-title">{t('seller.nav.reviews')}</h1>
      <div role="group" aria-label={t('seller.reviews.bySentiment')} className="seller-segmented">
        {sentiments.map((s) => (
          <button key={s} type="button" aria-pressed={s === sentiment} onClick={() => setSentiment(s)}>{t(`seller.sentiment.${s}`)}</button>
        ))}
      </div>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {fetching && !data && <Loading />}
      {shop && (
        <>
          <section className="gs-card seller-section" aria-labelledby="shop-reviews-title">
            <h2 id="shop-reviews-title">{t('seller.reviews.shopReviews')}</h2>
            {shop.ratingSummary && (
              <p>{t('seller.reviews.summary', { average: shop.ratingSummary.average.toFixed(1), count: shop.ratingSummary.count })}</p>
            )}
            <ReviewList reviews={shop.reviews?.edges.map((e) => e.node) ?? []} />
          </section>
          {productsWithReviews.length === 0 && <p className="gs-muted">{t('seller.reviews.noProductReviews')}</p>}
          {productsWithReviews.map(({ node }) => (
            <section key={node.id} className="gs-card seller-section" aria-labelledby={`product-reviews-${node.id}`}>
              <h2 id={`product-reviews-${node.id}`}>{node.title}</h2>
              {node.ratingSummary && <p>{t('seller.reviews.summary', { average: node.ratingSummary.average.toFixed(1), count: node.ratingSummary.count })}</p>}
              <ReviewList reviews={node.reviews?.edges.map((e) => e.node) ?? []} />
            </section>
          ))}
        </>
      )}
    </section>
  );
}

function ReviewList({ reviews }: { reviews: readonly FragmentType<typeof ReviewToAnswer>[] }) {
  const { t } = useI18n();
  if (reviews.length === 0) return <p className="gs-muted">{t('seller.reviews.none')}</p>;
  return (
    <ul className="seller-list">
      {reviews.map((review, index) => <li key={index}><ReviewCard review={review} /></li>)}
    </ul>
  );
}

const replyFields = ['body'] as const;

function ReviewCard({ review: ref }: { review: FragmentType<typeof ReviewToAnswer> }) {
  const { t, locale } = useI18n();
  const review = getFragmentData(ReviewToAnswer, ref);
  const [answering, setAnswering] = useState(false);
  const [body, setBody] = useState(review.reply?.body ?? '');
  const reply = useFormMutation(ReplyToReview, replyFields);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await reply.submit({ input: { reviewId: review.id, body } })) setAnswering(false);
  }
  const date = (iso: string) => new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium' }).format(new Date(iso));
  return (
    <article className="seller-review" aria-label={t('seller.reviews.by', { name: review.author?.fullName ?? t('seller.reviews.anonymous') })}>
      <p>
        <Stars rating={review.rating} label={t('seller.reviews.stars', { count: review.rating })} />{' '}
        <strong>{review.author?.fullName ?? t('seller.reviews.anonymous')}</strong>{' '}
        <span className="gs-muted">
          {date(review.createdAt)}
          {review.variantTitle && ` · ${review.variantTitle}`}
          {review.sentiment && ` · ${t(`seller.sentiment.${review.sentiment}`)}`}
        </span>
      </p>
      {review.title && <p><strong>{review.title}</strong></p>}
      {review.body && <p className="seller-review__body">{review.body}</p>}
      {review.media.length > 0 && (
        <ul className="seller-gallery">
          {review.media.map((media, index) =>
            media ? (
              <li key={media.id}>
                <img src={media.url} alt={t('seller.reviews.photo', { number: index + 1 })} width={72} height={72} loading="lazy" />
              </li>
            ) : null,
          )}
        </ul>
      )}
      {review.reply && !answering && (
        <blockquote className="seller-reply">
          <p><strong>{t('seller.reviews.yourAnswer')}</strong> <span className="gs-muted">{date(review.reply.editedAt ?? review.reply.createdAt)}</span></p>
          <p className="seller-review__body">{review.reply.body}</p>
        </blockquote>
      )}
      {answering ? (
        <form className="seller-inline-form" onSubmit={submit} noValidate aria-label={t('seller.reviews.answer')}>
          <TextAreaField label={t('seller.reviews.answerLabel')} value={body} onChange={setBody} error={reply.errors.fields.body?.join(' ')} rows={4} />
          <Alert>{reply.errors.form.join(' ')}</Alert>
          <Button type="submit" disabled={reply.fetching}>{t('seller.reviews.send')}</Button>
          <Button variant="link" onClick={() => setAnswering(false)}>{t('app.cancel')}</Button>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setAnswering(true)}>{review.reply ? t('seller.reviews.editAnswer') : t('seller.reviews.answer')}</Button>
      )}
    </article>
  );
}
