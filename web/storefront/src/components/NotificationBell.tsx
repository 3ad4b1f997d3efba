// The bell: the unread count and the latest notifications, kept live by the notificationReceived subscription.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useSubscription } from 'urql';
import { formatDateTime, useI18n } from '@goshop/shared';
import { graphql } from '../gql';

const BellQuery = graphql(`
  query StorefrontBell {
    notifications(first: 8) {
      unreadCount
      edges { node { id title body link readAt createdAt } }
    }
  }
`);

const NotificationArrived = graphql(`
  subscription StorefrontNotificationArrived {
    notificationReceived { id title body link readAt createdAt }
  }
`);

const MarkAllRead = graphql(`
  mutation StorefrontMarkAllRead {
    markAllNotificationsRead(input: {}) { userErrors { code message } }
  }
`);

export function NotificationBell() {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [{ data }, refetch] = useQuery({ query: BellQuery });
  const [live] = useSubscription({ query: NotificationArrived });
  const [, markAll] = useMutation(MarkAllRead);
  const last = useRef<string | null>(null);
  useEffect(() => {
    const id = live.data?.notificationReceived.id;
    if (id && id !== last.current) {
      last.current = id;
      refetch({ requestPolicy: 'network-only' });
    }
  }, [live.data, refetch]);
  const unread = data?.notifications.unreadCount ?? 0;
  return (
    <div className="sf-bell">
      <button type="button" className="gs-button gs-button--link" aria-expanded={open} aria-controls="bell-panel"
        aria-label={t('bell.label', { count: unread })} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">🔔</span>
        {unread > 0 && <span className="sf-badge" data-testid="bell-count" aria-hidden="true">{unread}</span>}
      </button>
      <div id="bell-panel" className="sf-bell__panel gs-card" hidden={!open}>
        <h2>{t('bell.title')}</h2>
        {unread > 0 && (
          <button type="button" className="gs-button gs-button--link"
            onClick={() => void markAll({}).then(() => refetch({ requestPolicy: 'network-only' }))}>{t('bell.markAllRead')}</button>
        )}
        {data?.notifications.edges.length === 0 && <p className="gs-muted">{t('bell.empty')}</p>}
        <ul>
          {data?.notifications.edges.map(({ node }) => (
            <li key={node.id} className={node.readAt ? '' : 'sf-unread'}>
              {node.link?.startsWith('/') ? <Link to={node.link} onClick={() => setOpen(false)}><strong>{node.title}</strong></Link> : <strong>{node.title}</strong>}
              <p>{node.body}</p>
              <small className="gs-muted">{formatDateTime(node.createdAt, locale)}</small>
            </li>
          ))}
        </ul>
        <Link to="/notifications" onClick={() => setOpen(false)}>{t('bell.all')}</Link>
      </div>
    </div>
  );
}
