import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useSubscription } from 'urql';
import { Alert, Button, Loading, formatDateTime, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { usePageTitle } from '../usePageTitle';

const InboxQuery = graphql(`
  query StorefrontInbox {
    notifications(first: 50) {
      unreadCount
      edges { node { id title body link category readAt createdAt } }
    }
  }
`);

const Arrived = graphql(`
  subscription StorefrontInboxArrived {
    notificationReceived { id }
  }
`);

const MarkRead = graphql(`
  mutation StorefrontMarkNotificationRead($input: MarkNotificationReadInput!) {
    markNotificationRead(input: $input) { notification { id readAt } userErrors { code message } }
  }
`);

export default function NotificationsPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  usePageTitle('bell.title');
  const [{ data, fetching, error }, refetch] = useQuery({ query: InboxQuery });
  const [live] = useSubscription({ query: Arrived });
  const [, markRead] = useMutation(MarkRead);
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: 'network-only' });
  }, [live.data, refetch]);
  if (fetching && !data) return <Loading />;
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('bell.title')}</h1>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {data?.notifications.edges.length === 0 && <p>{t('bell.empty')}</p>}
      <ul className="sf-plain">
        {data?.notifications.edges.map(({ node }) => (
          <li key={node.id} className={`gs-card ${node.readAt ? '' : 'sf-unread'}`}>
            {node.link?.startsWith('/') ? <Link to={node.link}><strong>{node.title}</strong></Link> : <strong>{node.title}</strong>}
            <p>{node.body}</p>
            <small className="gs-muted">{formatDateTime(node.createdAt, locale)}</small>{' '}
            {!node.readAt && <Button variant="link" onClick={() => void markRead({ input: { notificationId: node.id } })}>{t('bell.markRead')}</Button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
